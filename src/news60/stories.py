"""Story folders: one per source, each render a numbered version beside the last; nothing overwritten.

OUT/<slug>/manifest.json   the story's index: its key (the source), current version, every version
OUT/<slug>/v1/ ...          a complete render; its own manifest.json is written last, so a version
                            folder is complete exactly when that file exists
OUT/<slug>/.draft-<pid>-*/  a version being written; renamed to vN when complete

A different source whose headline gives the same slug gets OUT/<slug>-<6 hex of its key>/."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import secrets
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from news60 import __version__
from news60.atomic import locked
from news60.errors import News60Error
from news60.localfiles import is_regular
from news60.models import Article
from news60.records.codec import RecordError
from news60.records.index import (
    StoryIndex,
    VersionSummary,
    read_index,
    salvage_index,
    write_index,
)
from news60.records.manifest import MANIFEST, VersionManifest, read_manifest, write_manifest
from news60.storylock import LOCK, StoryLock

log = logging.getLogger(__name__)

INDEX = MANIFEST  # the story's index and each version's manifest share the name
_VERSION = re.compile(r"^v(\d+)$")
_DRAFT = re.compile(r"^\.draft-(\d+)-")
_LEGACY_DRAFT = re.compile(r"^\..+\.partial-(\d+)$")  # staging folders of news60 0.1


@dataclass(frozen=True)
class Version:
    """One complete render of a story."""

    number: int
    folder: Path
    manifest: VersionManifest

    @property
    def content_hash(self) -> str | None:
        return self.manifest.content_hash

    @property
    def complete(self) -> bool:
        """Every file the manifest lists is still there."""
        return all((self.folder / file).is_file() for file in self.manifest.files.values())

    def path(self, name: str) -> Path | None:
        """Where the file the manifest calls `name` ("clip", "script" ...) is now, if listed."""
        file = self.manifest.files.get(name)
        return self.folder / file if file else None


@dataclass(frozen=True)
class Story:
    """A story folder: which source it holds and its versions, oldest first."""

    folder: Path
    key: str | None
    versions: tuple[Version, ...] = ()

    @property
    def current(self) -> Version | None:
        return self.versions[-1] if self.versions else None


@dataclass(frozen=True)
class Draft:
    """A version being written into `staging`; it becomes `final` (story/vN) only when complete.
    `fingerprint` says what it is made from; `lock` keeps other jobs off the story meanwhile."""

    story: Story
    number: int
    staging: Path
    fingerprint: dict[str, str] = field(default_factory=dict)
    lock: StoryLock | None = None

    @property
    def final(self) -> Path:
        return self.story.folder / f"v{self.number}"

    @property
    def previous(self) -> Version | None:
        return self.story.current

    @property
    def work(self) -> Path:
        """Intermediate files (narration, soundtrack): removed before publishing."""
        return self.staging / ".work"

    def path(self, name: str) -> Path:
        return self.staging / name


def slugify(title: str, limit: int = 60) -> str:
    """A folder name from a headline: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", "").replace("’", ""))
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "story"


def story_key(source: str, *, fallback: str = "") -> str:
    """A story's identity: its URL, its file's absolute path, or for stdin `fallback`."""
    if "://" in source:
        return source.split("#", 1)[0]
    if source == "-":
        return f"stdin:{fallback}"
    return str(Path(source).expanduser().resolve())


def article_key(source: str, article: Article) -> str:
    """The key of the story an article read from `source` belongs to (make, script and batch
    alike); from stdin, its URL when it declares one, else a hash of its headline and lead."""
    if article.source_url:
        fallback = article.source_url
    else:
        first = article.paragraphs[0] if article.paragraphs else ""
        fallback = hashlib.sha256(f"{article.title}\n{first}".encode()).hexdigest()[:12]
    return story_key(source, fallback=fallback)


