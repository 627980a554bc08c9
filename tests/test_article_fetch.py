"""URLs served by a real http.server on 127.0.0.1: limits, redirects, errors, photo downloads."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from news60.article import read_article
from news60.article.photos import download_photos
from news60.errors import ArticleError
from news60.settings import ArticleSettings

PAGE = (Path(__file__).parent / "data" / "articles" / "figure-page.html").read_bytes()
LOCAL = ArticleSettings(allow_private=True, timeout=1.0, max_bytes=2_000_000, max_redirects=3)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(buffer, "JPEG")
    return buffer.getvalue()


class _Handler(BaseHTTPRequestHandler):
    routes = {
        "/article": (200, "text/html; charset=utf-8", PAGE),
        "/images/seals-1.jpg": (200, "image/jpeg", _jpeg()),
        "/images/seals-2.jpg": (200, "image/jpeg", b"<html>not a photo</html>"),
    }

    def do_GET(self):  # noqa: N802 - the http.server protocol
        if self.path == "/slow":
            time.sleep(3)
        if self.path in {"/loop", "/moved"}:
            self._redirect("/loop" if self.path == "/loop" else "/article")
        elif self.path == "/huge":
            self._huge()
        elif self.path in self.routes:
            self._send(*self.routes[self.path])
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self) -> None:
        """50 MB of text without a Content-Length: the reader must stop by itself."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        chunk = b"word " * 20_000
        try:
            for _ in range(50_000_000 // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _error(url: str, settings: ArticleSettings = LOCAL) -> str:
    with pytest.raises(ArticleError) as caught:
        read_article(url, settings)
    assert "\n" not in str(caught.value)
    return str(caught.value)


def test_page_is_read_and_photos_resolved_against_the_url(server):
    article = read_article(f"{server}/article", LOCAL)
    assert article.title == "Harbour seals return to the estuary"
    assert article.source_url == f"{server}/article"
    assert article.photos[0].src == f"{server}/images/seals-1.jpg"


def test_reading_a_page_downloads_no_photo(server, tmp_path):
    article = read_article(f"{server}/article", LOCAL)
    assert [p.src for p in article.photos] == [
        f"{server}/images/seals-1.jpg",
        f"{server}/images/seals-2.jpg",
    ]
    assert not any(p.showable for p in article.photos)


def test_photos_are_downloaded_and_verified_or_kept_with_a_note(server, tmp_path):
    article = download_photos(read_article(f"{server}/article", LOCAL), tmp_path / "photos", LOCAL)
    first, second = article.photos
    assert Path(first.src).parent == tmp_path / "photos" and first.showable
    assert Image.open(first.src).size == (64, 48)
    assert first.credit == "Tom Reilly/Coastal Images"
    # The second "photo" is HTML: it stays, credited, with its URL and the reason it is not shown.
    assert (second.src, second.credit) == (f"{server}/images/seals-2.jpg", "AP Photo/Jane Doe")
    assert second.note == "not downloaded: not an image Pillow can read"
    assert not second.showable


def test_redirect_is_followed(server):
    assert read_article(f"{server}/moved", LOCAL).title == "Harbour seals return to the estuary"


def test_redirect_loop(server):
    assert "redirected more than 3 times" in _error(f"{server}/loop")


def test_not_found(server):
    assert "HTTP 404" in _error(f"{server}/missing")


def test_timeout(server):
    started = time.monotonic()
    assert "did not answer within 1 s" in _error(f"{server}/slow")
    assert time.monotonic() - started < 2.5


def test_huge_body_is_refused_at_the_cap(server):
    started = time.monotonic()
    assert "larger than 2000000 bytes" in _error(f"{server}/huge")
    assert time.monotonic() - started < 5


def test_private_address_refused_unless_allowed(server):
    message = _error(f"{server}/article", ArticleSettings())
    assert "private address" in message and "allow_private" in message


def test_localhost_name_is_private_too(server):
    port = server.rsplit(":", 1)[1]
    assert "private address" in _error(f"http://localhost:{port}/article", ArticleSettings())


@pytest.mark.parametrize("url", ["http://", "http://exa mple.org:99999/x", "https:///nohost"])
def test_bad_urls(url):
    _error(url, ArticleSettings())


def test_malformed_url():
    assert "not a valid URL" in _error("http://[::1/x", ArticleSettings())


def test_scene_photos_given_as_urls_are_downloaded_or_dropped(server, tmp_path):
    from news60.article.photos import download_scene_photos
    from news60.models import Photo, Scene, Script

    script = Script(
        "T",
        (
            Scene("One.", "One", Photo(f"{server}/images/seals-1.jpg", "Seals", "Jo via AP")),
            Scene("Two.", "Two", Photo(f"{server}/images/seals-2.jpg", "Not a photo", "X")),
            Scene("Three.", "Three"),
        ),
    )
    local = download_scene_photos(script, tmp_path, LOCAL, strict=False, origin="story.json")
    first, second, third = (scene.photo for scene in local.scenes)
    assert Path(first.src).parent == tmp_path and Image.open(first.src).size == (64, 48)
    assert (first.caption, first.credit) == ("Seals", "Jo via AP")
    assert second is None and third is None
    (noted,) = local.photos  # the one not shown stays credited, with the reason for the manifest
    assert noted.caption == "Not a photo" and noted.note.startswith("not downloaded: not an image")
    assert not list(tmp_path.glob(".*partial"))
    with pytest.raises(ArticleError, match="seals-2.jpg: not downloaded.*--skip-missing-photos"):
        download_scene_photos(script, tmp_path, LOCAL, strict=True, origin="story.json")
