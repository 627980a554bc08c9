"""The one step that makes the next version of a story, for make, render, bulletin and batch:
claim the story's folder and hold it, stop there when nothing changed, write a draft, publish it
whole. Only what goes into the draft differs (a `Writer`: a story's files, a bulletin's, the files
a batch worker sent back)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from news60.records.codec import to_data
from news60.records.manifest import VersionManifest
from news60.settings import Settings
from news60.stories import (
    Draft,
    Story,
    Version,
    claim_story,
    discard,
    load_story,
    open_draft,
    publish_draft,
)
from news60.storylock import StoryLock, lock_story

progress = logging.getLogger("news60.progress")

Fingerprint = dict[str, str]


@dataclass(frozen=True)
class Outputs:
    """A version a job made or found: its folder, its files where they are, its manifest."""

    folder: Path
    files: dict[str, Path]
    manifest: VersionManifest
    unchanged: bool = False  # made before, from exactly this: nothing was rendered

    def report(self) -> dict[str, Any]:
        """The manifest as a job reports it (--json): its files at their full paths."""
        data: dict[str, Any] = to_data(self.manifest)
        data["files"] = {name: str(path) for name, path in self.files.items()}
        return data | ({"unchanged": True} if self.unchanged else {})


Writer = Callable[[Draft], Outputs]  # every file of the version into the draft; the manifest last


@dataclass(frozen=True)
class Request:
    """What a version is of: its story's headline and key (the source), and its parts' hashes."""

    title: str
    key: str
    fingerprint: Fingerprint


def next_version(
    settings: Settings, request: Request, write: Writer, *, force: bool = False
) -> Outputs:
    """The story's next version written by `write`, or its current one when made from exactly
    this (unless `force`); a second job on the same story waits for the first."""
    started = begin_version(settings, request, force=force)
    if isinstance(started, Version):
        return unchanged(started)
    return finish_version(started, write)


def begin_version(
    settings: Settings,
    request: Request,
    *,
    force: bool = False,
    between: Callable[[], None] | None = None,
) -> Draft | Version:
    """The story claimed and held against other jobs: its current version when that was made
    from exactly this content (the hold released), else a draft of the next one (still held).
    While another job holds the story, `between` is called (a batch writes what it finished)."""
    story, lock = _held(settings.out, request, settings.wait, between)
    try:
        current = up_to_date(story, request.fingerprint)
        if current is not None and not force:
            lock.release()
            return current
        return open_draft(story, request.fingerprint, lock)
    except BaseException:
        lock.release()
        raise


def finish_version(draft: Draft, write: Writer) -> Outputs:
    """Write the draft and publish it as the next version, or leave nothing behind."""
    try:
        outputs = write(draft)
        publish_draft(draft)
        return outputs
    except BaseException:
        discard(draft)
        raise
    finally:
        _release(draft)


def abandon(draft: Draft) -> None:
    """A draft that will not be finished (its job failed or was cancelled): removed, story freed."""
    try:
        discard(draft)
    finally:
        _release(draft)


def up_to_date(story: Story, fingerprint: Fingerprint) -> Version | None:
    """The story's current version when it was made from exactly this content and is complete."""
    current = story.current
    if current and current.manifest.fingerprint == fingerprint and current.complete:
        return current
    return None


def unchanged(current: Version) -> Outputs:
    """What a re-run with nothing new returns: the current version, untouched."""
    progress.info("unchanged since v%d: nothing to render", current.number)
    files = {name: current.folder / file for name, file in current.manifest.files.items()}
    return Outputs(current.folder, files, current.manifest, unchanged=True)


def _held(
    out: Path, request: Request, wait: float, between: Callable[[], None] | None
) -> tuple[Story, StoryLock]:
    """The story's folder, claimed and locked; read again once held (another job may have made
    a version meanwhile). A folder removed while waiting (its first render failed) is claimed anew."""
    deadline = time.monotonic() + wait
    while True:
        story = claim_story(out, request.title, request.key)
        lock = lock_story(story.folder, max(0.0, deadline - time.monotonic()), between)
        if lock is not None:
            return load_story(story.folder), lock


def _release(draft: Draft) -> None:
    if draft.lock is not None:
        draft.lock.release()
