#!/usr/bin/env bash
# Sweeps the same-claim threshold on the development sample and prints the
# figures at each step: pick the middle of the range where must-link recall
# is at least 0.95 with no cannot-link join and no noise.
#   scripts/calibrate-threshold.sh [--lexical] [FROM STEP TO]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mode=()
if [[ ${1:-} == --lexical ]]; then mode=(--lexical); shift; fi
from=${1:-0.30} step=${2:-0.005} to=${3:-0.70}
(cd "$repo" && cargo build --release --quiet)
for t in $(seq "$from" "$step" "$to"); do
  echo "$t $("$repo/target/release/newsdigest" eval "$repo/tests/data/dev-gold.json" "${mode[@]}" --threshold "$t")"
done
