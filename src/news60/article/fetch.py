"""Fetch a URL with the standard library: http(s) only, public hosts, time and size limits."""

from __future__ import annotations

import contextlib
import http.client
import logging
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from functools import partial
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from news60 import addresses
from news60.errors import ArticleError
from news60.settings import ArticleSettings

log = logging.getLogger(__name__)

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_CHUNK = 64 * 1024
_USER_AGENT = "news60/0.1 (+https://github.com/news60/news60)"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back to us, so that every hop is checked and counted."""

    def redirect_request(  # noqa: D102
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> None:
        return None


class _Request(urllib.request.Request):
    """A request that carries its deadline and address policy to the connection it opens."""

    def __init__(
        self, url: str, headers: dict[str, str], *, deadline: float, allow_private: bool
    ) -> None:
        super().__init__(url, headers=headers)
        self.deadline = deadline
        self.allow_private = allow_private


class _HTTP(http.client.HTTPConnection):
    """An HTTP(S) connection whose socket is shut when the whole request's deadline passes, so a
    server trickling a byte every half second cannot hold a job past it (timeouts count silence);
    a direct one connects only to addresses the policy allows, checked as it resolves them."""

    def __init__(
        self, *args: Any, deadline: float, allow_private: bool | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True
        if allow_private is not None:  # None: through a proxy, which resolves the host
            self._create_connection = partial(_checked_connection, allow_private=allow_private)

    def connect(self) -> None:
        super().connect()
        self._timer.start()

    def _expire(self) -> None:
        with contextlib.suppress(OSError, AttributeError):  # already closed
            self.sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._timer.cancel()
        super().close()


class _HTTPS(_HTTP, http.client.HTTPSConnection):
    """_HTTP over TLS: its super() calls reach HTTPSConnection first."""


def _checked_connection(
    address: tuple[str, int],
    timeout: float | None = None,
    source_address: tuple[str, int] | None = None,
    *,
    allow_private: bool,
) -> socket.socket:
    """socket.create_connection, but only to the resolved addresses the policy allows: the name
    is resolved once, checked and connected to, so it cannot change address in between."""
    host, port = address
    infos = addresses.resolve(host, port)
    if refused := addresses.first_refusal(infos, allow_private=allow_private):
        raise ArticleError(_refused_message(f"{host} (port {port})", *refused))
    return addresses.connect_checked(infos, timeout, source_address)


def _limits(req: urllib.request.Request) -> tuple[float, bool | None]:
    """The request's deadline and allow_private, None when it goes through a proxy (which connects)."""
    if not isinstance(req, _Request):
        raise TypeError("news60's opener takes only its own requests (made by _get)")
    proxied = req.has_proxy() or getattr(req, "_tunnel_host", None)
    return req.deadline, None if proxied else req.allow_private


class _DeadlineHTTP(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:  # noqa: D102
        deadline, allow_private = _limits(req)
        return self.do_open(partial(_HTTP, deadline=deadline, allow_private=allow_private), req)


class _DeadlineHTTPS(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:  # noqa: D102
        deadline, allow_private = _limits(req)
        connection = partial(_HTTPS, deadline=deadline, allow_private=allow_private)
        # typeshed leaves out HTTPSHandler's private _context, which its own https_open passes on.
        return self.do_open(connection, req, context=self._context)  # type: ignore[attr-defined]


_OPENER = urllib.request.build_opener(_NoRedirects, _DeadlineHTTP, _DeadlineHTTPS)


def is_url(source: str) -> bool:
    """True for anything written as scheme://..., so that ftp:// or file:// get a clear refusal."""
    return bool(_SCHEME.match(source))


@dataclass(frozen=True)
class Fetched:
    """A response: its status (200, or 304 when the validators sent still hold), body and the
    validators to send next time (ETag, Last-Modified)."""

    status: int
    body: bytes
    etag: str | None = None
    modified: str | None = None


def fetch(url: str, settings: ArticleSettings, *, accept: str = "text/html,*/*;q=0.8") -> bytes:
    """The body at `url`, following at most settings.max_redirects redirects, all of it within
    settings.deadline seconds."""
    return fetch_document(url, settings, accept=accept).body


def fetch_document(
    url: str,
    settings: ArticleSettings,
    *,
    accept: str = "text/html,*/*;q=0.8",
    etag: str | None = None,
    modified: str | None = None,
) -> Fetched:
    """Like `fetch`, sending `etag` and `modified` back so an unchanged document costs one 304."""
    deadline = time.monotonic() + settings.deadline
    headers = {"Accept": accept}
    headers |= {"If-None-Match": etag} if etag else {}
    headers |= {"If-Modified-Since": modified} if modified else {}
    for _ in range(settings.max_redirects + 1):
        check_url(url, settings)
        fetched, location = _get(url, settings, headers, deadline)
        if location is None:
            return fetched
        try:
            url = urljoin(url, location)
        except ValueError:
            raise ArticleError(
                f"{url} redirects to a malformed address: give another URL"
            ) from None
    raise ArticleError(
        f"{url} redirected more than {settings.max_redirects} times (a redirect loop?): "
        "open it in a browser and give the final URL, or raise article.max_redirects"
    )


def check_url(url: str, settings: ArticleSettings) -> None:
    """Refuse schemes other than http(s), malformed URLs, hosts at link-local or metadata
    addresses and, unless allowed, private hosts."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise ArticleError(f"{url} is not a valid URL: check it, or give a file path") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise ArticleError(
            f"{url} is not an http(s) URL: give an http:// or https:// address or a file"
        )
    if not host:
        raise ArticleError(f"{url} has no host name: check the URL")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise ArticleError(f"{url} has an invalid port: check the URL") from None
    _check_addresses(host, port, url, settings.allow_private)


def _check_addresses(host: str, port: int, url: str, allow_private: bool) -> None:
    """Refuse hosts that resolve to link-local or metadata addresses, and, unless allowed, to
    private, loopback or reserved ones (IPv6 forms that embed IPv4 judged by their IPv4)."""
    try:
        infos = addresses.resolve(host, port)
    except OSError as exc:
        raise ArticleError(
            f"cannot resolve {host} ({exc}): check the URL and your connection"
        ) from None
    if refused := addresses.first_refusal(infos, allow_private=allow_private):
        raise ArticleError(_refused_message(url, *refused))


def _refused_message(what: str, address: addresses.Address, reason: str) -> str:
    shown = addresses.describe(address)
    if reason != "a private address":
        return (
            f"{what} points to {shown}, {reason}: news60 never fetches from these, "
            "even with --allow-private; give the page's public address"
        )
    return (
        f"{what} points to a private address, {shown}: use --allow-private "
        "(article.allow_private = true) to read from local or internal servers"
    )


def _get(
    url: str, settings: ArticleSettings, headers: dict[str, str], deadline: float
) -> tuple[Fetched, str | None]:
    """One request: the response (body read up to the size cap), and the redirect location or None."""
    request = _Request(
        url,
        {"User-Agent": _USER_AGENT, **headers},
        deadline=deadline,
        allow_private=settings.allow_private,
    )
    try:
        with _OPENER.open(request, timeout=settings.timeout) as response:
            body = _read_capped(response, url, settings, deadline)
            return _fetched(response.status, body, response.headers), None
    except urllib.error.HTTPError as exc:
        location = exc.headers.get("Location") if exc.headers else None
        exc.close()
        if exc.code == 304:
            return _fetched(304, b"", exc.headers), None
        if 300 <= exc.code < 400 and location:
            return Fetched(exc.code, b""), location
        raise ArticleError(f"{url} answered HTTP {exc.code} {exc.reason}: check the URL") from None
    except http.client.IncompleteRead:  # a chunked body that ended before its last chunk
        if time.monotonic() >= deadline:
            raise _late(url, settings) from None
        raise _cut_short(url, "its last chunk never came") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise _failure(url, settings, deadline, exc) from None


def _fetched(status: int, body: bytes, headers: Message | None) -> Fetched:
    if not headers:
        return Fetched(status, body, None, None)
    return Fetched(status, body, headers.get("ETag"), headers.get("Last-Modified"))


def _failure(url: str, settings: ArticleSettings, deadline: float, exc: Exception) -> ArticleError:
    """The error for a request that broke off: past the deadline, silent too long, or unreachable."""
    if time.monotonic() >= deadline:
        return _late(url, settings)
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return _timeout(url, settings)
    return ArticleError(f"cannot reach {url} ({reason}): check the URL and your connection")


def _read_capped(
    response: http.client.HTTPResponse, url: str, settings: ArticleSettings, deadline: float
) -> bytes:
    """Stream the body, stopping as soon as it passes max_bytes or the deadline."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise _too_large(url, settings)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > settings.max_bytes:
            raise _too_large(url, settings)
        if time.monotonic() > deadline:
            raise _late(url, settings)
        chunks.append(chunk)
    if time.monotonic() >= deadline:
        raise _late(url, settings)  # the deadline shut the connection: the body is cut short
    if missing := getattr(response, "length", None):  # bytes Content-Length promised, never sent
        raise _cut_short(url, f"{size} of the {size + missing} bytes it declared")
    return b"".join(chunks)


def _cut_short(url: str, detail: str) -> ArticleError:
    return ArticleError(
        f"{url} was cut short ({detail}): the connection dropped; try again, "
        "or save the page and give the file"
    )


def _too_large(url: str, settings: ArticleSettings) -> ArticleError:
    return ArticleError(
        f"{url} is larger than {settings.max_bytes} bytes: "
        "raise article.max_bytes if it really is the article"
    )


def _late(url: str, settings: ArticleSettings) -> ArticleError:
    return ArticleError(
        f"{url} did not finish within {settings.deadline:g} s: "
        "try again later or raise article.deadline"
    )


def _timeout(url: str, settings: ArticleSettings) -> ArticleError:
    return ArticleError(
        f"{url} did not answer within {settings.timeout:g} s: "
        "try again later or raise article.timeout"
    )
