"""The producer's whole loop in headless Chromium, against `news60 desk` (uvicorn on 127.0.0.1) over
a real batch of dev stories, publishing to the loopback YouTube fake: a failed story with its
reason, a clip that plays, one sentence fixed and rendered as v2, two reviewers approving at once,
the post previewed, sent once, its link shown, and a second click that posts nothing.

With NEWS60_DESK_SCREENSHOTS=docs/desk the pages are also saved there, at desktop and phone width."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from batchkit import SCRAPES, TINY, run_batch, scrape
from conftest import CHROMIUM, CHROMIUM_ARGS, ffprobe
from deskkit import running_desk
from fake_youtube import FakeYouTube, token_file
from publishing import write_config

from news60.publish.credentials import import_youtube_token
from news60.reviews import story_reviews
from news60.settings import load_settings

pytestmark = pytest.mark.slow

BROKEN = "Council meeting moved to Tuesday.\n"  # too few words to be a story
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
RENDER_SECONDS = 300_000  # a tiny render on a shared machine, in ms
# A player's source and duration once its metadata is loaded (readyState 1 or more).
METADATA = """v => new Promise(done => {
  const ready = () => done([v.getAttribute("src"), v.duration]);
  v.readyState >= 1 ? ready() : v.addEventListener("loadedmetadata", ready);
})"""


@pytest.fixture(scope="module")
def youtube():
    server = FakeYouTube()
    yield server
    server.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory, youtube):
    """A batch of two dev stories and one broken article (tiny clips), and the desk over it,
    publishing to the fake YouTube with an imported sign-in."""
    root = tmp_path_factory.mktemp("desk-loop")
    articles = root / "in"
    articles.mkdir()
    for name in SCRAPES[:2]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    (articles / "broken.txt").write_text(BROKEN, encoding="utf-8")
    out = root / "out"
    code, summary, stderr = run_batch(str(articles), "--out", str(out), "--workers", "1", *TINY)
    assert code == 1 and summary["rendered"] == 2 and summary["failed"] == 1, stderr
    section = {"root_url": f"{youtube.url}/", "token_uri": f"{youtube.url}/token"}
    config = write_config(root, "youtube", section)
    with config.open("a") as toml:
        toml.write("[script]\nseconds = 20.0\n")  # as the batch made them: a fix changes only text
    (root / "token.json").write_text(json.dumps(token_file(youtube)))
    import_youtube_token(load_settings(config).publish, root / "token.json")
    with running_desk(out, config=config) as address:
        yield address.rstrip("/"), out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watched(browser, errors: list[str], viewport=DESKTOP):
    """A page in a fresh browser context whose console errors (CSP refusals too) are collected."""
    page = browser.new_context(viewport=viewport).new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page


def finished_job(page) -> str:
    """Wait on a job's page until it is done; its outcome line."""
    page.wait_for_url("**/jobs/*")
    page.wait_for_selector("#job[data-finished]", timeout=RENDER_SECONDS)
    assert page.get_attribute("#job", "data-finished") == "done", page.content()
    return page.inner_text("#job-result")


def shoot(page, name: str) -> None:
    folder = os.environ.get("NEWS60_DESK_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(Path(folder) / f"{name}-{label}.png"), full_page=label == "phone")
    page.set_viewport_size(DESKTOP)


def test_the_whole_loop_from_a_failed_story_to_one_post(desk, browser, youtube):
    base, out = desk
    errors: list[str] = []
    page = watched(browser, errors)

    page.goto(base)
    failed = page.locator(".row.s-failed")
    assert "broken.txt" in failed.inner_text()
    assert "no article text found" in failed.locator(".reason").inner_text()
    assert page.locator(".chip.s-failed b").inner_text() == "1"
    shoot(page, "day")

    page.locator(".row.s-review a.open").first.click()
    src, duration = page.locator("video").first.evaluate(METADATA)
    clip = out / src.removeprefix("/media/")
    assert abs(duration - float(ffprobe(clip)["format"]["duration"])) < 0.2
    story_url = page.url.split("?")[0]

    said = page.locator("textarea[name=text-1]").input_value()
    fixed = " ".join(said.split()[:14]).rstrip(",;:") + "."
    page.fill("textarea[name=text-1]", fixed)
    page.click("#render")
    assert finished_job(page) == "v2 rendered"
    page.click("#job-page")
    assert "v2" in page.inner_text(".story-head .facts")
    assert page.inner_text("#history .here .muted") == "correction: text changed"
    assert page.locator(".scene .said").first.inner_text() == fixed
    shoot(page, "story")

    ana, ben = page, watched(browser, errors)
    ana.goto(story_url)
    ben.goto(story_url)
    ana.fill("#reviewer", "Ana Editor")
    ben.fill("#reviewer", "Ben Desk")
    ana.click("button.approve", no_wait_after=True)
    ben.click("button.approve", no_wait_after=True)
    for reviewer in (ana, ben):
        reviewer.wait_for_load_state()
        reviewer.wait_for_selector("#status, .error")
    pages = [ana.content(), ben.content()]
    assert sum("while you were looking" in p for p in pages) == 1
    reviews = story_reviews(out / Path(story_url).name)
    (review,) = [r for r in reviews if r.version == 2]
    assert review.approved and review.by in ("Ana Editor", "Ben Desk")

    page.goto(story_url)
    assert page.inner_text("#status") == "Approved"
    page.click("#preview")
    sent = page.inner_text(".sent")
    assert "containsSyntheticMedia = true" in sent and "private" in sent
    assert page.locator("h1").inner_text() == "Publish v2 to youtube"
    preview_url = page.url
    page.click("#send")
    outcome = finished_job(page)
    assert outcome.startswith("posted to youtube: https://www.youtube.com/shorts/vid")
    page.click("#job-page")
    link = page.locator("a.post-link").first.get_attribute("href")
    assert outcome.endswith(link) and page.inner_text("#status") == "Published"

    page.goto(preview_url)
    page.click("#send")
    assert finished_job(page).startswith("already posted to youtube: " + link)
    (video,) = youtube.videos.values()
    assert video["bytes"] == (out / Path(story_url).name / "v2" / "clip.mp4").read_bytes()
    sessions = [1 for method, path, _ in youtube.log if method == "POST" and "videos" in path]
    assert len(sessions) == 1 and youtube.violations == []

    page.goto(base)
    assert page.locator(".row.s-published").count() == 1
    assert page.locator(".row.s-review").count() == 1
    conflict = "the server responded with a status of 409 (Conflict)"  # the second reviewer
    assert [e for e in errors if conflict not in e] == [] and len(errors) == 1


def test_a_bulletin_from_the_approved_stories(desk, browser):
    base, out = desk
    errors: list[str] = []
    page = watched(browser, errors)
    page.goto(base + "/?status=review")
    for story in page.locator(".row.s-review a.open").evaluate_all("a => a.map(l => l.href)"):
        page.goto(story)
        page.fill("#reviewer", "Ana Editor")
        page.click("button.approve")
        assert page.inner_text("#status") == "Approved"
    page.goto(base + "/bulletin")
    assert page.locator("input[name=story]").count() == 2  # approved (or published) stories
    page.fill("input[name=title]", "Evening briefing")
    page.fill("input[name=seconds]", "45")
    page.click("button.primary")
    assert finished_job(page).startswith("bulletin v1 made")
    page.click("#job-page")
    assert page.locator("h1 .tag").text_content() == "Bulletin"
    assert page.locator("#lineup li").count() >= 1
    page.goto(base)
    assert page.locator(".row .tag", has_text="Bulletin").count() == 1
    assert errors == []
