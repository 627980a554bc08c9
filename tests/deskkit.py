"""The desk for one test module: `news60 desk` in its own process on 127.0.0.1, and plain HTTP to it
(http.client, so a path is sent exactly as written: `../` is not tidied away by the client)."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@contextlib.contextmanager
def running_desk(
    out: Path, *options: str, config: Path | None = None, code: str | None = None
) -> Iterator[str]:
    """`news60 [--config CONFIG] desk OUT --port 0 OPTIONS` (or the Python `code`, which prints
    the address) until the block ends; yields the address it printed."""
    command = [sys.executable, "-m", "news60", *(["--config", str(config)] if config else [])]
    command += ["desk", str(out), "--port", "0", *options]
    if code is not None:
        command = [sys.executable, "-c", code]
    desk = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    try:
        line = desk.stdout.readline()
        match = re.search(r"(https?://\S+)", line)
        assert match, (line, desk.stderr.read() if desk.poll() is not None else "")
        yield match.group(1)
    finally:
        desk.terminate()
        _, err = desk.communicate(timeout=30)
        assert "Traceback" not in err, err


def request(
    address: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """One request, `path` sent verbatim."""
    where = urlsplit(address)
    if where.scheme == "https":  # the test's own self-signed certificate
        context = ssl.create_default_context(cafile=os.environ["NEWS60_TEST_CA"])
        connection = http.client.HTTPSConnection(
            where.hostname, where.port, timeout=30, context=context
        )
    else:
        connection = http.client.HTTPConnection(where.hostname, where.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def session(address: str, path: str) -> tuple[str, str]:
    """A browser's first visit to `path`: its session cookie and the page's CSRF token."""
    reply = request(address, "GET", path)
    assert reply.status == 200, reply.text
    cookie = reply.headers["set-cookie"].split(";", 1)[0]
    return cookie, re.search(r'name="csrf" value="([^"]+)"', reply.text).group(1)
