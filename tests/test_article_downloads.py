"""Photo downloads against a real server on 127.0.0.1: deadlines, bombs, 404s, two jobs at once,
a bounded cache, and `news60 extract --json` listing photos without a single request."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from news60.article import read_article
from news60.article.photos import download_photos, trim_cache
from news60.atomic import writing
from news60.errors import ArticleError
from news60.models import Article, Photo
from news60.settings import ArticleSettings

LOCAL = ArticleSettings(allow_private=True, timeout=1.0, deadline=2.0, max_pixels=80_000_000)
ROOT = Path(__file__).resolve().parent.parent


def _jpeg(colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares width x height (grey, 8 bit) with a little compressed data after it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * (width + 1) * 50)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows)


class _Handler(BaseHTTPRequestHandler):
    requests: list[str] = []
    routes = {
        "/good.jpg": _jpeg(),
        "/bomb.png": _png_header(20000, 20000),
    }

    def do_GET(self):  # noqa: N802 - the http.server protocol
        self.requests.append(self.path)
        if self.path.startswith("/trickle"):
            self._trickle()
        elif self.path == "/slow.jpg":
            time.sleep(0.3)  # long enough for two jobs' downloads to overlap
            self._send(200, _jpeg("teal"))
        elif self.path in self.routes:
            self._send(200, self.routes[self.path])
        else:
            self._send(404, b"not found")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self) -> None:
        """One byte every half second, for at most 15 s: never silent long enough to time out."""
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.end_headers()
        try:
            for _ in range(30):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.5)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _article(*urls: str) -> Article:
    photos = tuple(Photo(u, f"Caption {i}", f"Photographer {i}/AP") for i, u in enumerate(urls))
    return Article("Title", ("Body.",), photos=photos)


def test_a_trickling_page_fails_at_the_deadline(server):
    started = time.monotonic()
    with pytest.raises(ArticleError) as caught:
        read_article(f"{server}/trickle", LOCAL)
    assert "did not finish within 2 s" in str(caught.value)
    assert time.monotonic() - started < 4


def test_a_trickling_photo_is_a_note_at_the_deadline(server, tmp_path):
    started = time.monotonic()
    photo = download_photos(_article(f"{server}/trickle.jpg"), tmp_path, LOCAL).photos[0]
    assert time.monotonic() - started < 4
    assert photo.note == "not downloaded: did not finish within 2 s"
    assert photo.credit == "Photographer 0/AP" and photo.src == f"{server}/trickle.jpg"


def test_a_decompression_bomb_is_a_note_and_pillow_keeps_its_limit(server, tmp_path):
    limit = Image.MAX_IMAGE_PIXELS
    photo = download_photos(_article(f"{server}/bomb.png"), tmp_path, LOCAL).photos[0]
    assert photo.note.startswith("not downloaded: over the pixel limit")
    assert not photo.showable and not list(tmp_path.iterdir())
    assert limit == Image.MAX_IMAGE_PIXELS


def test_a_missing_photo_keeps_its_credit_and_says_why(server, tmp_path):
    good, missing = download_photos(
        _article(f"{server}/good.jpg", f"{server}/gone.jpg"), tmp_path, LOCAL
    ).photos
    assert good.showable and Image.open(good.src).size == (64, 48)
    assert missing.note == "not downloaded: HTTP 404 Not Found"
    assert missing.src == f"{server}/gone.jpg" and missing.credit == "Photographer 1/AP"


def test_two_jobs_downloading_the_same_photos_never_collide(server, tmp_path):
    article = _article(f"{server}/slow.jpg", f"{server}/good.jpg")
    results, errors = [], []

    def job():
        try:
            results.append(download_photos(article, tmp_path, LOCAL))
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not errors
    assert all(p.showable for r in results for p in r.photos)
    assert all(Image.open(p.src).size == (64, 48) for r in results for p in r.photos)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {Path(p.src).name for p in results[0].photos}
    )  # no temporary file left behind


def test_temporary_names_are_unique_and_keep_the_extension(tmp_path):
    dest = tmp_path / "clip.mp4"
    with writing(dest) as first, writing(dest) as second:
        assert first != second
        assert first.suffix == second.suffix == ".mp4"
        first.write_bytes(b"one")
        second.write_bytes(b"two")
    assert dest.read_bytes() in {b"one", b"two"}
    assert [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]


def test_the_download_cache_is_bounded_oldest_first(tmp_path):
    settings = ArticleSettings(cache_bytes=2500, cache_days=30)
    now = time.time()
    for age, name in enumerate(["new", "middle", "old", "ancient"]):
        path = tmp_path / "job" / f"{name}.jpg"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x" * 1000)
        os.utime(path, (now - age * 3600, now - age * 3600))
    stale = tmp_path / "other" / "stale.jpg"
    stale.parent.mkdir()
    stale.write_bytes(b"x")
    os.utime(stale, (now - 40 * 86400, now - 40 * 86400))
    trim_cache(tmp_path, settings)
    left = sorted(p.name for p in tmp_path.rglob("*.jpg"))
    assert left == ["middle.jpg", "new.jpg"]


def test_extract_json_lists_photos_without_a_request(server, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        (ROOT / "tests" / "data" / "articles" / "figure-page.html")
        .read_text()
        .replace("/images/", f"{server}/images/")
    )
    _Handler.requests.clear()
    result = subprocess.run(
        [sys.executable, "-m", "news60", "extract", "--json", str(page)],
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    photos = json.loads(result.stdout)["photos"]
    assert [(p["src"], p["caption"], p["credit"]) for p in photos] == [
        (
            f"{server}/images/seals-1.jpg",
            "Seals rest on a sandbank at low tide.",
            "Tom Reilly/Coastal Images",
        ),
        (f"{server}/images/seals-2.jpg", "A pup on the northern bank", "AP Photo/Jane Doe"),
    ]
    assert _Handler.requests == []
    assert not (tmp_path / "output").exists()
