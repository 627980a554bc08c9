"""Helpers for the batch tests: real article folders, a batch run as a subprocess, a local server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from conftest import SHARED_DATA
from PIL import Image

TINY = ["--size", "160x284", "--fps", "10", "--seconds", "20"]
SCRAPES = ["14cc2a0ca59c62a8", "5a822960e9a2cb1e", "7a457a4f71735c17", "921019755f4a96ac"]


def scrape(name: str) -> str:
    return (SHARED_DATA / "scrapes" / name / "scrape.txt").read_text(encoding="utf-8")


def gold(name: str) -> dict:
    return json.loads((SHARED_DATA / "scrapes" / name / "gold.json").read_text(encoding="utf-8"))


def good_photo(path: Path) -> Path:
    """A 640x480 JPEG with some detail in it."""
    image = Image.linear_gradient("L").resize((640, 480)).convert("RGB")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG")
    return path


def corrupt_photo(path: Path) -> Path:
    """The first few hundred bytes of a real JPEG: recognisable, but cut short."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((640, 480)).convert("RGB").save(buffer, "JPEG")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue()[:400])
    return path


def export_with_photos(folder: Path, name: str, title: str, story: str) -> Path:
    """A CMS JSON export whose photos sit in folder/photos/: one good, one broken."""
    good_photo(folder / "photos" / "harbour.jpg")
    corrupt_photo(folder / "photos" / "broken.jpg")
    doc = {
        "title": title,
        "text": gold(story)["text"],
        "byline": "By Jane Doe",
        "photos": [
            {"path": "photos/harbour.jpg", "caption": "The harbour at dawn", "credit": "Sam Roe"},
            {"path": "photos/broken.jpg", "caption": "A broken upload", "credit": "Ann Lee"},
        ],
    }
    path = folder / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run_batch(*args: str, timeout: float = 900) -> tuple[int, dict, str]:
    """`news60 batch ... --json`: (exit code, the JSON summary, stderr)."""
    result = subprocess.run(
        [sys.executable, "-m", "news60", "batch", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    summary = json.loads(result.stdout) if result.stdout.strip() else {}
    if "--debug" not in args:  # Dask's and tornado's own tracebacks included
        assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, summary, result.stderr


class Batch:
    """`news60 batch` running in its own session, its stderr lines readable as they come."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "news60", "batch", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, predicate, timeout: float = 300) -> str:
        """The first stderr line (from now on) for which `predicate` holds."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.seen.append(line)
            if predicate(line):
                return line
        raise AssertionError("line never came; stderr so far:\n" + "\n".join(self.seen[-40:]))

    def session_processes(self) -> list[int]:
        """Processes still alive in the batch's session (its workers, if they outlived it)."""
        import psutil

        alive = []
        for proc in psutil.process_iter():
            with contextlib.suppress(psutil.Error, OSError):
                if os.getsid(proc.pid) == self.process.pid:
                    alive.append(proc.pid)
        return alive

    def kill_session(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, 9)


@contextlib.contextmanager
def serving(folder: Path, handler=None):
    """A threaded HTTP server on 127.0.0.1 for `folder`; yields its base URL."""
    handler = handler or functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass
