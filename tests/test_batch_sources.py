"""Batch sources: folders, manifests and feeds read in the editor's order, with per-story overrides."""

import datetime as dt
import json
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from batchkit import SCRAPES, scrape

from news60.batch.planning import plan_story, story_settings
from news60.bulletin.lineup import read_lineup
from news60.errors import SettingsError
from news60.settings import ArticleSettings, Settings
from news60.sources.entries import Entry, SourceError
from news60.sources.feeds import FeedPoller
from news60.sources.listing import parse_since, read_sources, select

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local news</title><link>http://x.test/</link>
<item><title>Third story</title><link>http://x.test/3</link><pubDate>Wed, 03 Jan 2024 09:00:00 GMT</pubDate></item>
<item><title>Second story</title><link>http://x.test/2</link><pubDate>Tue, 02 Jan 2024 09:00:00 GMT</pubDate></item>
<item><title>No link</title></item>
<item><title>First story</title><link>http://x.test/1</link><pubDate>Mon, 01 Jan 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:x</id>
<updated>2024-01-02T00:00:00Z</updated>
<entry><title>Atom story</title><link href="http://x.test/a"/><id>urn:a</id>
<updated>2024-01-02T00:00:00Z</updated></entry></feed>"""


def read(*sources) -> list[Entry]:
    return read_sources([str(s) for s in sources], ArticleSettings())


def test_a_folder_lists_its_article_files_by_name(tmp_path):
    for name in ("b.html", "a.txt", "empty.txt", "scan.bin", ".hidden.txt", "photo.jpg"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "inside.txt").write_text("x")
    names = [Path(e.source).name for e in read(tmp_path)]
    assert names == ["a.txt", "b.html", "empty.txt", "scan.bin"]  # photos and hidden files left out


def test_a_csv_manifest_keeps_row_order_and_each_rows_overrides(tmp_path):
    (tmp_path / "pics").mkdir()
    (tmp_path / "manifest.csv").write_text(
        "source,title,voice,formats,seconds,photos\n"
        "stories/b.txt,Bee,,,,\n"
        "https://x.test/a,Ay,piper:en_US-joe-medium,9:16 1:1,45,pics\n"
    )
    first, second = read(tmp_path / "manifest.csv")
    assert first.source == str(tmp_path / "stories" / "b.txt") and first.overrides == {}
    assert first.title == "Bee"
    assert second.source == "https://x.test/a"
    assert second.overrides == {
        "voice": {"name": "piper:en_US-joe-medium"},
        "video": {"formats": ("9:16", "1:1")},
        "script": {"seconds": 45.0},
        "article": {"photos": tmp_path / "pics"},
    }


def test_a_json_lines_manifest_reads_lists_and_dates(tmp_path):
    rows = [
        {"url": "https://x.test/1", "formats": ["1:1"], "published": "2024-05-01"},
        {"source": "https://x.test/2", "seconds": 30},
    ]
    (tmp_path / "day.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    first, second = read(tmp_path / "day.jsonl")
    assert first.overrides == {"video": {"formats": ("1:1",)}}
    assert first.published == dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    assert second.overrides == {"script": {"seconds": 30.0}}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("source,colour\na.txt,red\n", "unknown column colour"),
        ("source,seconds\na.txt,soon\n", "'soon' is not a valid value"),
        ("title\nNo source\n", "has no source"),
    ],
)
def test_a_bad_manifest_row_names_the_row_and_the_fix(tmp_path, text, message):
    (tmp_path / "m.csv").write_text(text)
    with pytest.raises(SourceError, match=message) as caught:
        read(tmp_path / "m.csv")
    assert "row 2" in str(caught.value)


def test_an_rss_file_lists_items_in_feed_order_with_dates(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS)
    entries = read(tmp_path / "feed.xml")
    assert [e.title for e in entries] == ["Third story", "Second story", "First story"]
    assert entries[0].source == "http://x.test/3"
    assert entries[0].published == dt.datetime(2024, 1, 3, 9, tzinfo=dt.UTC)


def test_an_atom_file_is_a_feed_too(tmp_path):
    (tmp_path / "wire.atom").write_text(ATOM)
    assert [(e.title, e.source) for e in read(tmp_path / "wire.atom")] == [
        ("Atom story", "http://x.test/a")
    ]


def test_sources_keep_command_line_order_and_list_each_story_once(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS)
    (tmp_path / "m.csv").write_text("source\nhttp://x.test/9\nhttp://x.test/2\n")
    sources = [e.source for e in read(tmp_path / "m.csv", tmp_path / "feed.xml")]
    assert sources == ["http://x.test/9", "http://x.test/2", "http://x.test/3", "http://x.test/1"]


def test_a_missing_source_says_what_to_give(tmp_path):
    with pytest.raises(SourceError, match="not found: give a feed URL, a folder"):
        read(tmp_path / "nowhere")


def test_a_private_feed_url_needs_allow_private():
    with pytest.raises(SourceError, match="allow_private"):
        FeedPoller(ArticleSettings()).poll("http://127.0.0.1:9/feed.xml")


class _Site(BaseHTTPRequestHandler):
    """/feed.xml (with relative links), /story.html (a page, not a feed), /article.txt (a real
    article), /slow.xml (trickles); every request's path is noted in the server's `paths`."""

    def do_GET(self):  # noqa: N802
        self.server.paths.append(self.path)
        if self.path == "/slow.xml":
            self._head(200, "application/rss+xml")
            for byte in RSS.encode()[:40]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
            return
        page = {
            "/feed.xml": RELATIVE_RSS,
            "/story.html": "<html><body><p>A page.</p></body></html>",
            "/article.txt": scrape(SCRAPES[0]),
        }
        body = page.get(self.path, "").encode()
        self._head(200 if body else 404, "text/html" if self.path.endswith("html") else "text/xml")
        self.wfile.write(body)

    def _head(self, status: int, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.end_headers()

    def log_message(self, *args):
        pass


RELATIVE_RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title>
<item><title>One</title><link>/stories/1.html</link></item></channel></rss>"""


