"""One story a batch will make, as a source lists it (what feeds, folders and manifests yield)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from news60.errors import News60Error


class SourceError(News60Error):
    """A batch source (feed, folder, manifest) cannot be read."""


@dataclass(frozen=True)
class Entry:
    """One story to make: where its article is, and what differs from the batch's defaults."""

    source: str  # an http(s) URL or a file path
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)  # settings sections
    published: dt.datetime | None = None  # from the feed, the manifest, or the file's mtime
    file_time: bool = False  # `published` is the file's mtime, not a date its source gives
    title: str = ""  # as the feed or manifest names it, before the article is read
    origin: str = ""  # the SOURCE it was listed in
    summary: str = ""  # the feed item's description: the story's text when its page yields none
    # A SOURCE that is a page, as the poll fetched it to see whether it was a feed: read from
    # these bytes, so that each poll fetches the page once.
    page: bytes | None = field(default=None, repr=False, compare=False)
    refused: str = ""  # why it is never read (a feed item naming a local file): it fails so

    def check(self) -> None:
        """Raise the reason this story cannot be made, before anything reads it."""
        if self.refused:
            raise SourceError(self.refused)

    @property
    def label(self) -> str:
        """A short name for progress lines: the listed title, else the file or URL's last part."""
        return self.title or self.source.rstrip("/").rsplit("/", 1)[-1] or self.source
