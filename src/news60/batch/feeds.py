"""RSS and Atom feeds read with feedparser; a re-poll sends the feed's ETag and Last-Modified back,
so an unchanged feed costs one 304 and lists nothing new."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from news60 import __version__
from news60.article.fetch import check_url, is_url
from news60.batch.entries import Entry, SourceError
from news60.settings import ArticleSettings

log = logging.getLogger(__name__)

AGENT = f"news60/{__version__} (feed reader)"


@dataclass
class FeedPoller:
    """Reads feeds and remembers each one's validators for the next poll (in this process only:
    a new run reads every feed whole, so stories a killed run left unfinished are listed again)."""

    settings: ArticleSettings
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def poll(self, source: str) -> list[Entry]:
        """The feed's items in feed order; none when the server says it has not changed."""
        import feedparser

        if is_url(source):
            check_url(source, self.settings)
        etag, modified = self.validators.get(source, (None, None))
        parsed = feedparser.parse(source, etag=etag, modified=modified, agent=AGENT)
        status = parsed.get("status")
        if status == 304:
            log.info("feed %s has not changed since the last poll", source)
            return []
        _check(parsed, source, status)
        self.validators[source] = (parsed.get("etag"), parsed.get("modified"))
        return [entry for item in parsed.entries if (entry := _entry(item, source))]


def _check(parsed, source: str, status: int | None) -> None:
    """A feed that could not be fetched or holds no items is an error naming what happened."""
    if status is not None and status >= 400:
        raise SourceError(f"feed {source} answered HTTP {status}: check the feed's address")
    if not parsed.entries and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        raise SourceError(
            f"cannot read the feed {source} ({reason}): check the address, or that it is RSS or Atom"
        )


def _entry(item, source: str) -> Entry | None:
    """A feed item as a story: its link, title and date; an item without a link is skipped."""
    link = item.get("link") or ""
    if not is_url(link) and not Path(link).is_absolute():
        log.warning("feed %s: item %r has no usable link: skipped", source, item.get("title"))
        return None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC) if stamp else None
    return Entry(link, published=published, title=item.get("title", ""), origin=source)
