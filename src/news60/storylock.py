"""One job per story at a time: an fcntl lock on a file in the story folder, held from the
unchanged check until the version is published, then removed. The kernel releases it when the
process dies (SIGKILL included), so a killed job never leaves a story locked."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from news60.errors import News60Error

LOCK = ".story.lock"
POLL = 0.2  # seconds between tries while another job holds the story

progress = logging.getLogger("news60.progress")


class StoryBusy(News60Error):
    """Another job held the story for longer than this one may wait."""


@dataclass(frozen=True)
class StoryLock:
    """A held story lock; `release` lets the next job in."""

    folder: Path
    handle: IO[str]

    def release(self) -> None:
        """Remove the lock file, unlock and close (safe to call twice). A job waiting on the
        removed file sees it is no longer the folder's and takes the folder's new one."""
        if not self.handle.closed:
            (self.folder / LOCK).unlink(missing_ok=True)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def lock_story(
    folder: Path, wait: float, between: Callable[[], None] | None = None
) -> StoryLock | None:
    """The story folder's lock, waiting up to `wait` seconds for another job to finish with it
    (calling `between` while it waits); None when the folder went away meanwhile (a job whose
    first render failed removes it)."""
    path = folder / LOCK
    deadline = time.monotonic() + wait
    said = False
    while True:
        try:
            handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held past this function
        except FileNotFoundError:
            return None
        if _try(handle):
            if _current(folder, handle):
                return _owned(folder, handle)
            handle.close()  # the job before removed the file as it let go: take the new one
            continue
        holder = _holder(handle)
        handle.close()
        if time.monotonic() >= deadline:
            raise StoryBusy(
                f"another news60 job{holder} has been making {folder} for over {wait:g} s: "
                "let it finish and run this again, or raise `wait` in news60.toml"
            )
        if not said:
            progress.info("waiting for another job%s making this story (up to %g s)", holder, wait)
            said = True
        if between is not None:
            between()
        time.sleep(POLL)


def _try(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _current(folder: Path, handle: IO[str]) -> bool:
    """Whether the locked file is still the folder's lock file, not one removed meanwhile."""
    try:
        return os.fstat(handle.fileno()).st_ino == (folder / LOCK).stat().st_ino
    except FileNotFoundError:
        return False


def _owned(folder: Path, handle: IO[str]) -> StoryLock:
    """The lock, with this process's id in it for the jobs that wait."""
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return StoryLock(folder, handle)


def _holder(handle: IO[str]) -> str:
    """' (pid N)' for the job holding the lock, as it wrote itself there; '' if unknown."""
    handle.seek(0)
    pid = handle.read(20).strip()
    return f" (pid {pid})" if pid.isdigit() else ""
