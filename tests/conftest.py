"""Shared test helpers: the seed article, tiny render settings, the publish clip, and ffprobe."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests run the same examples on every machine and every run (a fixed seed, no example
# database): CI stays reproducible and bounded; each test sets its own number of examples.
hypothesis_settings.register_profile("news60", derandomize=True, database=None)
hypothesis_settings.load_profile("news60")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed-article.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"
TINY = {"width": 160, "height": 284, "fps": 10}
CHROMIUM = "/usr/bin/chromium"  # Debian's, which scripts/setup installs (Playwright downloads none)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def run_news60(
    *args: str, cwd: Path = ROOT, timeout: float = 900, **kwargs
) -> subprocess.CompletedProcess:
    """The CLI in a fresh process (`env`, `input` ... pass through); no run without --debug may
    ever print a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "news60", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        **kwargs,
    )
    if "--debug" not in args:
        assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    """The publish tests' clip: a real MP4 over 10 MiB, so every platform sends several chunks."""
    from story_folder import render_clip

    path = render_clip(tmp_path_factory.mktemp("clip") / "clip.mp4")
    assert (
        path.stat().st_size > 10 * 1024 * 1024
    )  # TikTok: two chunks of 5 MiB, the rest in the second
    return path


def ffprobe(path: Path) -> dict:
    """ffprobe's view of a media file: streams and format, as JSON."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def stream(info: dict, kind: str) -> dict:
    return next(s for s in info["streams"] if s["codec_type"] == kind)


def moov_before_mdat(path: Path) -> bool:
    """Fast start: the index (moov) comes before the media data (mdat) in the MP4 file."""
    data = path.read_bytes()
    return 0 <= data.find(b"moov") < data.find(b"mdat")


def ebur128(path: Path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg's ebur128 filter measures them."""
    cmd = ["ffmpeg", "-nostats", "-i", str(path), "-af", "ebur128=peak=true", "-f", "null", "-"]
    report = subprocess.run(cmd, capture_output=True, text=True, check=True).stderr
    summary = report.split("Summary:")[-1]
    lufs = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return lufs, peak
