"""What the editor gave, as stories in the editor's order: a feed's items in feed order, a folder's
files by name, a manifest's rows in order, or articles named one by one.

(A small reader of its own until `news60.batch` offers the same listing.)"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urljoin

from news60.article.fetch import fetch, is_url
from news60.bulletin.models import Entry, LeftOut
from news60.errors import ArticleError, News60Error
from news60.settings import ArticleSettings

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8"
MANIFESTS = (".csv", ".jsonl", ".ndjson")
# Files in a story folder that are not stories: photos and their credits beside the articles.
NOT_ARTICLES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff")
# An RSS, RDF or Atom document announces itself in its first element.
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_SOURCE_COLUMNS = ("source", "url", "path", "file")


def list_sources(
    sources: Sequence[str], settings: ArticleSettings
) -> tuple[list[Entry], list[LeftOut]]:
    """Every story the sources name, in order; a source that cannot be listed is left out."""
    entries: list[Entry] = []
    left_out: list[LeftOut] = []
    for source in sources:
        try:
            entries.extend(_entries(source, settings))
        except News60Error as exc:
            left_out.append(LeftOut(source, str(exc)))
    # Two feeds, or a feed and a file, may list one story: it is told once, at its first place.
    unique = {entry.source: entry for entry in reversed(entries)}
    return [e for e in entries if unique[e.source] is e], left_out


def _entries(source: str, settings: ArticleSettings) -> Iterator[Entry]:
    if is_url(source):
        data = fetch(source, settings, accept=FEED_ACCEPT)
        yield from feed_entries(data, source) if is_feed(data) else [Entry(source, data)]
        return
    path = Path(source).expanduser()
    if path.is_dir():
        yield from folder_entries(path)
    elif path.suffix.lower() in MANIFESTS and path.is_file():
        yield from manifest_entries(path)
    elif path.is_file() and is_feed(_head(path)):
        yield from feed_entries(path.read_bytes(), str(path))
    else:
        yield Entry(source)


def is_feed(data: bytes) -> bool:
    """An RSS or Atom document, judged from its first bytes."""
    return bool(_FEED.search(data[:2048]))


def feed_entries(data: bytes, origin: str) -> list[Entry]:
    """The feed's item links in feed order (the editor's order)."""
    import feedparser

    parsed = feedparser.parse(data)
    links = [entry.get("link") for entry in parsed.entries]
    if not parsed.entries and parsed.get("bozo"):
        raise ArticleError(
            f"{origin} is not a feed news60 can read ({parsed.get('bozo_exception')}): "
            "check the feed URL or file"
        )
    return [Entry(_resolved(link, origin)) for link in links if link]


def folder_entries(folder: Path) -> list[Entry]:
    """The folder's article files in name order (number them to set the running order)."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    articles = [
        p for p in files if p.suffix.lower() not in NOT_ARTICLES and p.name != "photos.json"
    ]
    if not articles:
        raise ArticleError(f"folder {folder} holds no article files: put the stories in it")
    return [Entry(str(p)) for p in articles]


def manifest_entries(path: Path) -> list[Entry]:
    """A CSV (a `source`, `url` or `path` column) or JSON lines manifest, one story a row."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(io.StringIO(text)))
    else:
        rows = [
            _json_row(line, path, n) for n, line in enumerate(text.splitlines(), 1) if line.strip()
        ]
    sources = [_row_source(row, path) for row in rows]
    return [Entry(_resolved(s, str(path))) for s in sources]


def _json_row(line: str, path: Path, number: int) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(
            f"{path} line {number} is not JSON ({exc.msg}): fix the manifest"
        ) from None
    return row if isinstance(row, dict) else {"source": row}


def _row_source(row: dict, path: Path) -> str:
    for column in _SOURCE_COLUMNS:
        if row.get(column):
            return str(row[column]).strip()
    raise ArticleError(
        f"a row of {path} names no story: give each row a {' or '.join(_SOURCE_COLUMNS)} column"
    )


def _resolved(source: str, origin: str) -> str:
    """A relative path in a manifest or feed is relative to where that manifest or feed lives."""
    if is_url(origin):
        return urljoin(origin, source)
    if is_url(source) or Path(source).expanduser().is_absolute():
        return source
    return str(Path(origin).parent / source)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(2048)
