"""A story folder's manifest.json, its index: which story it holds (the key), its current version,
every version and what changed, and the producers' approvals. The versions are rebuilt from the
version folders whenever one is added; approvals are carried over."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from news60.atomic import write_json
from news60.records.codec import read_record, to_data
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
class Approval:
    """A producer's decision on a version: who, when, which version, what, and why."""

    who: str
    when: str
    version: int
    decision: str  # "approved" or "rejected"
    note: str = ""


@dataclass(frozen=True)
class StoryIndex:
    """What a story folder holds."""

    news60: str = ""
    key: str | None = None
    current: int | None = None
    folder: str | None = None  # the current version's folder name
    title: str | None = None
    versions: tuple[VersionSummary, ...] = ()
    approvals: tuple[Approval, ...] = ()
    schema: int = 1  # none written: news60 0.1's; the writer records SCHEMA


def read_index(path: Path) -> StoryIndex:
    """A story's index as written, any schema."""
    return read_record(StoryIndex, path)


def write_index(path: Path, index: StoryIndex) -> Path:
    """Write a story's index atomically."""
    return write_json(path, to_data(replace(index, schema=SCHEMA)))
