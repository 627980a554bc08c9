"""Where news60 connects: pages and photos cut short by the network are refused naming the URL;
IPv6 forms that embed IPv4 are judged by the IPv4 they carry; link-local and cloud-metadata
addresses are refused even with --allow-private, redirects included. Every refusal happens before
any connection: a socket on 127.0.0.1 that must see none, and Python's audit hook, which hears
every socket.connect this process attempts."""

from __future__ import annotations

import contextlib
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from batchkit import serving
from netaudit import connections

from news60.article import read_article
from news60.article.photos import download_photos
from news60.errors import ArticleError
from news60.models import Article, Photo
from news60.settings import ArticleSettings

PAGE = (Path(__file__).parent / "data" / "articles" / "figure-page.html").read_bytes()
PUBLIC = ArticleSettings(timeout=2.0, deadline=5.0)
PRIVATE_OK = ArticleSettings(allow_private=True, timeout=2.0, deadline=5.0)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the http.server protocol
        if self.path == "/short":  # declares the whole page, sends a fifth, hangs up
            self._head(200, {"Content-Length": str(len(PAGE))})
            self.wfile.write(PAGE[: len(PAGE) // 5])
        elif self.path == "/chunked-cut":  # chunked, without the last (zero) chunk
            self._head(200, {"Transfer-Encoding": "chunked"})
            self.wfile.write(b"%x\r\n%s\r\n" % (len(PAGE) // 2, PAGE[: len(PAGE) // 2]))
        elif self.path == "/chunked":
            self._head(200, {"Transfer-Encoding": "chunked"})
            self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(PAGE), PAGE))
        elif self.path.startswith("/to/"):  # a redirect to the address after /to/
            self._head(302, {"Location": "http://" + self.path.removeprefix("/to/")})
        else:
            self._head(200, {"Content-Length": str(len(PAGE))})
            self.wfile.write(PAGE)

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    with serving(Path(__file__).parent, _Handler) as base:
        yield base


@pytest.fixture
def listener():
    """A port on 127.0.0.1 that must see no connection: (port, a function counting accepts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        sock.settimeout(0.3)

        def accepted() -> int:
            count = 0
            with contextlib.suppress(TimeoutError):
                while True:
                    sock.accept()[0].close()
                    count += 1
            return count

        yield sock.getsockname()[1], accepted


def refusal(url: str, settings: ArticleSettings) -> str:
    with pytest.raises(ArticleError) as caught:
        read_article(url, settings)
    message = str(caught.value)
    assert "\n" not in message
    return message


# Downloads checked whole ------------------------------------------------------------------------


def test_a_page_shorter_than_its_content_length_is_an_error_naming_the_url(server):
    message = refusal(f"{server}/short", PRIVATE_OK)
    assert f"{server}/short was cut short" in message
    assert f"{len(PAGE) // 5} of the {len(PAGE)} bytes" in message


def test_a_chunked_page_without_its_last_chunk_is_an_error_naming_the_url(server):
    message = refusal(f"{server}/chunked-cut", PRIVATE_OK)
    assert f"{server}/chunked-cut was cut short" in message and "last chunk" in message


def test_a_whole_chunked_page_reads(server):
    assert read_article(f"{server}/chunked", PRIVATE_OK).title == (
        "Harbour seals return to the estuary"
    )


def test_a_photo_cut_short_is_not_shown_and_says_so(server, tmp_path):
    article = Article("T", ("Body.",), photos=(Photo(f"{server}/short", "Seals", "AP"),))
    (photo,) = download_photos(article, tmp_path, PRIVATE_OK).photos
    assert photo.note.startswith("not downloaded: ") and "cut short" in photo.note
    assert not photo.showable and not list(tmp_path.iterdir())


# IPv6 forms that carry IPv4 -----------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "[::ffff:127.0.0.1]",  # IPv4-mapped
        "[::127.0.0.1]",  # IPv4-compatible (deprecated, still routed by some stacks)
        "[64:ff9b::7f00:1]",  # NAT64: the gateway connects to 127.0.0.1 on its side
        "[64:ff9b:1::7f00:1]",  # local-use NAT64
        "[2002:7f00:1::1]",  # 6to4 of 127.0.0.1
        "[::ffff:7f00:1]",  # the mapped form written in hex
        "2130706433",  # 127.0.0.1 as one decimal number
    ],
)
def test_ipv6_forms_of_loopback_are_private_and_never_connected(listener, host):
    port, accepted = listener
    with connections() as attempts:
        message = refusal(f"http://{host}:{port}/", PUBLIC)
    assert "private address" in message and "127.0.0.1" in message
    assert attempts == [] and accepted() == 0


@pytest.mark.parametrize(
    "host",
    [
        "169.254.169.254",  # AWS, GCP and Azure instance metadata
        "[fd00:ec2::254]",  # AWS's IPv6 metadata
        "169.254.10.20",  # any link-local address
        "[fe80::1]",
        "100.100.100.200",  # Alibaba Cloud metadata
        "[::ffff:169.254.169.254]",  # metadata in an IPv6 form
        "[64:ff9b::a9fe:a9fe]",  # metadata through NAT64
    ],
)
@pytest.mark.parametrize("settings", [PUBLIC, PRIVATE_OK], ids=["default", "allow-private"])
def test_link_local_and_metadata_addresses_are_refused_even_with_allow_private(host, settings):
    with connections() as attempts:
        message = refusal(f"http://{host}/latest/meta-data/", settings)
    assert "link-local or cloud-metadata" in message and "even with --allow-private" in message
    assert attempts == []


def test_a_redirect_to_metadata_is_refused_before_connecting_there(server):
    with connections() as attempts:
        message = refusal(f"{server}/to/169.254.169.254/latest/meta-data/", PRIVATE_OK)
    assert "http://169.254.169.254/latest/meta-data/ points to 169.254.169.254" in message
    assert [a for a in attempts if a[0] != "127.0.0.1"] == []  # only the first hop, here


def test_a_redirect_to_loopback_needs_allow_private(listener):
    port, accepted = listener
    with ThreadingHTTPServer(("127.0.0.1", 0), _Handler) as httpd:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            # A public name is needed for the first hop: the hook below resolves it to the server.
            with resolving({"news.example": "127.0.0.1"}, allow={"127.0.0.1"}):
                url = f"http://news.example:{httpd.server_address[1]}/to/[::1]:{port}/"
                message = refusal(url, PUBLIC)
        finally:
            httpd.shutdown()
    assert "private address" in message and accepted() == 0


def test_a_name_that_changes_address_between_check_and_connect_is_refused(listener):
    """DNS rebinding: the check sees a public address, the connection would get 127.0.0.1. The
    address is checked where it is resolved for the connection, so the second answer is refused."""
    port, accepted = listener
    answers = iter(["93.184.215.14", "127.0.0.1", "127.0.0.1"])
    with resolving({"rebind.example": answers}), connections() as attempts:
        message = refusal(f"http://rebind.example:{port}/", PUBLIC)
    assert "rebind.example (port" in message and "private address, 127.0.0.1" in message
    assert attempts == [] and accepted() == 0


@contextlib.contextmanager
def resolving(names: dict, allow: set[str] = frozenset()):
    """socket.getaddrinfo answering `names` (a fixed address, or an iterator of them, one per
    lookup); with `allow`, addresses in it pass as public (a stand-in for a real public host)."""
    from news60 import addresses

    real_resolve, real_refusal = socket.getaddrinfo, addresses.refusal

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            value = names[host]
            address = value if isinstance(value, str) else next(value)
            return real_resolve(address, port, *args, **kwargs)
        return real_resolve(host, port, *args, **kwargs)

    def refusal(address, *, allow_private):
        return "" if str(address) in allow else real_refusal(address, allow_private=allow_private)

    socket.getaddrinfo, addresses.refusal = getaddrinfo, refusal
    try:
        yield
    finally:
        socket.getaddrinfo, addresses.refusal = real_resolve, real_refusal
