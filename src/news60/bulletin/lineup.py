"""The line-up: stories listed and read in the editor's order, near-duplicates merged, the first N
kept. SOURCEs are read exactly as `news60 batch` reads them (news60.sources)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from news60.article import fallback_paragraphs
from news60.bulletin.airing import NotAired, aired_notes, not_aired, story_date
from news60.bulletin.models import Item, LeftOut
from news60.bulletin.segments import story_units
from news60.errors import ArticleError, News60Error
from news60.models import Article
from news60.pipeline import read_source
from news60.settings import ArticleSettings, Settings
from news60.sources import Entry, FeedPoller, SourceError, read_source_list
from news60.sources.listing import unique

progress = logging.getLogger("news60.progress")

# Cosine of MiniLM embeddings of headline and lead: the same event told by two outlets measured
# 0.67-0.84 on the dev pages, different events about one company or outbreak 0.43-0.46.
DUPLICATE = 0.6
MIN_STORIES = 2  # fewer is a single clip, not a bulletin
SHOWN = 3  # failures named in the error: a feed of fifty dead links needs no fifty-line message


def list_sources(
    sources: Sequence[str], settings: ArticleSettings
) -> tuple[list[Entry], list[LeftOut]]:
    """Every story the sources name, in order, each once; a source that cannot be listed (a dead
    feed, a bad manifest) is left out with its reason and the others are read."""
    poller = FeedPoller(settings)
    entries: list[Entry] = []
    left_out: list[LeftOut] = []
    for source in sources:
        try:
            entries += read_source_list(source, poller)
        except SourceError as exc:
            left_out.append(LeftOut(source, str(exc)))
    return unique(entries), left_out


def read_lineup(
    entries: Sequence[Entry], settings: Settings, count: int, day: dt.date
) -> tuple[list[Item], list[LeftOut]]:
    """Read stories in order until `count` distinct ones that a bulletin dated `day` airs are in;
    failures, stories not aired (too old, undated, not news) and repeats noted."""
    items: list[Item] = []
    vectors: list[np.ndarray] = []
    left_out: list[LeftOut] = []
    for entry in entries:
        if len(items) >= count:
            break
        try:
            item, lead = read_item(entry, settings, day)
        except News60Error as exc:
            progress.info("left out %s: %s", entry.source, exc)
            left_out.append(LeftOut(entry.source, str(exc)))
            continue
        vector = _embedding(item.article.title, lead)
        twin = _twin(vector, vectors)
        if twin is None:
            items.append(item)
            vectors.append(vector)
            continue
        items[twin] = merged(items[twin], entry.source, item.article)
        left_out.append(LeftOut(entry.source, f"the same story as {items[twin].source}: merged"))
    return items, left_out


def read_item(entry: Entry, settings: Settings, day: dt.date) -> tuple[Item, str]:
    """The story as the line-up holds it, dated, and its lead; NotAired when a news bulletin
    dated `day` leaves it out."""
    article, lead = read_story(entry, settings)
    date = story_date(article, entry)
    reason = not_aired(article, date, entry, settings.bulletin, day)
    if reason:
        raise NotAired(reason)
    notes = aired_notes(date, settings.bulletin, day)
    if article.paragraphs == fallback_paragraphs(entry.summary):
        notes.append("its page held no story text: told from its feed item's description")
    return Item(entry.source, article, date=date, notes=tuple(notes)), lead


def read_story(entry: Entry, settings: Settings) -> tuple[Article, str]:
    """The story's article and its lead unit; a story that has no lead cannot be told. A page
    that yields no text is read from its feed item's description instead (read_article)."""
    entry.check()
    article = read_source(entry.source, settings, data=entry.page, fallback=entry.summary)
    lead = story_units(article)[:1]
    if not lead:
        raise ArticleError(f"{entry.source} has no sentence that can lead a story: check the page")
    return article, lead[0]


def merged(item: Item, source: str, twin: Article) -> Item:
    """The story told once: the first outlet's text, the other's photos to choose from too."""
    photos = item.article.photos + tuple(p for p in twin.photos if p not in item.article.photos)
    return replace(item, article=replace(item.article, photos=photos), also=(*item.also, source))


def check_enough(
    items: Sequence[Item], left_out: Sequence[LeftOut], sources: Sequence[str]
) -> None:
    """A bulletin needs at least two stories: otherwise say which sources failed and why."""
    if len(items) >= MIN_STORIES:
        return
    reasons = "; ".join(f"{x.source}: {x.reason}" for x in left_out[:SHOWN]) or "none failed"
    if len(left_out) > SHOWN:
        reasons += f"; and {len(left_out) - SHOWN} more"
    raise ArticleError(
        f"a bulletin needs at least {MIN_STORIES} readable stories but {', '.join(sources)} "
        f"gave {len(items)} ({reasons}): add stories, or make a single clip with `news60 make`"
    )


def _embedding(headline: str, lead: str) -> np.ndarray:
    from news60.script.embeddings import embed

    vector: np.ndarray = embed([f"{headline}. {lead}"])[0]  # numpy types a row as Any
    return vector


def _twin(vector: np.ndarray, earlier: list[np.ndarray]) -> int | None:
    """The earlier story this one repeats, if any."""
    if not earlier:
        return None
    similarity = np.stack(earlier) @ vector
    best = int(similarity.argmax())
    return best if similarity[best] >= DUPLICATE else None
