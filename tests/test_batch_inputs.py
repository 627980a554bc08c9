"""What batch and bulletin read is checked before any work: manifests and feeds name files only
inside their own folder (or --base) and articles only by http(s) URL; every cell has its kind
and length; an empty manifest is an error; voices, music, summarisers, formats and channels are
refused before any worker starts; --cluster must answer as a Dask scheduler, within seconds."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import SCRAPES, scrape, serving
from conftest import ROOT, SEED, run_news60
from netaudit import connections

from news60.batch.cluster import ClusterError, check_scheduler
from news60.batch.planning import plan_story
from news60.bulletin.lineup import read_story
from news60.settings import ArticleSettings, Settings
from news60.sources.entries import SourceError
from news60.sources.listing import read_sources

QUICK = 30  # seconds: every refusal here comes before a worker starts or an article is read


def read(*sources, base: Path | None = None):
    return read_sources([str(s) for s in sources], ArticleSettings(base=base))


def manifest(folder: Path, text: str, name: str = "day.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def refused(*args: str) -> str:
    """`news60 ARGS` fails within QUICK seconds with one `Error!` line; that line."""
    started = time.monotonic()
    done = run_news60(*args, timeout=120)
    assert done.returncode == 1, (done.returncode, done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error! ")]
    assert len(errors) == 1 and done.stderr.strip().endswith(errors[0]), done.stderr
    assert "sent" not in done.stderr and "rendering" not in done.stderr
    assert time.monotonic() - started < QUICK, done.stderr
    return errors[0]


# Sources confined ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("/etc/passwd", ("source", "outside the manifest's folder", "--base")),
        ("../elsewhere/story.txt", ("outside the manifest's folder",)),
        ("file:///etc/passwd", ("not an http(s) URL",)),
        ("ftp://x.test/story.txt", ("not an http(s) URL",)),
    ],
)
def test_a_manifest_names_articles_only_beside_it_or_by_http_url(tmp_path, row, words):
    path = manifest(tmp_path / "desk", f"source\n{row}\n")
    with pytest.raises(SourceError) as caught:
        read(path)
    assert "row 2" in str(caught.value)
    for word in words:
        assert word in str(caught.value)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("music", "/etc/passwd"),
        ("music", "../beds/theme.mp3"),
        ("photos", "/etc"),
        ("voice", "piper:/tmp/voices/evil.onnx"),
    ],
)
def test_a_manifests_music_photos_and_voice_files_are_confined_too(tmp_path, column, value):
    path = manifest(tmp_path / "desk", f"source,{column}\nstory.txt,{value}\n")
    with pytest.raises(SourceError, match=f"row 2: {column} names .* outside the manifest's"):
        read(path)


def test_base_widens_the_folder_a_manifest_may_name(tmp_path):
    shared = tmp_path / "shared"
    (shared / "beds").mkdir(parents=True)
    path = manifest(tmp_path / "desk", "source,music\n../shared/story.txt,../shared/beds/a.mp3\n")
    with pytest.raises(SourceError):
        read(path)
    (entry,) = read(path, base=shared)
    assert entry.source == str(shared / "story.txt")
    assert entry.overrides == {"video": {"music": str(shared / "beds" / "a.mp3")}}


def test_a_link_inside_the_folder_pointing_out_is_refused(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "story.txt").symlink_to("/etc/passwd")
    with pytest.raises(SourceError, match="outside"):
        read(manifest(desk, "source\nstory.txt\n"))


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Passwords</title><link>{first}</link></item>
<item><title>Real story</title><link>{second}</link></item></channel></rss>"""


@pytest.mark.parametrize("link", ["/etc/passwd", "file:///etc/passwd", "story.txt"])
def test_a_feed_item_naming_a_file_fails_and_is_never_read(tmp_path, link):
    """The item is listed (so the batch reports it) but fails before anything reads it: here a
    real article beside the feed would be read if the link were followed."""
    (tmp_path / "story.txt").write_text(SEED.read_text())
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS.format(first=link, second="https://x.test/real"))
    refused_entry, real = read(feed)
    assert real.source == "https://x.test/real" and not real.refused
    assert "not an http(s) URL" in refused_entry.refused and "Passwords" in refused_entry.refused
    settings = Settings(out=tmp_path / "out")
    with pytest.raises(SourceError, match="never by a local file"):
        plan_story(refused_entry, settings)
    with pytest.raises(SourceError, match="never by a local file"):
        read_story(refused_entry, settings)
    assert not (tmp_path / "out").exists()


