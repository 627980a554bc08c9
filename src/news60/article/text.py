"""Plain-text scrapes: find the densest long run of prose, its headline, photos and credits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from news60.article.captions import read_caption, read_reporting_credit
from news60.article.lines import Line, read_byline, read_date, read_line
from news60.models import Article, Photo

_LEAD = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+\s+){2,}|^[A-Z][A-Z .,'-]{2,40}(?:\([A-Za-z ]+\))?\s*[—–-]{1,2}\s"
)
_WORD = re.compile(r"\w+")
_TITLE_WINDOW = 40  # lines above the body searched for the headline
_PHOTO_WINDOW = 8  # lines above the headline where a lead photo caption may sit


@dataclass(frozen=True)
class Block:
    """The extent of the article body in a list of lines, and of its header above it."""

    start: int
    end: int  # exclusive
    title: int | None


def parse_text(text: str, base: str | None = None) -> Article:
    """Read an article out of the visible text of a page (or a clean plain-text article)."""
    lines = [read_line(line) for line in _split_lines(text)]
    photos = {i: p for i, line in enumerate(lines) if (p := read_caption(line.text))}
    credits = {i: c for i, line in enumerate(lines) if (c := read_reporting_credit(line.text))}
    block = _find_block(lines, photos, credits)
    body = [
        line.text
        for i, line in enumerate(lines[block.start : block.end], block.start)
        if _is_body(line, i, photos, credits)
    ]
    header = lines[(block.title or block.start) : block.start]
    standfirst, body = _split_standfirst(body, header)
    first = block.title if block.title is not None else block.start
    return Article(
        title=lines[block.title].text if block.title is not None else "",
        standfirst=standfirst,
        byline=_first(read_byline(line.text) for line in lines[max(0, first - 3) : block.start + 3])
        or "",
        published=_first(
            read_date(line.text) for line in lines[max(0, first - 10) : block.start + 3]
        ),
        paragraphs=tuple(body),
        photos=_photos(photos, max(0, first - _PHOTO_WINDOW), block.end + 2),
        credits=tuple(dict.fromkeys(c for i, c in credits.items() if first <= i <= block.end + 8)),
    )


def _split_lines(text: str) -> list[str]:
    """Non-empty lines with their whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _score(line: Line, i: int, photos: dict, credits: dict) -> float:
    """How much a line says "article body here": prose counts its words, furniture against."""
    if i in photos or i in credits:
        return 0.0
    if line.furniture:
        return -max(10.0, float(line.words))
    if line.prose:
        return float(line.words)
    return -2.0 - min(line.words, 12)


def _find_block(lines: list[Line], photos: dict, credits: dict) -> Block:
    """The run of lines with the highest total score (the densest long stretch of prose)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += _score(line, i, photos, credits)
        if total > best:
            best, best_span = total, (start, i + 1)
    start, end = best_span
    return Block(start=start, end=end, title=_find_title(lines, start))


def _find_title(lines: list[Line], start: int) -> int | None:
    """The headline: the page title if it reappears above the body, else the nearest headline."""
    page_title = _title_stem(lines[0].text) if lines else ""
    above = range(start - 1, max(-1, start - _TITLE_WINDOW), -1)
    for i in above:
        if i > 0 and lines[i].headline and _title_stem(lines[i].text) == page_title:
            return i
    for i in above:
        if _headline(lines[i]):
            return i
    return None


def _headline(line: Line) -> bool:
    """A headline candidate: headline-shaped and not a caption, byline or dateline."""
    if not line.headline or line.prose or read_caption(line.text) is not None:
        return False
    return read_byline(line.text) is None and read_date(line.text) is None


def _title_stem(text: str) -> str:
    """A page title without its " - Site name" suffix, lower-cased."""
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", text)[0].strip().lower()


def _is_body(line: Line, i: int, photos: dict, credits: dict) -> bool:
    """Keep prose and short subheadings; drop furniture, captions and credits."""
    if i in photos or i in credits or line.furniture:
        return False
    return line.prose


def _split_standfirst(body: list[str], header: list[Line]) -> tuple[str, list[str]]:
    """Take the first paragraph as standfirst when it summarises rather than starts the story."""
    if len(body) < 3:
        return "", body
    first, second = body[0], body[1]
    repeated = _overlap(first, " ".join(body[1:4])) >= 0.6
    if _LEAD.match(second) and not _LEAD.match(first) or repeated:
        return first, body[1:]
    return "", body


def _overlap(a: str, b: str) -> float:
    """Share of the words of `a` that also occur in `b`."""
    words = set(_WORD.findall(a.lower()))
    return len(words & set(_WORD.findall(b.lower()))) / max(1, len(words))


def _photos(photos: dict[int, Photo], start: int, end: int) -> tuple[Photo, ...]:
    """Captioned photos near the story, merging split credit and caption lines ("Image caption")."""
    found: list[Photo] = []
    for i in sorted(k for k in photos if start <= k < end):
        photo = photos[i]
        if found and not photo.credit and not found[-1].caption:
            found[-1] = Photo(src=None, caption=photo.caption, credit=found[-1].credit)
        elif photo.caption or photo.credit:
            found.append(photo)
    return tuple(dict.fromkeys(found))


def _first(values) -> str | None:
    """The first value that is not None."""
    return next((v for v in values if v), None)
