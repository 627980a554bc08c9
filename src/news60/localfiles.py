"""Files news60 opens from a user's folders or its own caches (articles, story.json, manifests,
feeds, photos, settings, sign-ins, speech cache entries): regular files only, so a FIFO, device
or folder is refused at once instead of waited on; read within a size limit; JSON within a depth.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from news60.errors import News60Error

MAX_DEPTH = 64  # no article export, story.json or manifest row nests deeper than a few levels


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected."""


class TooLarge(OSError):
    """A file over the size a reader accepts."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


@contextmanager
def open_regular(path: Path) -> Iterator[io.BufferedReader]:
    """`path` opened for reading once the open file itself is seen to be a regular file.

    O_NONBLOCK makes opening a FIFO return at once (rather than wait for a writer); the check is
    on the descriptor, so the path cannot be swapped for a pipe between check and read. Raises
    OSError (FileNotFoundError, NotRegularFile ...) or ValueError (a NUL byte in the path)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, f"{kind_of(mode)}, not a file", str(path))
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (TooLarge beyond)."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data


def is_regular(path: Path) -> bool:
    """True for a regular file (after symlinks); False for anything else or nothing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def read_input(path: Path, limit: int, *, what: str, hint: str, error: type[News60Error]) -> bytes:
    """read_regular with every failure as one `error` naming `what`, the path and `hint`."""
    try:
        return read_regular(path, limit)
    except (FileNotFoundError, NotADirectoryError):
        raise error(f"{what} {path} not found: {hint}") from None
    except IsADirectoryError:
        raise error(f"{what} {path} is a folder, not a file: {hint}") from None
    except NotRegularFile as exc:
        raise error(f"{what} {path} is {exc.strerror}: {hint}") from None
    except TooLarge as exc:
        raise error(f"{what} {path} is {exc.strerror}: {hint}") from None
    except ValueError:
        raise error(f"{what} {path!r} has a NUL byte in its name: {hint}") from None
    except OSError as exc:
        raise error(f"{what} {path} cannot be read ({exc.strerror or exc}): {hint}") from None


def problem_with_path(text: str) -> str:
    """Why `text` cannot name a file ("" when it can): empty, or holding control characters."""
    if not text.strip():
        return "is empty"
    if "\x00" in text:
        return "has a NUL byte in it"
    if any(ord(ch) < 32 for ch in text):
        return "has a control character in it"
    return ""


def inside(path: Path, folders: tuple[Path, ...]) -> bool:
    """True when `path`, links resolved, is in one of `folders` (or below)."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve()) for folder in folders)


def load_json(text: str) -> Any:
    """json.loads, with nesting deeper than MAX_DEPTH and number overflows as ValueError (the
    standard parser raises RecursionError, or a bare ValueError for a 5,000-digit number)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep") from None
    if depth(data) > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    return data


def depth(data: Any) -> int:
    """How deeply lists and objects nest in parsed JSON (0 for a plain value), without recursion."""
    deepest, stack = 0, [(data, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level + 1)
            if level + 1 > MAX_DEPTH:
                return level + 1
            stack.extend((item, level + 1) for item in value)
    return deepest
