"""A version's manifest.json: what was made (files, clips, durations, voice, credits, notes), from
what (fingerprint, previous version, why), and each file's size and hash. Paths are file names in
the version folder. Manifests news60 0.1 wrote (absolute paths, no schema) read as well."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from news60.atomic import write_json
from news60.models import Photo, Reporting
from news60.records.codec import read_record, to_data
from news60.records.paths import relative_path

MANIFEST = "manifest.json"
SCHEMA = 2  # 1: news60 0.1's, with absolute paths and no schema field


@dataclass(frozen=True)
class VideoInfo:
    """The first clip's frame."""

    width: int = 0
    height: int = 0
    fps: int = 0


@dataclass(frozen=True)
class ClipFormat:
    """One clip of the version: its format, frame size, and its name in `files`."""

    format: str = "9:16"
    width: int = 0
    height: int = 0
    file: str = "clip"


@dataclass(frozen=True)
class FileCheck:
    """What a file was when the version was made: a copy that differs is not this version's."""

    size: int
    sha256: str


@dataclass(frozen=True)
class PhotoCredit:
    """A photo shown, and its credit."""

    credit: str = ""
    caption: str = ""


@dataclass(frozen=True)
class NotShown:
    """A photo the source credits that the clip does not show, and why."""

    credit: str = ""
    caption: str = ""
    src: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class StoryCredits:
    """A bulletin's story and its own credits."""

    headline: str = ""
    source: str = ""
    reporting: Reporting = Reporting()
    photos: tuple[PhotoCredit, ...] = ()
    not_shown: tuple[NotShown, ...] = ()
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Credits:
    """Who reported the story and who took the photos, shown or not; the upload's credit lines."""

    reporting: Reporting = Reporting()
    photos: tuple[PhotoCredit, ...] = ()
    not_shown: tuple[NotShown, ...] = ()
    lines: tuple[str, ...] = ()
    stories: tuple[StoryCredits, ...] = ()  # a bulletin's: each story's own


@dataclass(frozen=True)
class Chapter:
    """A stretch of a bulletin that players list: a story, or the credits."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class SegmentEntry:
    """A bulletin's story: what is said and shown, from where, when, and its credits."""

    number: int = 0
    kicker: str = ""
    kind: str = "news"  # the article's kind (news60.article.kinds); labelled when not news
    label: str = ""  # what the screen and the chapter say of its kind: "OPINION"
    date: str | None = None  # the story's date as the bulletin aired it (news60.bulletin.airing)
    published: str | None = None  # the page's own dates, ISO
    modified: str | None = None
    headline: str = ""
    text: str = ""
    units: tuple[str, ...] = ()
    source: str = ""
    source_url: str | None = None
    also: tuple[str, ...] = ()
    photo: Photo | None = None
    credits: Credits = Credits()
    start: float = 0.0
    end: float = 0.0


@dataclass(frozen=True)
class LeftOut:
    """A story a bulletin does not carry, and why (a bad page, a duplicate, no time)."""

    source: str
    reason: str


@dataclass(frozen=True)
class ClosingCard:
    """A bulletin's closing card: its credit lines as drawn, each wrapped line on its own."""

    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryRef:
    """Which story this is a version of: its key (the source)."""

    key: str | None = None


@dataclass(frozen=True)
class VersionManifest:
    """Everything a producer, a batch runner, the desk or an uploader needs to know about a
    version (a bulletin's own fields are empty for a story)."""

    news60: str = ""
    title: str = ""
    published: str | None = None
    source_url: str | None = None
    duration: float = 0.0
    narration_seconds: float = 0.0
    voice: str = ""
    notes: tuple[str, ...] = ()
    summariser: str = ""
    scenes: int = 0
    video: VideoInfo = VideoInfo()
    files: Mapping[str, str] = field(default_factory=dict)  # name -> file in the version folder
    credits: Credits = Credits()
    formats: tuple[ClipFormat, ...] = ()
    version: int = 0
    created: str = ""
    story: StoryRef = StoryRef()
    previous: str | None = None
    content_hash: str | None = None
    fingerprint: Mapping[str, str] = field(default_factory=dict)
    changes: tuple[str, ...] = ()
    reason: str | None = None
    disclosure: str = ""
    content_credentials: Mapping[str, Any] = field(default_factory=dict)
    kind: Literal["story", "bulletin"] = "story"
    date: str | None = None
    segments: tuple[SegmentEntry, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    description: str = ""
    chapter_list: tuple[str, ...] = ()  # the description's chapter timestamps, or why none
    closing_card: ClosingCard = ClosingCard()
    audio_lufs: float | None = None
    checks: Mapping[str, FileCheck] = field(default_factory=dict)  # name -> size and hash
    schema: int = 1  # none written: news60 0.1's; the writer records SCHEMA

    def clips(self) -> tuple[ClipFormat, ...]:
        """The version's clips; a manifest from before formats existed lists only `files.clip`."""
        return self.formats or (ClipFormat(),)


def read_manifest(path: Path) -> VersionManifest:
    """A version's manifest as written, any schema; paths as names in its folder."""
    manifest = read_record(VersionManifest, path)
    if manifest.schema < SCHEMA:  # absolute paths: every file lives in the version folder
        files = {name: Path(recorded).name for name, recorded in manifest.files.items()}
        manifest = replace(manifest, files=files)
    return manifest


def write_manifest(path: Path, manifest: VersionManifest) -> Path:
    """Write a version's manifest atomically: the last file of a version."""
    return write_json(path, to_data(replace(manifest, schema=SCHEMA)))


def portable(manifest: VersionManifest, folder: Path, within: Path) -> VersionManifest:
    """The manifest with the photos it names inside `within` (the story folder: its photo cache)
    relative to `folder` (the version's), so they move with it."""

    def moved(src: str | None) -> str | None:
        return relative_path(Path(src), folder, within) if src and "://" not in src else src

    credits = manifest.credits
    not_shown = tuple(replace(p, src=moved(p.src)) for p in credits.not_shown)
    segments = tuple(
        replace(s, photo=replace(s.photo, src=moved(s.photo.src)) if s.photo else None)
        for s in manifest.segments
    )
    return replace(manifest, credits=replace(credits, not_shown=not_shown), segments=segments)


def file_checks(folder: Path, files: Mapping[str, str]) -> dict[str, FileCheck]:
    """The size and SHA-256 of every file of the version but the manifest itself."""
    return {
        name: FileCheck((folder / file).stat().st_size, sha256(folder / file))
        for name, file in files.items()
        if file != MANIFEST
    }


def mismatches(folder: Path, manifest: VersionManifest) -> list[str]:
    """The version's files that are missing or differ from what its manifest recorded."""
    found = []
    for name, file in manifest.files.items():
        path, check = folder / file, manifest.checks.get(name)
        if file == MANIFEST:
            continue
        if not path.is_file():
            found.append(f"{file} is missing")
        elif check is not None and path.stat().st_size != check.size:
            found.append(f"{file} is {path.stat().st_size} bytes, not {check.size}")
        elif check is not None and sha256(path) != check.sha256:
            found.append(f"{file} is not the file this version made (its SHA-256 differs)")
    return found


def sha256(path: Path) -> str:
    """A file's SHA-256, read a MiB at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
