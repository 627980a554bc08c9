"""Where a day's stories come from: feeds, folders of article files, manifests and articles named
one by one, in the editor's order (feed order, manifest order, then command-line order)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from news60.article.fetch import is_url
from news60.localfiles import is_regular, open_regular
from news60.settings import ArticleSettings
from news60.sources.entries import Entry, SourceError
from news60.sources.feeds import FeedPoller, is_feed
from news60.sources.manifests import read_manifest

MANIFEST_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
# Files beside the articles that are never articles: photos and media a CMS export refers to.
NOT_ARTICLES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".mp3", ".mp4"}
NOT_ARTICLE_NAMES = {"photos.json"}  # the credits file of a --photos folder


def read_sources(
    sources: Iterable[str], settings: ArticleSettings, feeds: FeedPoller | None = None
) -> list[Entry]:
    """Every story the sources list, in the editor's order, each source once."""
    poller = feeds or FeedPoller(settings)
    entries: list[Entry] = []
    for source in sources:
        entries += read_source_list(source, poller)
    return unique(entries)


def read_source_list(source: str, feeds: FeedPoller) -> list[Entry]:
    """One SOURCE: a feed (URL or file), a folder of articles, a manifest, or one article (URL or
    file)."""
    if is_url(source):
        return feeds.poll(source)
    path = Path(source).expanduser()
    if path.is_dir():
        return read_folder(path)
    if not is_regular(path):
        what = "is not a regular file (a pipe or device)" if path.exists() else "not found"
        raise SourceError(f"{source} {what}: give a feed URL, a folder, a manifest or a file")
    if path.suffix.lower() in MANIFEST_SUFFIXES:
        return read_manifest(path, feeds.settings.base)
    if looks_like_feed(path):
        return feeds.poll(str(path))
    return [Entry(str(path.resolve()), published=_mtime(path), file_time=True, origin=source)]


def read_folder(folder: Path) -> list[Entry]:
    """The article files in a folder, by name; hidden files, photos and sub-folders left out."""
    paths = sorted(
        p
        for p in folder.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() not in NOT_ARTICLES | MANIFEST_SUFFIXES
        and p.name not in NOT_ARTICLE_NAMES
    )
    return [
        Entry(str(p.resolve()), published=_mtime(p), file_time=True, origin=str(folder))
        for p in paths
    ]


def looks_like_feed(path: Path) -> bool:
    """An XML file whose root is an RSS or Atom element (its first 2 KB say so)."""
    with open_regular(path) as handle:
        return is_feed(handle.read(2048))


def unique(entries: list[Entry]) -> list[Entry]:
    """Each story once (two feeds may list one article), at its first place."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.source, entry)
    return list(seen.values())


def select(entries: list[Entry], since: dt.datetime | None, limit: int | None) -> list[Entry]:
    """Entries published at or after `since` (undated ones kept), at most `limit` of them."""
    kept = [e for e in entries if since is None or e.published is None or e.published >= since]
    return kept[:limit] if limit is not None else kept


_RELATIVE = re.compile(r"^(\d+(?:\.\d+)?)\s*([mhdw])$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(text: str, now: dt.datetime | None = None) -> dt.datetime:
    """'2024-05-01', '2024-05-01T06:00', or an age such as '90m', '6h', '2d' (UTC if no zone)."""
    now = now or dt.datetime.now(dt.UTC)
    match = _RELATIVE.match(text.strip().lower())
    if match:
        return now - dt.timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise SourceError(
            f"--since {text!r} is not a date or an age: give e.g. 2024-05-01, "
            "2024-05-01T06:00 or 6h / 2d"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _mtime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
