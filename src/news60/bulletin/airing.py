"""Which stories a news bulletin airs: today's news. A story dated more than --max-age before the
bulletin's date, or with no date at all, is left out unless the producer names it (--allow-old);
opinion, analysis, reviews, sponsored stories and live blogs are left out unless the producer asks
for their kind (--include), and then they are labelled. Each reason names the flag that airs it."""

from __future__ import annotations

import datetime as dt

from news60.errors import News60Error
from news60.models import Article
from news60.settings import BulletinSettings
from news60.sources import Entry
from news60.stories import story_key


class NotAired(News60Error):
    """A story a news bulletin leaves out (too old, undated, not news): the reason names the flag
    that airs it."""


def story_date(article: Article, entry: Entry) -> dt.date | None:
    """The story's date: the page's published date, else its last update, else its feed item's or
    manifest row's date; never a file's modification time (a copy made today of an old page)."""
    for value in (article.published, article.modified):
        day = _day(value)
        if day is not None:
            return day
    if entry.published is not None and not entry.file_time:
        return entry.published.date()
    return None


def not_aired(
    article: Article, date: dt.date | None, entry: Entry, rules: BulletinSettings, day: dt.date
) -> str | None:
    """Why a news bulletin dated `day` leaves the story out, or None when it airs."""
    if article.kind != "news" and article.kind not in rules.include:
        return (
            f"{_kind_name(article.kind)}, not news: a news bulletin leaves it out "
            f"(--include {article.kind} airs it, labelled {article.label})"
        )
    if named(entry.source, rules.allow_old) or not rules.max_age:
        return None
    if date is None:
        return (
            "no date on the page or its feed item: name it with --allow-old to air it "
            "if it is today's news"
        )
    if too_old(date, day, rules.max_age):
        return (
            f"dated {date.isoformat()}, more than {rules.max_age:g} h before the bulletin's date "
            f"({day.isoformat()}): name it with --allow-old to air it"
        )
    return None


def aired_notes(date: dt.date | None, rules: BulletinSettings, day: dt.date) -> list[str]:
    """What a producer should know about a story that airs: its age or its missing date."""
    if date is None:
        return ["no date found on its page or feed item"]
    if rules.max_age and too_old(date, day, rules.max_age):
        return [f"dated {date.isoformat()}: aired because it was named with --allow-old"]
    return []


def too_old(date: dt.date, day: dt.date, max_age: float) -> bool:
    """Dated more than `max_age` hours before the end of the bulletin's day. A date without a time
    is taken at the end of its day: a story of the evening before is not old by morning."""
    end = dt.datetime.combine(day, dt.time.max)
    return dt.datetime.combine(date, dt.time.max) < end - dt.timedelta(hours=max_age)


def named(source: str, names: tuple[str, ...]) -> bool:
    """The producer named this story: its URL, or its file by any path."""
    key = story_key(source)
    return any(story_key(name) == key for name in names)


def shown_date(date: dt.date | None, day: dt.date) -> str:
    """A segment's date when it is not the bulletin's day: '27 June', or '13 January 2017' from
    another year; '' for the day itself or no date."""
    if date is None or date == day:
        return ""
    return f"{date.day} {date:%B}" if date.year == day.year else f"{date.day} {date:%B %Y}"


def _kind_name(kind: str) -> str:
    names = {"liveblog": "a live blog", "analysis": "an analysis", "opinion": "an opinion piece"}
    return names.get(kind, f"a {kind} story" if kind == "sponsored" else f"a {kind}")


def _day(value: str | None) -> dt.date | None:
    """An ISO date (or date and time) as a date; None when absent or unreadable."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None
