"""A real `dask scheduler` and two `dask worker` processes on 127.0.0.1 render a small batch through
--cluster; the review page it leaves is checked in headless Chromium."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from batchkit import SCRAPES, TINY, gold, run_batch, scrape, serving
from conftest import ROOT, ffprobe

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCRIPT_TITLE = "Council vote <script>alert('x')</script> passes"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def dask_command(name: str) -> list[str]:
    """`dask scheduler` / `dask worker` from this environment."""
    return [str(Path(sys.executable).with_name("dask")), name]


@contextlib.contextmanager
def dask_cluster(workdir: Path):
    """A scheduler and two single-threaded workers, each in its own folder; stopped afterwards."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    config = str(ROOT / "assets" / "dask")  # what a worker machine gets (README, Dockerfile)
    env = os.environ | {"DASK_CONFIG": config}
    common = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    processes = [
        subprocess.Popen(
            dask_command("scheduler")
            + ["--host", "127.0.0.1", "--port", str(port)]
            + ["--no-dashboard"],
            cwd=_folder(workdir / "scheduler"),
            **common,
        )
    ]
    for index in range(2):
        processes.append(
            subprocess.Popen(
                dask_command("worker")
                + [address, "--nthreads", "1", "--host", "127.0.0.1"]
                + ["--no-dashboard", "--local-directory", str(_folder(workdir / f"w{index}"))],
                cwd=workdir / f"w{index}",
                **common,
            )
        )
    try:
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def cluster_batch(tmp_path_factory):
    """Three stories (one titled with a <script> tag) rendered through the external scheduler."""
    root = tmp_path_factory.mktemp("cluster")
    articles = _folder(root / "client" / "in")
    for name in SCRAPES[1:3]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    doc = {"title": SCRIPT_TITLE, "text": gold("35b158918c676ff2")["text"]}
    (articles / "council.json").write_text(json.dumps(doc), encoding="utf-8")
    out = root / "client" / "out"
    with dask_cluster(root / "cluster") as address:
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
        assert all(Path(p).parent == folder for p in manifest["files"].values())
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