def claim_story(out: Path, title: str, key: str) -> Story:
    """The folder for `key`: its own earlier one, the headline's slug if free, else slug-<hash>."""
    slug = slugify(title)
    hashed = f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:6]}"
    _make_out(out)
    remove_stale_drafts(out)
    with _locked(out):
        if (own := _folder_of(out, key)) is not None:  # a corrected headline keeps its folder
            return load_story(own)
    for name in (slug, hashed):
        folder = out / name
        with _locked(out):
            if not folder.exists() or _is_empty(folder):
                folder.mkdir(exist_ok=True)
                _write_index(Story(folder, key))
                return Story(folder, key)
            story = load_story(folder)
            if story.key == key:
                return story
    raise StoryError(
        f"{out / hashed} belongs to another story: move it aside, or give another --out folder"
    )


def load_story(folder: Path) -> Story:
    """A story folder as it is on disk; a version folder given instead means its story."""
    folder = Path(folder)
    if _VERSION.match(folder.name) and (folder / INDEX).is_file():
        folder = folder.parent
    versions = tuple(sorted(_versions(folder), key=lambda v: v.number))
    key = story_index(folder).key or next((v.manifest.story.key for v in versions), None)
    return Story(folder, key, versions)


def version_key(folder: Path) -> str | None:
    """The key of the story `folder` is a version of (its script.json edited and rendered again
    joins that story), or None for any other folder."""
    story = load_story(folder)
    return story.key if story.folder != Path(folder) else None


def open_draft(
    story: Story, fingerprint: dict[str, str] | None = None, lock: StoryLock | None = None
) -> Draft:
    """A hidden staging folder for the story's next version; stale ones of dead jobs removed first."""
    remove_stale_drafts(story.folder)
    staging = story.folder / f".draft-{os.getpid()}-{secrets.token_hex(3)}"
    (staging / ".work").mkdir(parents=True)
    number = max([v.number for v in story.versions] + [0]) + 1
    return Draft(story, number, staging, dict(fingerprint or {}), lock)


def publish_draft(draft: Draft) -> Version:
    """Move the finished draft into place as the next free vN and update the story's index."""
    shutil.rmtree(draft.work, ignore_errors=True)
    folder = draft.story.folder
    with _locked(folder.parent):
        story = load_story(folder)
        number = max([v.number for v in story.versions] + [draft.number - 1]) + 1
        final = folder / f"v{number}"
        if number != draft.number:  # another job published the number this draft expected
            _renumber(draft.staging, number)
        draft.staging.rename(final)
        story = load_story(folder)
        _write_index(story)
    return next(v for v in story.versions if v.number == number)


def discard(draft: Draft) -> None:
    """Remove a draft that failed or was interrupted, and its story folder if nothing else is in it."""
    shutil.rmtree(draft.staging, ignore_errors=True)
    folder = draft.story.folder
    with _locked(folder.parent):
        if folder.is_dir() and not load_story(folder).versions and not _drafts(folder):
            shutil.rmtree(folder, ignore_errors=True)


def rendering(folder: Path) -> bool:
    """A job that still runs is writing the story's next version (a draft of a live process)."""
    drafts = _drafts(folder) if folder.is_dir() else []
    return any(_running(int(m.group(1))) for p in drafts if (m := _DRAFT.match(p.name)))


