"""Prints, one per line, the cosine that Python model2vec gives each pair of a
tab-separated pairs file, with the float32 model that distill-model.sh saved:
the reference the Rust embedder is checked against."""

import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402
from model2vec import StaticModel  # noqa: E402

model_dir, pairs_path = sys.argv[1], sys.argv[2]
model = StaticModel.from_pretrained(model_dir)
pairs = [line.split("\t")[:2] for line in open(pairs_path, encoding="utf-8").read().splitlines()]
first = model.encode([a for a, _ in pairs])
second = model.encode([b for _, b in pairs])
for cosine in (first * second).sum(axis=1):
    print(f"{cosine:.6f}")
