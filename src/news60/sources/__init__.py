"""Where stories come from, in the editor's order: RSS and Atom feeds, folders of article files,
manifests (CSV or JSON lines, with per-story overrides) and articles named one by one.
`news60 batch` and `news60 bulletin` read their SOURCEs through this one package."""

from news60.sources.entries import Entry, SourceError
from news60.sources.feeds import FeedPoller
from news60.sources.listing import parse_since, read_source_list, read_sources, select

__all__ = [
    "Entry",
    "FeedPoller",
    "SourceError",
    "parse_since",
    "read_source_list",
    "read_sources",
    "select",
]
