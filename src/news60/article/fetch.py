"""Fetch a URL with the standard library: http(s) only, public hosts, time and size limits."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

from news60.errors import ArticleError
from news60.settings import ArticleSettings

log = logging.getLogger(__name__)

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_CHUNK = 64 * 1024
_USER_AGENT = "news60/0.1 (+https://github.com/news60/news60)"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx responses back to us, so that every hop is checked and counted."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def is_url(source: str) -> bool:
    """True for anything written as scheme://..., so that ftp:// or file:// get a clear refusal."""
    return bool(_SCHEME.match(source))


def fetch(url: str, settings: ArticleSettings, *, accept: str = "text/html,*/*;q=0.8") -> bytes:
    """The body at `url`, following at most settings.max_redirects redirects."""
    for _ in range(settings.max_redirects + 1):
        check_url(url, settings)
        status, location, body = _get(url, settings, accept)
        if location is None:
            return body
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
    """Refuse schemes other than http(s), malformed URLs and, unless allowed, private hosts."""
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
    if not settings.allow_private:
        _check_public(host, port, url)


def _check_public(host: str, port: int, url: str) -> None:
    """Refuse hosts that resolve to private, loopback, link-local or reserved addresses."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise ArticleError(
            f"cannot resolve {host} ({exc}): check the URL and your connection"
        ) from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise ArticleError(
                f"{url} points to a private address ({address}): "
                "set article.allow_private = true to read from local or internal servers"
            )


def _get(url: str, settings: ArticleSettings, accept: str) -> tuple[int, str | None, bytes]:
    """One request: (status, redirect location or None, body read up to the size cap)."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": accept})
    try:
        with _OPENER.open(request, timeout=settings.timeout) as response:
            return response.status, None, _read_capped(response, url, settings)
    except urllib.error.HTTPError as exc:
        location = exc.headers.get("Location") if exc.headers else None
        exc.close()
        if 300 <= exc.code < 400 and location:
            return exc.code, location, b""
        raise ArticleError(f"{url} answered HTTP {exc.code} {exc.reason}: check the URL") from None
    except TimeoutError:
        raise _timeout(url, settings) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise _timeout(url, settings) from None
        raise ArticleError(
            f"cannot reach {url} ({exc.reason}): check the URL and your connection"
        ) from None
    except (OSError, ValueError) as exc:
        raise ArticleError(
            f"cannot read {url} ({exc}): check the URL and your connection"
        ) from None


def _read_capped(response, url: str, settings: ArticleSettings) -> bytes:
    """Stream the body, stopping as soon as it passes max_bytes or the time budget."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise _too_large(url, settings)
    deadline = time.monotonic() + settings.timeout
    chunks, size = [], 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > settings.max_bytes:
            raise _too_large(url, settings)
        if time.monotonic() > deadline:
            raise _timeout(url, settings)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, settings: ArticleSettings) -> ArticleError:
    return ArticleError(
        f"{url} is larger than {settings.max_bytes} bytes: "
        "raise article.max_bytes if it really is the article"
    )


def _timeout(url: str, settings: ArticleSettings) -> ArticleError:
    return ArticleError(
        f"{url} did not answer within {settings.timeout:g} s: "
        "try again later or raise article.timeout"
    )
