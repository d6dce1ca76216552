#!/usr/bin/env bash
# Fits the learned same-claim decision (scripts/train_same_claim.py) and
# rewrites models/same-claim.json. Needs STS Benchmark (scripts/fetch-sts.sh)
# and the ECB+ train topics in ../shared/ecbplus-dev; numpy and scipy go
# into a throwaway venv in the cache dir, pinned.
#
#   scripts/train-same-claim.sh                   the built-in embedder's and the lexical model
#   scripts/train-same-claim.sh --transformer [DIR]  the transformer's model (the built-in one, or a
#                                                    folder packed by scripts/pack_transformer.py), the others kept
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
venv=$cache/venv-train
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy==2.4.6 scipy==1.17.1
fi
sts=$(scripts/fetch-sts.sh)
target=${CARGO_TARGET_DIR:-target}
extra=()
if [[ ${1:-} == --transformer ]]; then
  extra=(--transformer ${2:+"$2"})
fi
cargo build --release --quiet --bin newsdigest --example pair_features
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$venv/bin/python" scripts/train_same_claim.py --sts-dir "$sts" --binary "$target/release/newsdigest" \
  --example "$target/release/examples/pair_features" --ecb ../shared/ecbplus-dev --work "$work" "${extra[@]}"
