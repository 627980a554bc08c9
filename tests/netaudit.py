"""Every socket.connect this test process attempts, heard through Python's audit hook: SSRF tests
assert a refusal came before any connection, not just that an error was raised."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

_attempts: list[tuple] = []
_recording = threading.Event()


def _audit(event: str, args: tuple) -> None:
    if event == "socket.connect" and _recording.is_set():
        _attempts.append(args[1])


sys.addaudithook(_audit)  # once per process: hooks cannot be removed, so it records only when asked


@contextlib.contextmanager
def connections() -> Iterator[list[tuple]]:
    """The addresses this process connects to inside the block."""
    _attempts.clear()
    _recording.set()
    try:
        yield _attempts
    finally:
        _recording.clear()
