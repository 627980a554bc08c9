"""Screenshots of the desk for docs/desk: a small batch of the dev scrapes (one broken article among
them), two sign-offs, then the day and a story page in headless chromium at desktop and phone width.

Run from the repo root under the shared lock (it renders): .venv/bin/python scripts/desk_screenshots.py"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRAPES = ROOT.parent / "shared" / "data" / "scrapes"
STORIES = ["14cc2a0ca59c62a8", "5a822960e9a2cb1e", "7a457a4f71735c17", "921019755f4a96ac"]
DOCS = ROOT / "docs" / "desk"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="news60-desk-shots-") as work:
        out = batch(Path(work))
        sign_off(out)
        with desk(out) as address:
            shoot(address)
    print(f"screenshots in {DOCS}")


def batch(work: Path) -> Path:
    """The day: four dev stories and one article too short to tell, rendered small."""
    articles = work / "in"
    articles.mkdir()
    for name in STORIES:
        text = (SCRAPES / name / "scrape.txt").read_text(encoding="utf-8")
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
    (articles / "council-briefing.txt").write_text("Council meeting moved to Tuesday.\n")
    out = work / "out"
    size = ["--size", "360x640", "--fps", "10", "--seconds", "30"]
    news60("batch", str(articles), "--out", str(out), "--workers", "2", *size, check=False)
    return out


def sign_off(out: Path) -> None:
    """One story approved, one rejected with a note: what a desk looks like mid-afternoon."""
    from news60.reviews import record_review
    from news60.stories import load_story

    stories = sorted((p for p in out.iterdir() if (p / "manifest.json").is_file()), key=str)
    decisions = [("approved", "Ana Editor", ""), ("rejected", "Ben Desk", "Wrong photo up top")]
    for folder, (decision, by, note) in zip(stories, decisions, strict=False):
        number = load_story(folder).current.number
        record_review(folder, number, decision, by, note, seen=0)


class desk:
    """`news60 desk OUT` on a free port, for the length of a with block."""

    def __init__(self, out: Path):
        self.out = out

    def __enter__(self) -> str:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "news60", "desk", str(self.out), "--port", "0"],
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        return re.search(r"(http://\S+)", line).group(1).rstrip("/")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(30)


def shoot(address: str) -> None:
    from playwright.sync_api import sync_playwright

    DOCS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        page.goto(address)
        story = page.locator(".row.s-review a.open").first.get_attribute("href")
        for label, size in SIZES.items():
            page.set_viewport_size(size)
            page.goto(address)
            page.screenshot(path=str(DOCS / f"day-{label}.png"), full_page=label == "phone")
            page.goto(address + story)
            page.locator("video").first.evaluate(
                "v => new Promise(r => v.readyState >= 1 ? r() : v.onloadedmetadata = r)"
            )
            page.screenshot(path=str(DOCS / f"story-{label}.png"))
        browser.close()


def news60(*args: str, check: bool = True) -> None:
    subprocess.run([sys.executable, "-m", "news60", *args], check=check, cwd=ROOT)


if __name__ == "__main__":
    main()
