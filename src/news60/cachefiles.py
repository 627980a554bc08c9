"""Caches on disk kept within a size (and an age): the files used longest ago go first. Shared by
the downloaded photos and the spoken sentences; a file another job removes first is skipped."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path


def mark_used(path: Path) -> None:
    """Mark a cached file as used now, so trimming keeps it (access times are often not kept)."""
    with contextlib.suppress(OSError):  # a read-only cache, or another job trimmed it just now
        os.utime(path)


def trim_files(
    files: Iterable[Path], limit_bytes: int, *, down_to: float = 1.0, before: float | None = None
) -> int:
    """Once `files` together pass `limit_bytes`, remove the least recently used until the rest fit
    in `down_to` of it; and any last used before `before` (a time). The number removed."""
    found = []
    for path in files:
        with contextlib.suppress(OSError):  # gone already
            stat = path.stat()
            found.append((stat.st_mtime, stat.st_size, path))
    keep = limit_bytes * down_to if sum(size for _, size, _ in found) > limit_bytes else None
    kept = removed = 0
    for used, size, path in sorted(found, key=lambda entry: entry[0], reverse=True):
        kept += size
        if (keep is not None and kept > keep) or (before is not None and used < before):
            try:
                path.unlink()
            except OSError:  # another job removed it first, or the cache is read-only
                continue
            removed += 1
    return removed
