"""A real `dask scheduler` and two `dask worker` processes on 127.0.0.1 render a small batch through
--cluster; the review page it leaves is checked in headless Chromium."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from batchkit import SCRAPES, TINY, gold, run_batch, scrape, serving
from conftest import CHROMIUM, CHROMIUM_ARGS, ffprobe

from news60.batch.localhost import local_scheduler

pytestmark = pytest.mark.slow

SCRIPT_TITLE = "Council vote <script>alert('x')</script> passes"


@pytest.fixture(scope="module")
def cluster_batch(tmp_path_factory):
    """Three stories (one titled with a <script> tag) rendered through the external scheduler."""
    root = tmp_path_factory.mktemp("cluster")
    articles = root / "client" / "in"
    articles.mkdir(parents=True)
    for name in SCRAPES[1:3]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    doc = {"title": SCRIPT_TITLE, "text": gold("35b158918c676ff2")["text"]}
    (articles / "council.json").write_text(json.dumps(doc), encoding="utf-8")
    out = root / "client" / "out"
    with local_scheduler(root / "cluster") as address:
        code, summary, stderr = run_batch(
            str(articles), "--out", str(out), "--cluster", address, *TINY
        )
    return code, summary, stderr, out, address


def test_an_external_scheduler_renders_and_the_files_land_in_the_clients_folder(cluster_batch):
    code, summary, stderr, out, address = cluster_batch
    assert code == 0, stderr
    assert summary["rendered"] == 3 and address in summary["cluster"]
    for story in summary["stories"]:
        folder = Path(story["folder"])
        assert folder.parent.parent == out
        manifest = json.loads((folder / "manifest.json").read_text())
        assert all((folder / name).is_file() for name in manifest["files"].values())
        assert (folder / "clip.mp4").stat().st_size > 0
    for worker in summary["workers"]:
        assert worker["pid"] != os.getpid() and worker["warmup_seconds"] is not None


def test_the_review_page_plays_every_clip_and_shows_titles_as_text(cluster_batch):
    from playwright.sync_api import sync_playwright

    out = cluster_batch[3]
    errors, dialogs = [], []
    with serving(out) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"{base}/index.html")
            page.wait_for_function(
                "[...document.querySelectorAll('video')].every(v => v.readyState >= 1)",
                timeout=30_000,
            )
            videos = page.eval_on_selector_all(
                "video", "vs => vs.map(v => [v.getAttribute('src'), v.duration])"
            )
            titles = page.locator("h2").all_text_contents()
        finally:
            browser.close()
    assert errors == [] and dialogs == []
    assert len(videos) == 3
    for src, duration in videos:
        expected = float(ffprobe(out / src)["format"]["duration"])
        assert abs(duration - expected) < 0.2
    assert SCRIPT_TITLE in titles  # shown as text, never run


def test_the_review_page_links_are_relative(cluster_batch):
    out = cluster_batch[3]
    page = (out / "index.html").read_text()
    links = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert links and all(link == "data:," or not re.match(r"^[a-z]+:|/", link) for link in links)
    assert str(out) not in page
    assert "&lt;script&gt;" in page and "<script>" not in page


def test_the_review_page_shows_where_each_rewritten_sentence_came_from(cluster_batch):
    page = (cluster_batch[3] / "index.html").read_text()
    traces = re.findall(r'<details class="trace"><summary>(.*?)</summary>(.*?)</details>', page)
    assert traces  # the broadcast writer rewrote some sentence of these stories
    for _said, trace in traces:
        assert "From the article:" in trace and "<blockquote>" in trace
        assert re.search(r"<li>(clutter|split|attribution|name|tense|trim|fallback): ", trace)