@pytest.fixture
def site_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.paths = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(site_server):
    return f"http://127.0.0.1:{site_server.server_port}"


def test_a_url_that_is_a_page_not_a_feed_is_one_story(site):
    poller = FeedPoller(ArticleSettings(allow_private=True))
    (entry,) = poller.poll(f"{site}/story.html")
    assert entry.source == f"{site}/story.html"
    assert [e.source for e in poller.poll(f"{site}/feed.xml")] == [f"{site}/stories/1.html"]


def test_a_trickling_feed_server_hits_the_whole_request_deadline(site):
    settings = ArticleSettings(allow_private=True, deadline=1.0)
    started = time.monotonic()
    with pytest.raises(SourceError, match="did not finish within 1 s"):
        FeedPoller(settings).poll(f"{site}/slow.xml")
    assert time.monotonic() - started < 5


def test_since_takes_dates_and_ages():
    now = dt.datetime(2024, 5, 2, 12, tzinfo=dt.UTC)
    assert parse_since("6h", now) == dt.datetime(2024, 5, 2, 6, tzinfo=dt.UTC)
    assert parse_since("2d", now) == dt.datetime(2024, 4, 30, 12, tzinfo=dt.UTC)
    assert parse_since("2024-05-01") == dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    with pytest.raises(SourceError, match="2024-05-01"):
        parse_since("yesterday")


def test_select_keeps_undated_and_recent_entries_up_to_the_limit():
    old, new = dt.datetime(2024, 1, 1, tzinfo=dt.UTC), dt.datetime(2024, 6, 1, tzinfo=dt.UTC)
    entries = [Entry("a", published=old), Entry("b"), Entry("c", published=new), Entry("d")]
    since = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    assert [e.source for e in select(entries, since, None)] == ["b", "c", "d"]
    assert [e.source for e in select(entries, since, 2)] == ["b", "c"]


def test_a_rows_overrides_are_checked_like_any_setting():
    entry = Entry("a", overrides={"script": {"seconds": 5.0}}, origin="m.csv")
    with pytest.raises(SettingsError, match="--seconds 5.0 is out of range"):
        story_settings(entry, Settings())
    good = Entry("a", overrides={"video": {"formats": ("1:1",)}}, origin="m.csv")
    assert story_settings(good, Settings()).video.formats == ("1:1",)


def test_each_poll_fetches_a_page_source_once(tmp_path, site, site_server):
    """A SOURCE that is a page is fetched to see whether it is a feed; that fetch is the article
    the poll plans from (read once, not once to list and once to read)."""
    url = f"{site}/article.txt"
    settings = Settings(out=tmp_path / "out", article=ArticleSettings(allow_private=True))
    poller = FeedPoller(settings.article)
    for poll in (1, 2):  # as `batch --watch` polls: list the sources, plan each story
        (entry,) = read_sources([url], settings.article, poller)
        planned = plan_story(entry, settings)
        assert site_server.paths == ["/article.txt"] * poll
        assert planned.article.source_url == url and planned.article.text
        # A bulletin reads it the same way (of any age: the page has no date).
        any_age = replace(settings, bulletin=replace(settings.bulletin, max_age=0.0))
        items, _ = read_lineup([entry], any_age, count=1, day=dt.date(2019, 11, 19))
        assert items[0].article == planned.article and site_server.paths == ["/article.txt"] * poll
