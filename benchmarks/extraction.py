"""Score article extraction against gold: body text (bag-of-words P/R/F1), photo captions and
credits (../shared/data/captions), bylines (the html pages' author), photos from outside the article.

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
from news60.article.images import image_key, same_image
from news60.errors import ArticleError
from news60.models import Article
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


def read(path: Path) -> Article | None:
    try:
        return read_article(str(path), ArticleSettings())
    except ArticleError:
        return None


def caption_found(gold: str, article: Article) -> bool:
    """The captions README's rule: some photo's caption has bag-of-words F1 >= 0.8 with it."""
    return any(score(p.caption, gold)[2] >= 0.8 for p in article.photos)


def credit_found(gold: str, article: Article) -> bool:
    """The README's rule: the normalised gold credit and some photo's credit contain one another."""
    want = _words(gold)
    return any((got := _words(p.credit)) and (got in want or want in got) for p in article.photos)


def _words(text: str) -> str:
    return " " + " ".join(TOKEN.findall(text.lower())) + " " if text.strip() else ""


def outside(figures: list[dict], article: Article) -> list[str]:
    """The photos that are none of the page's figures (by caption, or by image for uncaptioned ones)."""
    strays = []
    for photo in article.photos:
        by_caption = photo.caption and any(
            score(photo.caption, f["caption"])[2] >= 0.8 for f in figures
        )
        by_image = any(
            f.get("img_src") and same_image(image_key(f["img_src"]), image_key(photo.src or ""))
            for f in figures
        )
        if not (by_caption or by_image):
            strays.append(photo.src or photo.caption)
    return strays


def run_photos(data: Path, verbose: bool) -> None:
    """Caption, credit and outside-photo rows on the hand-checked captions."""
    captions = credits = total = 0
    strays: list[str] = []
    for line in (data / "captions" / "gold.jsonl").read_text().splitlines():
        page = json.loads(line)
        article = read(data / page["page"]) or Article("", ())
        found_c = [caption_found(f["caption"], article) for f in page["figures"]]
        found_r = [credit_found(f["credit"], article) for f in page["figures"]]
        lost = outside(page["figures"], article)
        captions, credits, total = (
            captions + sum(found_c),
            credits + sum(found_r),
            total + len(found_c),
        )
        strays += lost
        if verbose:
            print(
                f"  {page['page']:<40} captions {sum(found_c)}/{len(found_c)}"
                f"  credits {sum(found_r)}/{len(found_r)}  outside {len(lost)} {lost[:3]}"
            )
    print(f"  captions found {captions}/{total} = {captions / total:.0%}")
    print(f"  credits found  {credits}/{total} = {credits / total:.0%}")
    print(f"  photos beyond the hand-checked figures (related, ads, or unlisted): {len(strays)}")


def gold_names(author: str | None) -> list[str]:
    """The people a gold byline names ("By A and B" -> [A, B]); [] when it names none (the
    README's known error: seattletimes-1's byline is a timestamp)."""
    text = re.sub(r"(?i)^by\s+", "", (author or "").strip())
    if not text or re.search(r"\d", text):
        return []
    return [n for n in re.split(r"\s*,\s*|\s+and\s+", text) if n]


def byline_found(names: list[str], found: str) -> bool:
    """Every gold name is among the found names (case and spacing aside)."""
    return all(_words(n) in _words(found) for n in names)


def news60_authors(path: Path) -> str:
    article = read(path)
    return ", ".join(article.reporting.authors) if article else ""


def trafilatura_authors(path: Path) -> str:
    doc = trafilatura.bare_extraction(path.read_text(errors="replace"), with_metadata=True)
    return (doc.author or "") if doc else ""


def run_bylines(pages: list[Path], verbose: bool) -> None:
    """Byline rows: news60's authors beside trafilatura's author field, on the same pages."""
    methods = {"news60": news60_authors, "trafilatura": trafilatura_authors}
    hits = dict.fromkeys(methods, 0)
    cases = [
        (p, gold_names(json.loads((p.parent / "gold.json").read_text())["author"])) for p in pages
    ]
    cases = [(p, names) for p, names in cases if names]
    for path, names in cases:
        row = []
        for name, method in methods.items():
            got = method(path)
            ok = byline_found(names, got)
            hits[name] += ok
            row.append(f"{name} {'ok' if ok else '--'} {got[:40]!r}")
        if verbose:
            print(f"  {path.parent.name:<28} gold {', '.join(names)!r}: " + " | ".join(row))
    for name, n in hits.items():
        print(f"  {name:<12} bylines {n}/{len(cases)} = {n / len(cases):.0%}")


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
    print(f"Photo captions and credits ({args.data / 'captions' / 'gold.jsonl'}):")
    run_photos(args.data, args.verbose)
    print(f"Bylines (author in {args.data / 'html'}/*/gold.json):")
    run_bylines([path for _, path, _ in pages], args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