def test_a_feed_served_over_http_naming_a_file_is_refused_the_same(tmp_path):
    from http.server import BaseHTTPRequestHandler

    body = RSS.format(first="file:///etc/passwd", second="/stories/2.html").encode()

    class Feed(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serving(tmp_path, Feed) as base:
        settings = ArticleSettings(allow_private=True)
        first, second = read_sources([f"{base}/feed.xml"], settings)
    assert first.refused and second.source == f"{base}/stories/2.html" and not second.refused


# Typed cells and crash classes ---------------------------------------------------------------


def test_a_latin1_manifest_reads_like_utf8(tmp_path):
    path = tmp_path / "day.csv"
    path.write_bytes("source,title\nhttps://x.test/1,Café reopens\n".encode("latin-1"))
    (entry,) = read(path)
    assert entry.title == "Café reopens"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("big.csv", b"source,title\nhttps://x.test/1," + b"x" * 140_000 + b"\n", ("line 2",)),
        ("deep.jsonl", b'{"source": ' + b"[" * 200_000 + b"]" * 200_000 + b"}\n", ("line 1",)),
        ("nul.jsonl", b'{"source": "a\\u0000b.txt"}\n', ("NUL byte",)),
        ("list.jsonl", b'{"source": ["a.txt", "b.txt"]}\n', ("must be text, not list",)),
        ("title.jsonl", b'{"source": "https://x.test/1", "title": {"a": 1}}\n', ("title",)),
        ("formats.csv", b"source,formats\nhttps://x.test/1,2:3\n", ("formats", "9:16")),
        ("seconds.jsonl", b'{"source": "https://x.test/1", "seconds": true}\n', ("seconds",)),
        ("long.csv", b"source\n" + b"a" * 5000 + b".txt\n", ("4,096",)),
        ("extra.csv", b"source\na.txt,b.txt\n", ("more cells",)),
        ("empty.csv", b"source,title\n", ("lists no stories",)),
        ("empty.jsonl", b"\n\n", ("lists no stories",)),
    ],
)
def test_a_bad_manifest_is_one_error_naming_the_place(tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read(tmp_path / name)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 600
    for word in words:
        assert word in message, message


def test_an_empty_manifest_fails_the_batch(tmp_path):
    path = manifest(tmp_path, "source,title\n")
    assert "lists no stories" in refused("batch", str(path), "--out", str(tmp_path / "out"))


# Checked before the workers start ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        ("voice\nstory.txt,espeak:en", ("row 2", "unknown voice")),
        ("summariser\nstory.txt,magic", ("row 2", "magic")),
        ("music\nstory.txt,bed.mp3", ("row 2", "bed.mp3", "not audio")),
        ("seconds\nstory.txt,5", ("row 2", "--seconds 5")),
    ],
)
def test_a_bad_row_value_is_refused_before_any_worker_starts(tmp_path, cells, words):
    (tmp_path / "story.txt").write_text(scrape(SCRAPES[0]))
    (tmp_path / "bed.mp3").write_text("not audio at all")
    path = manifest(tmp_path, f"source,{cells}\n")
    line = refused("batch", str(path), "--out", str(tmp_path / "out"), "--workers", "1")
    for word in words:
        assert word in line, line
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_an_unknown_publish_channel_is_refused_before_any_work(tmp_path):
    (tmp_path / "story.txt").write_text(scrape(SCRAPES[0]))
    line = refused(
        "batch", str(tmp_path / "story.txt"), "--out", str(tmp_path / "out"), "--publish", "myspace"
    )
    assert "unknown channel 'myspace'" in line


def test_a_bad_batch_voice_is_refused_before_the_sources_are_read(tmp_path):
    line = refused("batch", str(tmp_path / "nowhere"), "--voice", "espeak:en")
    assert "unknown voice" in line


# --cluster -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "tcp://169.254.169.254:8786",
        "tcp://[fd00:ec2::254]:8786",
        "tcp://[::ffff:169.254.169.254]:8786",
        "tcp://[64:ff9b::a9fe:a9fe]:8786",
    ],
)
def test_cluster_at_a_metadata_address_is_refused_before_any_connection(address):
    with connections() as attempts, pytest.raises(ClusterError, match="never connects there"):
        check_scheduler(address)
    assert attempts == []


@pytest.fixture
def silent_port():
    """A port on 127.0.0.1 that accepts connections and never says a word."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield sock.getsockname()[1]


def test_cluster_at_a_web_server_fails_fast(tmp_path):
    started = time.monotonic()
    with serving(tmp_path) as base:
        address = base.replace("http://", "tcp://")
        line = refused("batch", str(SEED), "--out", str(tmp_path / "out"), "--cluster", address)
    assert "is not a Dask scheduler" in line and time.monotonic() - started < QUICK


def test_cluster_at_a_silent_port_fails_fast_and_obeys_sigterm(tmp_path, silent_port):
    address = f"tcp://127.0.0.1:{silent_port}"
    line = refused("batch", str(SEED), "--out", str(tmp_path / "out"), "--cluster", address)
    assert "is not a Dask scheduler that answers" in line
    process = subprocess.Popen(
        [sys.executable, "-m", "news60", "batch", str(SEED), "--cluster", address],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(4)  # started, and waiting on the port
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 143 and "Terminated" in stderr and "Traceback" not in stderr


def test_a_real_scheduler_answers_the_check(tmp_path):
    from news60.batch.localhost import local_scheduler

    with local_scheduler(tmp_path, workers=0) as address:
        deadline = time.monotonic() + 30
        while True:  # the scheduler process takes a moment to listen
            try:
                check_scheduler(address)
                break
            except ClusterError:
                assert time.monotonic() < deadline
                time.sleep(0.5)
    assert json.dumps(address) and os.path.isdir(tmp_path / "scheduler")
