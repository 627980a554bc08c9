"""A test server on 127.0.0.1 for a remote platform, and the faults it can be told to play.

Each platform's fake (fake_youtube.py, ...) routes requests to methods that follow that
platform's documented protocol; this module gives them the HTTP plumbing: reading bodies
(or part of one, then dropping the connection), scripted failures, and a request log."""

from __future__ import annotations

import json
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Dropped(Exception):
    """The fake dropped the connection on purpose."""


class Request:
    def __init__(self, handler: BaseHTTPRequestHandler):
        self.handler = handler
        self.method = handler.command
        parts = urlsplit(handler.path)
        self.path = parts.path
        self.query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        self.headers = handler.headers
        self.length = int(handler.headers.get("Content-Length") or 0)

    def body(self, limit: int | None = None) -> bytes:
        """The body, or only its first `limit` bytes (the rest stays unread)."""
        want = self.length if limit is None else min(limit, self.length)
        return self.handler.rfile.read(want) if want else b""

    def json(self) -> dict:
        return json.loads(self.body() or b"{}")

    def drop(self) -> None:
        """Reset the connection (RST), as a network failure mid-request does."""
        sock = self.handler.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        raise Dropped()


class Response:
    def __init__(self, status: int, body: bytes | dict | None = None, headers: dict | None = None):
        self.status = status
        self.body = json.dumps(body).encode() if isinstance(body, dict) else (body or b"")
        self.headers = dict(headers or {})
        if isinstance(body, dict):
            self.headers.setdefault("Content-Type", "application/json; charset=UTF-8")


class FakePlatform:
    """Subclasses implement `route(request) -> Response`; faults are queued per kind of request."""

    def __init__(self):
        self.lock = threading.Lock()
        self.faults: dict[str, list] = {}
        self.log: list[tuple[str, str, dict]] = []
        self.holding = threading.Event()
        self.release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def fail(self, kind: str, *actions) -> None:
        """Queue faults for the next requests of `kind`: a status code, "drop" or "hold"."""
        self.faults.setdefault(kind, []).extend(actions)

    def fault(self, kind: str):
        with self.lock:
            queue = self.faults.get(kind) or []
            return queue.pop(0) if queue else None

    def partial(self, request: Request, action) -> bytes:
        """Half of the body, then drop the connection ("drop"), or wait for the test ("hold")."""
        received = request.body(request.length // 2)
        if action == "hold":
            self.holding.set()
            self.release.wait(60)
        return received

    def route(self, request: Request) -> Response:
        raise NotImplementedError

    def _handler(self):
        platform = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _serve(self):
                request = Request(self)
                platform.log.append(
                    (request.method, self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                try:
                    response = platform.route(request)
                except Dropped:
                    self.close_connection = True
                    return
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(response.body)))
                self.end_headers()
                self.wfile.write(response.body)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        return Handler


def error(status: int, body: dict) -> Response:
    return Response(status, body)
