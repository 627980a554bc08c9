"""A story folder's manifest.json, its index: which story it holds (the key), its current version,
every version and what changed, and the producers' reviews (approvals). The versions are rebuilt
from the version folders whenever one is added; reviews are carried over."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from news60.atomic import write_json
from news60.records.codec import RecordError, from_data, read_json, read_record, to_data
from news60.records.manifest import SCHEMA


@dataclass(frozen=True)
class VersionSummary:
    """A version as the index lists it."""

    version: int = 0
    folder: str = ""  # its folder's name, beside the index
    created: str | None = None
    title: str | None = None
    content_hash: str | None = None
    changes: tuple[str, ...] = ()
    reason: str | None = None


@dataclass(frozen=True)
class Review:
    """A producer's decision on one version of the story: which, what, who, when, and why."""

    version: int
    decision: str  # "approved" or "rejected"
    by: str
    at: str
    note: str = ""

    @property
    def approved(self) -> bool:
        return self.decision == "approved"


@dataclass(frozen=True)
class StoryIndex:
    """What a story folder holds."""

    news60: str = ""
    key: str | None = None
    current: int | None = None
    folder: str | None = None  # the current version's folder name
    title: str | None = None
    versions: tuple[VersionSummary, ...] = ()
    reviews: tuple[Review, ...] = ()  # the desk's sign-offs, oldest first: an audit trail
    schema: int = 1  # none written: news60 0.1's; the writer records SCHEMA


def read_index(path: Path) -> StoryIndex:
    """A story's index as written, any schema."""
    return read_record(StoryIndex, path)


def salvage_index(path: Path) -> tuple[StoryIndex, tuple[str, ...]]:
    """What can be read of an index `read_index` refuses, and what could not: each review on its
    own (a hand-edited or half-synced entry must not cost the whole audit trail), the rest of
    the record without them, or nothing when the file is not JSON at all."""
    try:
        data = read_json(path)
    except RecordError as exc:
        return StoryIndex(), (str(exc),)
    if not isinstance(data, dict):
        return StoryIndex(), (f"{path.name}: expected an object",)
    reviews, problems = [], []
    entries = data.get("reviews")
    for number, entry in enumerate(entries if isinstance(entries, list) else []):
        try:
            reviews.append(from_data(Review, entry, f"{path.name}.reviews[{number}]"))
        except RecordError as exc:
            problems.append(str(exc))
    try:
        index = from_data(StoryIndex, {**data, "reviews": []}, path.name)
    except RecordError as exc:
        index, problems = StoryIndex(), [*problems, str(exc)]
    return replace(index, reviews=tuple(reviews)), tuple(problems)


def write_index(path: Path, index: StoryIndex) -> Path:
    """Write a story's index atomically."""
    return write_json(path, to_data(replace(index, schema=SCHEMA)))
