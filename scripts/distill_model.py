"""Distils all-MiniLM-L6-v2 (from a local folder, never the hub) into the
static model2vec embedding that newsdigest compiles in, and writes it in the
format `src/digest/embedding.rs` reads:

  config.json    dims, rows and the tokenizer's settings
  vocab.txt      one WordPiece token per line, in row order
  embeddings.i8  rows x dims int8, row-major
  scales.f32     one little-endian f32 per row: value = int8 * scale

Run through scripts/distill-model.sh, which prepares the venv and the model.
"""

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
from model2vec.distill import distill  # noqa: E402


def all_but_the_top(vectors: np.ndarray, components: int) -> np.ndarray:
    """Removes what every token row shares: the mean row and the `components`
    directions of largest variance (Mu & Viswanath, "All-but-the-Top", 2018).
    By their analysis those directions carry word frequency more than
    meaning; every sentence vector leans on them, which lifts the cosine of
    any two sentences. Each row keeps its norm, which holds its SIF weight in
    the mean-pooled sentence."""
    rows = vectors.astype(np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    centred = rows - rows.mean(axis=0)
    # Eigenvectors of the covariance (deterministic, as model2vec's PCA).
    _, eigenvectors = np.linalg.eigh(centred.T @ centred)
    top = eigenvectors[:, ::-1][:, :components]
    centred -= (centred @ top) @ top.T
    lengths = np.linalg.norm(centred, axis=1, keepdims=True)
    scaled = np.divide(centred, lengths, out=np.zeros_like(centred), where=lengths > 0) * norms
    return scaled.astype(np.float32)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", required=True, type=Path, help="folder of the sentence-transformers model")
    parser.add_argument("--out", required=True, type=Path, help="folder to write the static model to")
    parser.add_argument("--pca-dims", type=int, default=256)
    parser.add_argument("--sif-coefficient", type=float, default=1e-4)
    parser.add_argument("--model2vec-out", type=Path, help="also save the float32 model2vec model here")
    parser.add_argument("--remove-components", type=int, default=0,
                        help="all-but-the-top: remove the rows' mean and this many principal components")
    args = parser.parse_args()

    model = distill(
        model_name=str(args.source),
        pca_dims=args.pca_dims,
        sif_coefficient=args.sif_coefficient,
        quantize_to="float32",
        device="cpu",
    )
    if model.weights is not None or model.token_mapping is not None:
        sys.exit("expected SIF weights baked into the vectors, without a token mapping")

    tokenizer = json.loads(model.tokenizer.to_str())
    if tokenizer["model"]["type"] != "WordPiece":
        sys.exit(f"expected a WordPiece tokenizer, got {tokenizer['model']['type']}")
    normalizer = tokenizer["normalizer"]
    if normalizer is None or normalizer.get("type") != "BertNormalizer":
        sys.exit(f"expected BERT's normalizer, got {normalizer}")
    if tokenizer["pre_tokenizer"] is None or tokenizer["pre_tokenizer"].get("type") != "BertPreTokenizer":
        sys.exit(f"expected BERT's pre-tokenizer, got {tokenizer['pre_tokenizer']}")
    vocab: dict[str, int] = tokenizer["model"]["vocab"]
    tokens = sorted(vocab, key=vocab.get)
    vectors = np.asarray(model.embedding, dtype=np.float32)
    if [vocab[t] for t in tokens] != list(range(len(tokens))) or len(tokens) != vectors.shape[0]:
        sys.exit("token ids are not the rows 0..n of the matrix")
    if any(any(c.isspace() for c in t) or not t for t in tokens):
        sys.exit("a token holds white space: vocab.txt could not hold it on one line")

    if args.remove_components:
        vectors = all_but_the_top(vectors, args.remove_components)

    # Symmetric int8 per row; an all-zero row keeps scale 0.
    peak = np.abs(vectors).max(axis=1)
    scales = (peak / 127.0).astype(np.float32)
    safe = np.where(scales > 0, scales, 1.0)
    quantised = np.clip(np.rint(vectors / safe[:, None]), -127, 127).astype(np.int8)

    lowercase = bool(normalizer.get("lowercase", True))
    strip_accents = normalizer.get("strip_accents")
    config = {
        "dims": int(vectors.shape[1]),
        "rows": len(tokens),
        "unk_token": tokenizer["model"]["unk_token"],
        "continuing_subword_prefix": tokenizer["model"]["continuing_subword_prefix"],
        "max_input_chars_per_word": tokenizer["model"]["max_input_chars_per_word"],
        # model2vec's tokenizer keeps the first max_length tokens of a text.
        "max_tokens": (tokenizer.get("truncation") or {}).get("max_length"),
        "lowercase": lowercase,
        # BERT strips accents whenever it lowercases, unless told otherwise.
        "strip_accents": lowercase if strip_accents is None else bool(strip_accents),
        "distillation": {
            "tool": "model2vec",
            "pca_dims": args.pca_dims,
            "sif_coefficient": args.sif_coefficient,
            "removed_tokens": r"\[unused\d+\]",
            "quantisation": "int8, symmetric, one f32 scale per row",
            **({"removed_components": args.remove_components} if args.remove_components else {}),
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (args.out / "vocab.txt").write_text("".join(t + "\n" for t in tokens), encoding="utf-8")
    (args.out / "embeddings.i8").write_bytes(quantised.tobytes(order="C"))
    (args.out / "scales.f32").write_bytes(scales.astype("<f4").tobytes())

    # How much the int8 rows move sentence embeddings: cosine against float32.
    probe = [
        "Meta allegedly shared users' DMs with Netflix for almost a decade.",
        "For almost 10 years Netflix had access to Facebook users' messages.",
        "The central bank raised interest rates by a quarter point.",
    ]
    model.embedding = vectors
    exact = model.encode(probe)
    model.embedding = quantised.astype(np.float32) * scales[:, None]
    approx = model.encode(probe)
    agreement = (exact * approx).sum(axis=1)
    print(f"wrote {args.out}: {len(tokens)} tokens x {vectors.shape[1]} dims; "
          f"int8 vs float32 sentence cosine min {agreement.min():.5f}")
    if args.model2vec_out is not None:
        model.embedding = vectors
        model.save_pretrained(str(args.model2vec_out))
        print(f"wrote the float32 model2vec model to {args.model2vec_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
