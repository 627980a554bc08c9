"""Files written under a temporary name beside their destination and renamed into place when
complete, so an interrupted run never leaves a half file that looks finished."""

from __future__ import annotations

import json
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def writing(dest: Path) -> Iterator[Path]:
    """Yield the temporary path to write; it becomes `dest` only if the block succeeds."""
    # Unique per process and thread, so two jobs writing the same file never share a temporary;
    # the suffix stays last, so tools that pick a format by extension (ffmpeg, Pillow) still can.
    unique = f"{os.getpid()}-{threading.get_ident():x}-{secrets.token_hex(4)}"
    partial = dest.with_name(f".{dest.stem}.partial-{unique}{dest.suffix}")
    try:
        yield partial
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(dest)


def write_bytes(path: Path, data: bytes) -> Path:
    with writing(path) as partial:
        partial.write_bytes(data)
    return path


def write_text(path: Path, text: str) -> Path:
    with writing(path) as partial:
        partial.write_text(text, encoding="utf-8")
    return path


def write_json(path: Path, data: object) -> Path:
    return write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` readable by its owner only (0600) from the first byte, atomically."""
    with writing(path) as partial:
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
    return path
