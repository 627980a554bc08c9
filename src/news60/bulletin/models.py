"""The bulletin's data between its stages: sources, stories, segments and chapters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from news60.models import Article, Narration, Photo, Timeline
from news60.records.manifest import Chapter, LeftOut  # as the manifest records them

__all__ = ["Bulletin", "Chapter", "Cut", "Item", "LeftOut", "Segment"]


@dataclass(frozen=True)
class Item:
    """A story of the line-up as read, with the sources of the near-duplicates merged into it,
    its date (news60.bulletin.airing) and what a producer should know about it."""

    source: str
    article: Article
    also: tuple[str, ...] = ()
    date: dt.date | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A story as the bulletin tells it: the first `said` of its units, lead first, under a kicker."""

    item: Item
    kicker: str
    units: tuple[str, ...]  # whole story units in article order, the lead first
    photo: Photo | None = None
    said: int = 1

    @property
    def headline(self) -> str:
        return self.item.article.title

    @property
    def text(self) -> str:
        return " ".join(self.units[: self.said])


@dataclass(frozen=True)
class Bulletin:
    """The title, the day, the segments in running order and the stories left out."""

    title: str
    day: dt.date
    segments: tuple[Segment, ...]
    left_out: tuple[LeftOut, ...] = ()

    @property
    def spoken_date(self) -> str:
        """The date as people say it: 'Friday, 28 June'."""
        return f"{self.day:%A}, {self.day.day} {self.day:%B}"

    @property
    def heading(self) -> str:
        """The title with its day, as players and platforms list it: 'News — Friday, 28 June'."""
        return f"{self.title} — {self.spoken_date}"


@dataclass(frozen=True)
class Cut:
    """The bulletin as made: what is said, its narration, the first format's timeline, chapters."""

    bulletin: Bulletin
    narration: Narration
    timeline: Timeline
    chapters: tuple[Chapter, ...]
