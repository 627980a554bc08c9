"""Score article extraction against gold text: bag-of-words precision, recall and F1.

Run: .venv/bin/python benchmarks/extraction.py [--data ../shared/data] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura

from news60.article import read_article
from news60.errors import ArticleError
from news60.settings import ArticleSettings

REPO = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")


def score(found: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the lower-cased word multisets."""
    got, want = Counter(TOKEN.findall(found.lower())), Counter(TOKEN.findall(gold.lower()))
    overlap = sum((got & want).values())
    precision = overlap / max(1, sum(got.values()))
    recall = overlap / max(1, sum(want.values()))
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def ours(path: Path) -> str:
    """Body text as news60 reads it; empty when it finds no article."""
    try:
        return read_article(str(path), ArticleSettings()).text
    except ArticleError:
        return ""


def visible_text(path: Path) -> str:
    """Every visible text node of an HTML page (scripts and styles removed)."""
    root = lxml.html.fromstring(path.read_bytes())
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return root.text_content()


def trafilatura_alone(path: Path) -> str:
    """trafilatura's default extraction, for comparison."""
    return trafilatura.extract(path.read_bytes()) or ""


def run(
    cases: list[tuple[str, Path, str]], methods: dict[str, Callable[[Path], str]], verbose: bool
):
    """Score every method on every case and print per-case and summary lines."""
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in methods}
    for case, path, gold in cases:
        row = []
        for name, method in methods.items():
            scores = score(method(path), gold)
            results[name].append(scores)
            row.append(f"{name} F1 {scores[2]:.3f} P {scores[0]:.3f}")
        if verbose:
            print(f"  {case:<28} " + " | ".join(row))
    for name, scores in results.items():
        p, r, f = zip(*scores, strict=True)
        print(
            f"  {name:<12} median F1 {statistics.median(f):.3f}  mean F1 {statistics.mean(f):.3f}"
            f"  mean P {statistics.mean(p):.3f}  mean R {statistics.mean(r):.3f}  (n={len(f)})"
        )


def main(argv: list[str] | None = None) -> int:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every page's scores")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"no data folder at {args.data}: pass --data PATH")
    scrapes = [
        (d.name, d / "scrape.txt", json.loads((d / "gold.json").read_text())["text"])
        for d in sorted((args.data / "scrapes").iterdir())
        if (d / "scrape.txt").exists()
    ]
    pages = [
        (d.name, d / "page.html", json.loads((d / "gold.json").read_text())["text"])
        for d in sorted((args.data / "html").iterdir())
        if (d / "page.html").exists()
    ]
    untouched = lambda path: path.read_text(errors="replace")  # noqa: E731
    print(f"Plain-text scrapes ({args.data / 'scrapes'}):")
    run(scrapes, {"news60": ours, "untouched": untouched}, args.verbose)
    print(f"HTML pages ({args.data / 'html'}):")
    run(
        pages,
        {"news60": ours, "visible text": visible_text, "trafilatura": trafilatura_alone},
        args.verbose,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
