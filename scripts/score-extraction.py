#!/usr/bin/env python3
"""Scores `newsdigest extract` against Mozilla Readability's test pages.

Runs the extractor on every `<page>/source.html` of the pages folder (default
`../shared/readability-pages`, relative to the project root) and compares its
text with the visible text of `<page>/expected.html`, as the folder's README
says: NFKC, case folding, words are runs of letters or digits and each Chinese
character or kana is one word; bags of words give precision, recall and F1.
The title in the front matter is compared with the metadata's title.

Usage: scripts/score-extraction.py [PAGES_DIR] [--bin PATH | --command CMD | --all-text] [-v]
Prints one line per page, then the mean F1, the pages under 0.9 and the
titles found. Exit status 0 even when targets are missed: it measures.
"""

import argparse
import html.parser
import json
import os
import subprocess
import sys
import time
import unicodedata
from collections import Counter

# Elements after which words do not run on: block elements and <br>.
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "img", "iframe", "video", "picture", "source",
}
INVISIBLE = {"script", "style", "noscript", "template"}


class VisibleText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE:
            self.hidden += 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in INVISIBLE and self.hidden:
            self.hidden -= 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup):
    parser = VisibleText()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def is_cjk_or_kana(ch):
    cp = ord(ch)
    return (
        0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF  # katakana phonetic extensions
        or 0xFF66 <= cp <= 0xFF9D  # half-width katakana
        or 0x3400 <= cp <= 0x4DBF  # CJK extension A
        or 0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= cp <= 0x2FA1F  # supplementary ideographs
    )


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    out, run = [], []
    for ch in text:
        if is_cjk_or_kana(ch):
            if run:
                out.append("".join(run))
                run = []
            out.append(ch)
        elif ch.isalnum():
            run.append(ch)
        elif run:
            out.append("".join(run))
            run = []
    if run:
        out.append("".join(run))
    return out


def f1(extracted, expected):
    got, want = Counter(extracted), Counter(expected)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    if precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
    "\u2014": "-", "\u2015": "-", "\u2212": "-",
})


def title_key(title):
    return "".join(title.casefold().translate(QUOTES).split())


def title_right(found, expected):
    a, b = title_key(found or ""), title_key(expected or "")
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.4 * len(long_)


def split_front_matter(output):
    """The front matter's fields and the text after it."""
    fields = {}
    lines = output.split("\n")
    if not lines or lines[0].strip() != "---":
        return fields, output
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return fields, "\n".join(lines[i + 1:])
        key, sep, value = line.partition(":")
        if sep:
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                try:
                    value = json.loads(value)
                except ValueError:
                    value = value[1:-1]
            fields[key.strip()] = value
    return fields, output


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages", nargs="?",
                    default=os.path.join(root, "..", "shared", "readability-pages"))
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "newsdigest"),
                    help="the newsdigest binary (default: target/release/newsdigest)")
    ap.add_argument("--command", help="an extractor command instead, given the file as last argument")
    ap.add_argument("--all-text", action="store_true",
                    help="score all visible text of each page instead (no extraction): the baseline")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also print the words missed and added on pages under 0.9")
    args = ap.parse_args()

    pages = sorted(
        d for d in os.listdir(args.pages)
        if os.path.isfile(os.path.join(args.pages, d, "source.html"))
    )
    if not pages:
        sys.exit(f"score-extraction: no <page>/source.html under {args.pages}")
    command = args.command.split() if args.command else [args.bin, "extract"]

    scores, titles_right, low, elapsed = [], 0, [], 0.0
    bylines = [0, 0]  # right, pages that have one
    dates = [0, 0]
    for page in pages:
        folder = os.path.join(args.pages, page)
        with open(os.path.join(folder, "expected.html"), encoding="utf-8") as f:
            expected = words(visible_text(f.read()))
        meta_path = os.path.join(folder, "expected-metadata.json")
        meta = {}
        if os.path.isfile(meta_path):
            with open(meta_path, encoding="utf-8") as f:
                meta = json.load(f) or {}
        started = time.monotonic()
        if args.all_text:
            with open(os.path.join(folder, "source.html"), "rb") as f:
                source = f.read().decode("utf-8", errors="replace")
            run = subprocess.CompletedProcess([], 0, ("---\n---\n" + visible_text(source)).encode(), b"")
        else:
            run = subprocess.run(command + [os.path.join(folder, "source.html")],
                                 capture_output=True)
        elapsed += time.monotonic() - started
        output = run.stdout.decode("utf-8", errors="replace")
        if run.returncode != 0:
            err = run.stderr.decode("utf-8", errors="replace").strip()
            print(f"{page:28} extractor failed: {err}")
        fields, body = split_front_matter(output)
        p, r, score = f1(words(body), expected)
        right = title_right(fields.get("title"), meta.get("title"))
        titles_right += right
        # Byline and date where the metadata has them: the byline by the
        # title rule, the date by its day.
        if meta.get("byline"):
            bylines[1] += 1
            bylines[0] += title_right(fields.get("author"), meta["byline"])
        if meta.get("publishedTime"):
            dates[1] += 1
            dates[0] += (fields.get("date") or "")[:10] == meta["publishedTime"][:10]
        scores.append(score)
        if score < 0.9:
            low.append(page)
        print(f"{page:28} F1 {score:.3f}  P {p:.3f}  R {r:.3f}  title {'right' if right else 'WRONG'}: "
              f"{fields.get('title', '')!r}")
        if args.verbose and score < 0.9:
            got, want = Counter(words(body)), Counter(expected)
            print("    missed:", " ".join(w for w, _ in (want - got).most_common(25)))
            print("    added: ", " ".join(w for w, _ in (got - want).most_common(25)))
            if not right:
                print("    expected title:", repr(meta.get("title")))

    mean = sum(scores) / len(scores)
    print()
    print(f"pages: {len(pages)}")
    print(f"mean F1: {mean:.3f}")
    print(f"pages with F1 >= 0.9: {len(pages) - len(low)} of {len(pages)}")
    print(f"pages under 0.9: {', '.join(low) if low else 'none'}")
    print(f"lowest F1: {min(scores):.3f} ({pages[scores.index(min(scores))]})")
    print(f"titles right: {titles_right} of {len(pages)} ({100 * titles_right / len(pages):.0f}%)")
    print(f"bylines right: {bylines[0]} of {bylines[1]} pages that have one")
    print(f"dates right: {dates[0]} of {dates[1]} pages that have one (same day)")
    print(f"extractor time: {elapsed:.2f} s in all, {1000 * elapsed / len(pages):.0f} ms a page (process start included)")


if __name__ == "__main__":
    main()
