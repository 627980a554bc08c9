"""The client's half of a story: read the article (no model needed) and say which version of
which story it asks for; the one version step (news60.versions) decides whether there is anything
to render."""

from __future__ import annotations

from dataclasses import dataclass

from news60.models import Article
from news60.pipeline import article_request, read_source
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
    settings = story_settings(entry, settings)
    article = read_source(entry.source, settings, data=entry.page)
    return Planned(entry, article, article_request(entry.source, article, settings), settings)


def story_settings(entry: Entry, settings: Settings) -> Settings:
    """The batch's settings with the entry's own overrides (a manifest row's voice, formats ...)."""
    if not entry.overrides:
        return settings
    return with_overrides(settings, f"{entry.origin} ({entry.source})", **entry.overrides)
