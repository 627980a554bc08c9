"""RSS and Atom feeds read with feedparser; a re-poll sends the feed's ETag and Last-Modified back,
so an unchanged feed costs one 304 and lists nothing new. Feeds are downloaded like articles
(news60's fetch: public hosts unless --allow-private, a whole-request deadline, a size cap)."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from news60.article.fetch import fetch_document, is_url
from news60.errors import ArticleError
from news60.settings import ArticleSettings
from news60.sources.entries import Entry, SourceError

log = logging.getLogger(__name__)

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8"
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)\b")  # RSS 2.0, Atom and RSS 1.0 root elements


def is_feed(head: bytes) -> bool:
    """An XML document whose root is an RSS or Atom element (its first 2 KB say so)."""
    return bool(_FEED_HEAD.search(head[:2048]))


@dataclass
class FeedPoller:
    """Reads feeds and remembers each one's validators for the next poll (in this process only:
    a new run reads every feed whole, so stories a killed run left unfinished are listed again)."""

    settings: ArticleSettings
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def poll(self, source: str) -> list[Entry]:
        """The feed's items in feed order; none when the server says it has not changed. A URL
        that answers with a page rather than a feed is that one article (a story named by URL),
        the page kept so that it is not fetched again."""
        if not is_url(source):
            return feed_entries(Path(source).read_bytes(), str(Path(source).resolve()))
        etag, modified = self.validators.get(source, (None, None))
        try:
            fetched = fetch_document(
                source, self.settings, accept=FEED_ACCEPT, etag=etag, modified=modified
            )
        except ArticleError as exc:  # unreachable, HTTP error, too slow: named with the fix
            raise SourceError(str(exc)) from None
        if fetched.status == 304:
            log.info("feed %s has not changed since the last poll", source)
            return []
        if not is_feed(fetched.body):
            return [Entry(source, origin=source, page=fetched.body)]
        entries = feed_entries(fetched.body, source)
        self.validators[source] = (fetched.etag, fetched.modified)
        return entries


def feed_entries(data: bytes, origin: str) -> list[Entry]:
    """A feed document's items in feed order; an unreadable or empty feed is an error."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        raise SourceError(
            f"cannot read the feed {origin} ({reason}): check the address, or that it is RSS or Atom"
        )
    return [entry for item in parsed.entries if (entry := _entry(item, origin))]


def _entry(item, source: str) -> Entry | None:
    """A feed item as a story: its link, title and date; an item without a link is skipped."""
    link = _resolved(item.get("link") or "", source)
    if not is_url(link) and not Path(link).is_absolute():
        log.warning("feed %s: item %r has no usable link: skipped", source, item.get("title"))
        return None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    published = dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC) if stamp else None
    summary = plain_text(item.get("summary") or item.get("description") or "")
    return Entry(
        link, published=published, title=item.get("title", ""), origin=source, summary=summary
    )


def plain_text(html: str) -> str:
    """A feed item's description (HTML) as text, a blank line after each paragraph or break."""
    import lxml.html
    from lxml import etree

    if not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(html.split())
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(" ".join(p.split()) for p in root.text_content().split("\n\n") if p.strip())


def _resolved(link: str, origin: str) -> str:
    """A relative link is relative to the feed: its URL, or the folder of a feed file."""
    if not link or is_url(link):
        return link
    if is_url(origin):
        return urljoin(origin, link)  # '/stories/1.html' on a site's feed is on that site
    return link if Path(link).is_absolute() else str(Path(origin).parent / link)
