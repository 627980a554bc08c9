"""The client's half of a story: read the article (no model needed) and say which version of
which story it asks for; the one version step (news60.versions) decides whether there is anything
to render."""

from __future__ import annotations

from dataclasses import dataclass

from news60.errors import News60Error, SettingsError
from news60.models import Article
from news60.pipeline import article_request, read_source
from news60.preflight import check_before_work
from news60.settings import Settings, with_overrides
from news60.sources.entries import Entry
from news60.versions import Request


@dataclass(frozen=True)
class Planned:
    """A story read for a batch: its article, the version it asks for, and its settings."""

    entry: Entry
    article: Article
    request: Request
    settings: Settings


def plan_story(entry: Entry, settings: Settings) -> Planned:
    """Read the entry's article with the entry's own settings."""
    entry.check()
    settings = story_settings(entry, settings)
    article = read_source(entry.source, settings, data=entry.page)
    return Planned(entry, article, article_request(entry.source, article, settings), settings)


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
