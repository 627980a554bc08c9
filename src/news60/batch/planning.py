"""The client's half of a story: read the article (no model needed), find its story folder in DIR
and decide, from the fingerprint, whether there is anything to render."""

from __future__ import annotations

from dataclasses import dataclass

from news60.errors import News60Error, SettingsError
from news60.fingerprint import article_fingerprint
from news60.models import Article
from news60.pipeline import read_source, up_to_date
from news60.preflight import check_before_work
from news60.settings import Settings, with_overrides
from news60.sources.entries import Entry
from news60.stories import Story, Version, claim_story, story_key


@dataclass(frozen=True)
class Planned:
    """A story with something new to render: its article, folder, fingerprint and settings."""

    entry: Entry
    article: Article
    story: Story
    prints: dict[str, str]
    settings: Settings


@dataclass(frozen=True)
class Unchanged:
    """A story whose current version was made from exactly this content and is complete."""

    entry: Entry
    story: Story
    version: Version


def plan_story(entry: Entry, settings: Settings, *, force: bool = False) -> Planned | Unchanged:
    """Read the entry's article and compare it with its story's current version in settings.out."""
    entry.check()
    settings = story_settings(entry, settings)
    article = read_source(entry.source, settings, data=entry.page)
    story = claim_story(settings.out, article.title, story_key(entry.source))
    prints = article_fingerprint(article, settings)
    if (current := up_to_date(story, prints)) and not force:
        return Unchanged(entry, story, current)
    return Planned(entry, article, story, prints, settings)


def story_settings(entry: Entry, settings: Settings) -> Settings:
    """The batch's settings with the entry's own overrides (a manifest row's voice, formats ...)."""
    if not entry.overrides:
        return settings
    where = f"{entry.origin} ({entry.label})"
    try:
        return with_overrides(settings, where, **entry.overrides)
    except SettingsError as exc:  # a range check names the setting; say which row it came from
        if where in str(exc):
            raise
        raise SettingsError(f"{where}: {exc}") from None


def check_entries(entries: list[Entry], settings: Settings) -> None:
    """Before any worker starts: every entry's settings (its row's overrides on the batch's) can
    make a clip: voices, music, summariser, theme and formats; the first problem names its row."""
    checked: set[str] = set()
    for entry in entries:
        own = story_settings(entry, settings)  # names the row when an override is out of range
        key = repr((own.voice, own.script, own.video))
        if key in checked:
            continue
        try:
            check_before_work(own)
        except News60Error as exc:
            if not entry.overrides:
                raise
            raise SettingsError(f"{entry.origin} ({entry.label}): {exc}") from None
        checked.add(key)