def remove_stale_drafts(folder: Path) -> list[Path]:
    """Drafts left by jobs that died (SIGKILL, power loss): their process no longer runs."""
    removed = []
    for path in folder.iterdir() if folder.is_dir() else ():
        match = _DRAFT.match(path.name) or _LEGACY_DRAFT.match(path.name)
        if match and path.is_dir() and not _running(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def update_index(folder: Path, change: Callable[[StoryIndex], StoryIndex]) -> StoryIndex:
    """Read, change and write the story's index while no other job can (a desk's review)."""
    with _locked(folder.parent):
        index = change(_index_to_rewrite(folder))
        write_index(folder / INDEX, index)
    return index


class StoryError(News60Error):
    """A story folder cannot be used."""


_KEYS: dict[Path, tuple[int, dict[str, Path]]] = {}  # out -> (its mtime, key -> story folder)


def _folder_of(out: Path, key: str) -> Path | None:
    """The story folder already holding `key`; the key index is re-read only when `out` changed."""
    stamp = out.stat().st_mtime_ns
    cached = _KEYS.get(out)
    if cached is None or cached[0] != stamp:
        keys: dict[str, Path] = {}
        for folder in sorted(p for p in out.iterdir() if p.is_dir()):
            held = story_index(folder).key
            if held and held not in keys:
                keys[held] = folder
        cached = _KEYS[out] = (stamp, keys)
    found = cached[1].get(key)
    return found if found is not None and found.is_dir() else None


def _drafts(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if _DRAFT.match(p.name)]


def _versions(folder: Path) -> Iterator[Version]:
    """The complete version folders (their manifest readable), in no order."""
    for path in folder.iterdir() if folder.is_dir() else ():
        match = _VERSION.match(path.name)
        if match and (path / INDEX).is_file():
            try:
                yield Version(int(match.group(1)), path, read_manifest(path / INDEX))
            except RecordError as exc:
                log.debug("%s is not read as a version: %s", path, exc)


def story_index(folder: Path) -> StoryIndex:
    """The story's index (its reviews included); an empty one when there is none yet; of a
    damaged one, what can be read (the reviews that can, each on its own)."""
    path = folder / INDEX
    if not path.exists():
        return StoryIndex()
    try:
        return read_index(path)
    except RecordError:
        return salvage_index(path)[0]


def _index_to_rewrite(folder: Path) -> StoryIndex:
    """The index, about to be written again: a damaged one is first kept aside, whole, beside
    it (manifest.damaged-<time>.json), so rewriting it loses nothing a person may yet mend."""
    path = folder / INDEX
    try:
        return read_index(path) if path.exists() else StoryIndex()
    except RecordError as exc:
        index, problems = salvage_index(path)
        log.warning(
            "%s is damaged (%s); %s, %d review(s) carried over%s",
            path,
            exc,
            _keep_aside(path),
            len(index.reviews),
            f"; left out: {'; '.join(problems)}" if problems else "",
        )
        return index


def _keep_aside(path: Path) -> str:
    """Copy a damaged index beside itself, whole; where it went."""
    if not is_regular(path):  # a pipe or device in its place holds nothing to keep
        return "not a file, so nothing to keep"
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    shutil.copy2(path, kept)
    return f"kept as {kept.name}"


def _write_index(story: Story) -> None:
    """The story's index, derived from its version folders (rebuilt whenever one is added);
    the producers' reviews carried over."""
    current = story.current
    index = StoryIndex(
        news60=__version__,
        key=story.key,
        current=current.number if current else None,
        folder=current.folder.name if current else None,
        title=current.manifest.title if current else None,
        versions=tuple(_summary(v) for v in story.versions),
        reviews=_index_to_rewrite(story.folder).reviews,
    )
    write_index(story.folder / INDEX, index)


def _summary(version: Version) -> VersionSummary:
    manifest = version.manifest
    return VersionSummary(
        version=version.number,
        folder=version.folder.name,
        created=manifest.created,
        title=manifest.title,
        content_hash=manifest.content_hash,
        changes=manifest.changes,
        reason=manifest.reason,
    )


def _renumber(staging: Path, number: int) -> None:
    """Point a draft's manifest at the version number it is really published as."""
    path = staging / INDEX
    write_manifest(path, replace(read_manifest(path), version=number))


def _is_empty(folder: Path) -> bool:
    """A folder holding nothing but a story index without key, or nothing at all."""
    names = {p.name for p in folder.iterdir()} - {LOCK}
    return not names or (names == {INDEX} and not story_index(folder).key)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _make_out(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoryError(
            f"cannot create the output folder {out} ({exc.strerror}): give a writable --out"
        ) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise StoryError(f"the output folder {out} is not writable: give a writable --out")


def _locked(out: Path) -> contextlib.AbstractContextManager[None]:
    """Serialise claiming and publishing story folders in `out` across processes on this machine."""
    return locked(out / ".news60.lock")


def now() -> str:
    """The time a version is made, as ISO 8601 UTC."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
