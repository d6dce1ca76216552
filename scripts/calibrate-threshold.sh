#!/usr/bin/env bash
# Sweeps the same-claim threshold on the development sample and prints the
# figures at each step: pick the middle of the range where must-link recall
# is at least 0.95 with no cannot-link join and no noise.
#   scripts/calibrate-threshold.sh [--gold FILE] [--lexical | --transformer [DIR]] [FROM STEP TO]
# --gold: other labels of the same shape (default tests/data/dev-gold.json),
# e.g. tests/data/team-labels.json.
# (--transformer: the built-in one, or a folder packed by scripts/pack_transformer.py.)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mode=(--static)
gold=$repo/tests/data/dev-gold.json
if [[ ${1:-} == --gold ]]; then gold=$2; shift 2; fi
if [[ ${1:-} == --lexical ]]; then mode=(--lexical); shift; fi
if [[ ${1:-} == --transformer ]]; then
  mode=(--transformer); shift
  if [[ -d ${1:-} ]]; then mode+=("$1"); shift; fi
fi
from=${1:-0.30} step=${2:-0.005} to=${3:-0.70}
(cd "$repo" && cargo build --release --quiet)
for t in $(seq "$from" "$step" "$to"); do
  echo "$t $("$repo/target/release/newsdigest" eval "$gold" "${mode[@]}" --threshold "$t")"
done
