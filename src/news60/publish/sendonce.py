"""An httplib2 wrapper that never sends a chunk's body twice from an exhausted stream.

httplib2 re-sends a request by itself when a kept-alive connection turns out closed, and
google-auth re-sends one after a 401; a chunk body is a stream already read to its end by
then, so the copy carries the headers and no bytes and hangs until the socket times out.
Here the second reading fails at once instead, the connection is closed (the platform may be
waiting for the rest of that body), and news60 asks the session where it stands."""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httplib2


class BodySentAlready(ConnectionAbortedError):
    """A stream body was about to be sent a second time."""


class SendOnce:
    """Passes requests to an httplib2.Http; a stream body goes out once or not at all."""

    def __init__(self, http: httplib2.Http) -> None:
        self.http = http
        self._sent: weakref.WeakSet[Any] = weakref.WeakSet()

    def request(
        self,
        uri: str,
        method: str = "GET",
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> tuple[httplib2.Response, bytes]:
        if hasattr(body, "read"):
            if body in self._sent:
                raise BodySentAlready("the chunk was sent already: ask the session for its range")
            self._sent.add(body)
            body = _ReadOnce(body)
        try:
            answer: tuple[httplib2.Response, bytes] = self.http.request(
                uri, method, body=body, headers=headers, **kwargs
            )
        except OSError:
            self._close_connections()
            raise
        return answer

    def _close_connections(self) -> None:
        """A connection that failed mid-request may hold half a request: never reuse it."""
        for connection in self.http.connections.values():
            connection.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.http, name)


class _ReadOnce:
    """A stream that, once read to its end, refuses to be read again."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        if self._ended:
            raise BodySentAlready("the chunk was sent already: ask the session for its range")
        data = self._stream.read(size)
        self._ended = not data
        return data
