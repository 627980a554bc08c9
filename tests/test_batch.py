"""news60 batch end to end: real articles, real workers, tiny renders."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import time
from pathlib import Path

import pytest
from batchkit import (
    SCRAPES,
    TINY,
    Batch,
    export_with_photos,
    gold,
    run_batch,
    scrape,
    serving,
)
from conftest import SHARED_DATA, ffprobe, stream

from news60.stories import load_story

pytestmark = pytest.mark.slow


def versions(out: Path) -> dict[str, list[int]]:
    """Every story folder in `out` and its version numbers."""
    return {
        folder.name: [v.number for v in load_story(folder).versions]
        for folder in sorted(out.iterdir())
        if folder.is_dir()
    }


def day_folder(folder: Path) -> Path:
    """6 good articles (5 scraped pages, 1 HTML page), an empty file, a binary file, and a CMS
    export with one corrupt photo."""
    folder.mkdir()
    for name in SCRAPES + ["35b158918c676ff2"]:
        (folder / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    (folder / "bbc.html").write_bytes((SHARED_DATA / "html" / "bbc-1" / "page.html").read_bytes())
    (folder / "empty.txt").write_text("")
    (folder / "scan.bin").write_bytes(hashlib.sha256(b"x").digest() * 200 + bytes(range(256)))
    export_with_photos(folder, "markets.json", "Oil falls on oversupply fears", "57d46c9d751e3fd3")
    return folder


def test_a_day_of_articles_renders_once_and_a_correction_becomes_version_2(tmp_path):
    articles, out = day_folder(tmp_path / "in"), tmp_path / "out"
    code, summary, stderr = run_batch(str(articles), "--out", str(out), "--workers", "2", *TINY)
    assert code == 1, stderr
    assert (summary["rendered"], summary["failed"]) == (7, 2)
    reasons = {Path(s["source"]).name: s["reason"] for s in summary["stories"] if s["reason"]}
    assert set(reasons) == {"empty.txt", "scan.bin"}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["scan.bin"]
    assert all(numbers == [1] for numbers in versions(out).values()) and len(versions(out)) == 7
    markets = next(s for s in summary["stories"] if s["source"].endswith("markets.json"))
    assert any("broken.jpg" in note and "not shown" in note for note in markets["notes"])
    for story in summary["stories"]:
        if story["status"] == "rendered":
            clip = Path(story["folder"]) / "clip.mp4"
            assert stream(ffprobe(clip), "video")["width"] == 160
    # The model and the voice were loaded once per worker process, not once per story:
    assert 1 <= len(summary["workers"]) <= 2
    assert sum(w["stories"] for w in summary["workers"]) == 7
    assert all(w["warmup_seconds"] is not None for w in summary["workers"])

    code, again, _ = run_batch(str(articles), "--out", str(out), "--workers", "2", *TINY)
    assert code == 1 and (again["rendered"], again["unchanged"], again["failed"]) == (0, 7, 2)
    assert again["workers"] == []  # nothing to render: no worker was started

    edited = articles / f"{SCRAPES[0]}.txt"
    edited.write_text(edited.read_text().replace("icy moon Europa", "frozen moon Europa"))
    code, third, _ = run_batch(str(articles), "--out", str(out), "--workers", "2", *TINY)
    assert (third["rendered"], third["unchanged"]) == (1, 6)
    corrected = next(s for s in third["stories"] if s["status"] == "rendered")
    assert corrected["source"] == str(edited) and corrected["version"] == 2
    story = load_story(Path(corrected["folder"]))
    assert [v.number for v in story.versions] == [1, 2]
    assert story.versions[0].complete  # version 1 kept, whole
    assert story.current.manifest.previous == "v1" and "text" in story.current.manifest.changes
    index = json.loads((story.folder / "manifest.json").read_text())
    assert [v["version"] for v in index["versions"]] == [1, 2]
    assert (out / "index.html").is_file()


def test_a_batch_killed_mid_render_finishes_on_rerun_without_rendering_twice(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    articles.mkdir()
    for name in SCRAPES[:3]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    batch = Batch(str(articles), "--out", str(out), "--workers", "1", *TINY)
    try:
        batch.wait_for(lambda line: ": rendered" in line)
        batch.wait_for(lambda line: "rendering clip.mp4" in line)  # the next story, mid-render
        batch.process.send_signal(signal.SIGKILL)
        batch.process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while batch.session_processes() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert batch.session_processes() == []  # the workers went with their client
    finally:
        batch.kill_session()
    finished_before = {name for name, numbers in versions(out).items() if numbers}
    assert finished_before and len(finished_before) < 3

    code, summary, stderr = run_batch(str(articles), "--out", str(out), "--workers", "1", *TINY)
    assert code == 0, stderr
    assert summary["unchanged"] == len(finished_before)
    assert summary["rendered"] == 3 - len(finished_before)
    assert list(versions(out).values()) == [[1], [1], [1]]  # none rendered twice
    for folder in out.iterdir():
        if folder.is_dir():
            assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]  # no drafts
            clip = folder / "v1" / "clip.mp4"
            info = ffprobe(clip)
            manifest = json.loads((folder / "v1" / "manifest.json").read_text())
            assert abs(float(info["format"]["duration"]) - manifest["duration"]) < 0.3
            assert stream(info, "video") and stream(info, "audio")


class FeedServer:
    """An RSS feed of article pages on 127.0.0.1; answers 304 to a matching If-None-Match."""

    def __init__(self, root: Path, down: int = 0):
        self.root, self.items, self.statuses = root, [], []
        self.down = down  # polls of the feed answered 503 before it comes back

    def add(self, name: str) -> None:
        self.items.append(name)

    def feed(self, base: str) -> bytes:
        items = "".join(
            f"<item><title>{gold(n)['text'][:40]}</title><link>{base}/story/{n}.txt</link></item>"
            for n in reversed(self.items)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Day</title>'
            f"<link>{base}/</link>{items}</channel></rss>"
        ).encode()

    def handler(self):
        import http.server

        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the standard library's name
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                if self.path == "/feed.xml" and server.down > 0:
                    server.down -= 1
                    return self.reply(503, b"down for maintenance", None)
                if self.path == "/feed.xml":
                    body = server.feed(base)
                    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        return self.reply(304, b"", etag)
                    return self.reply(200, body, etag, "application/rss+xml")
                name = self.path.removeprefix("/story/").removesuffix(".txt")
                if name in server.items:
                    return self.reply(200, scrape(name).encode(), None, "text/plain")
                return self.reply(404, b"not here", None)

            def reply(self, status, body, etag, kind="text/plain"):
                if self.path == "/feed.xml":
                    server.statuses.append(status)
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002
                pass

        return Handler


def test_watch_renders_a_feeds_new_item_and_polls_with_its_etag(tmp_path):
    feed = FeedServer(tmp_path)
    for name in SCRAPES[:3]:
        feed.add(name)
    out = tmp_path / "out"
    with serving(tmp_path, feed.handler()) as base:
        args = [f"{base}/feed.xml", "--out", str(out), "--allow-private", "--watch", "2"]
        batch = Batch(*args, "--workers", "1", "--json", *TINY)
        try:
            for _ in range(3):
                batch.wait_for(lambda line: ": rendered" in line)
            deadline = time.monotonic() + 20
            while 304 not in feed.statuses and time.monotonic() < deadline:
                time.sleep(0.5)
            assert 304 in feed.statuses  # an unchanged feed is not downloaded again
            feed.add(SCRAPES[3])
            line = batch.wait_for(lambda line: ": rendered" in line)
            batch.process.send_signal(signal.SIGTERM)
            batch.process.wait(timeout=60)
            stdout = batch.process.stdout.read()
        finally:
            batch.kill_session()
    assert batch.process.returncode == 0
    summary = json.loads(stdout)
    assert summary["stopped"] and summary["rendered"] == 4 and summary["failed"] == 0
    assert SCRAPES[3] in summary["stories"][-1]["source"] and "rendered" in line
    assert len(versions(out)) == 4
    assert os.path.isfile(out / "index.html")


def test_a_worker_killed_mid_story_is_replaced_and_the_story_retried(tmp_path):
    articles, out = tmp_path / "in", tmp_path / "out"
    articles.mkdir()
    for name in SCRAPES[:2]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    batch = Batch(str(articles), "--out", str(out), "--workers", "1", "--json", *TINY)
    try:
        line = batch.wait_for(lambda line: "narrating" in line and "[worker " in line)
        worker = int(line.rsplit("[worker ", 1)[1].rstrip("]"))
        os.kill(worker, signal.SIGKILL)
        batch.process.wait(timeout=600)
        summary = json.loads(batch.process.stdout.read())
    finally:
        batch.kill_session()
    assert batch.process.returncode == 0, "\n".join(batch.seen[-20:])
    assert summary["rendered"] == 2
    assert worker not in {w["pid"] for w in summary["workers"]}  # its replacement did the work
    assert list(versions(out).values()) == [[1], [1]]


def test_local_workers_share_the_cores_unless_threads_are_set():
    from news60.batch import ClusterSpec, shared_cores
    from news60.settings import VideoSettings

    cores = len(os.sched_getaffinity(0))
    assert shared_cores(VideoSettings(), ClusterSpec(workers=2)).threads == max(1, cores // 2)
    assert shared_cores(VideoSettings(), ClusterSpec(workers=1)).threads == cores
    assert shared_cores(VideoSettings(threads=3), ClusterSpec(workers=2)).threads == 3
    remote = ClusterSpec(address="tcp://127.0.0.1:8786")
    assert shared_cores(VideoSettings(), remote).threads is None


def test_watch_keeps_watching_through_a_feed_outage(tmp_path):
    """The feed is down for its first three polls: each failure is reported and polled again
    after a growing wait; the story is made when the feed is back; only SIGTERM ends the watch."""
    feed = FeedServer(tmp_path, down=3)
    feed.add(SCRAPES[1])
    out = tmp_path / "out"
    with serving(tmp_path, feed.handler()) as base:
        args = [f"{base}/feed.xml", "--out", str(out), "--allow-private", "--watch", "1"]
        batch = Batch(*args, "--workers", "1", "--json", *TINY)
        try:
            failed = [batch.wait_for(lambda line: "poll failed" in line) for _ in range(3)]
            batch.wait_for(lambda line: ": rendered" in line)
            batch.process.send_signal(signal.SIGTERM)
            batch.process.wait(timeout=60)
            stdout = batch.process.stdout.read()
        finally:
            batch.kill_session()
    assert batch.process.returncode == 0, "\n".join(batch.seen[-20:])
    assert all("HTTP 503" in line for line in failed)
    waits = [float(line.rsplit("polling again in ", 1)[1].split(" s")[0]) for line in failed]
    assert waits == [1, 2, 4]
    summary = json.loads(stdout)
    assert summary["stopped"] and summary["rendered"] == 1 and summary["failed"] == 0
    assert "Traceback" not in "\n".join(batch.seen)


def test_a_stop_whose_exception_was_swallowed_still_ends_the_watch_after_the_poll():
    """SIGTERM's handler sets the stop as well as raising: when the exception lands inside a
    library's cleanup (a Dask future's __del__) and is swallowed, the watch still ends, at once
    rather than after its interval, and only after the poll under way is done."""
    import threading

    from news60.batch import watch_sources

    stop = threading.Event()
    polls: list[float] = []

    def poll() -> None:
        polls.append(time.monotonic())
        stop.set()  # what the handler did before its exception was lost

    started = time.monotonic()
    assert watch_sources(poll, 600, lambda stage: None, stop) is True
    assert len(polls) == 1 and time.monotonic() - started < 60


def test_the_wait_after_failed_polls_doubles_up_to_its_cap_however_long_the_outage():
    from news60.batch import MAX_RETRY_WAIT, retry_wait

    assert [retry_wait(1, n) for n in (1, 2, 3)] == [1, 2, 4]
    assert retry_wait(1, 5000) == MAX_RETRY_WAIT  # a night of failures: no overflow
    assert retry_wait(MAX_RETRY_WAIT * 2, 3) == MAX_RETRY_WAIT * 2  # a longer interval holds
