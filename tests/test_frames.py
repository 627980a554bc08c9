"""Frames of the seed clip at full size, saved as PNGs and read back with OCR as a viewer would."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, SEED
from PIL import Image

from news60 import pipeline
from news60.settings import load_settings
from news60.video.compositor import Compositor
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline

pytestmark = pytest.mark.slow
FRAMES = ROOT / "output" / "test-frames"  # kept for a person to look at; output/ is git-ignored


def read_text(path: Path, box: tuple[int, int, int, int] | None = None) -> str:
    """What tesseract reads in the image (or in `box` of it: small labels read better alone)."""
    if box is not None:
        crop = path.with_name(f"{path.stem}-crop.png")
        Image.open(path).crop(box).save(crop)
        path = crop
    mode = "6" if box else "3"
    result = subprocess.run(
        ["tesseract", str(path), "-", "--psm", mode], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


# Small capitals: tesseract may read the I of "AI" as an l or a 1.
DISCLOSURE = re.compile(r"A[Il1|] VOICE")


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    settings = load_settings()
    article = pipeline.read_source(str(SEED), settings)
    theme = load_theme()
    script, narration = pipeline.write_script(
        article, settings, theme, tmp_path_factory.mktemp("work")
    )
    timeline = plan_timeline(
        script, narration, theme, size=(1080, 1920), fps=30, audio=narration.wav
    )
    return timeline, theme, Compositor(timeline, theme)


def save(frame: np.ndarray, name: str) -> Path:
    FRAMES.mkdir(parents=True, exist_ok=True)
    path = FRAMES / f"{name}.png"
    Image.fromarray(frame).save(path)
    return path


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_hook_and_end_card_read_as_quote_topic_credits_and_disclosure(frames):
    timeline, _, compositor = frames
    path = save(compositor.frame_at(1.0), "hook")
    hook = read_text(path)
    # The story in words, never the quote a later scene shows. Small capitals in a pill: OCR may
    # read the G of G20 as a 6.
    assert "Trump jokes to Putin" in hook and re.search(r"[G6]20", hook)
    assert "meddle" not in hook
    assert DISCLOSURE.search(read_text(path, (540, 190, 1080, 330)))
    path = save(compositor.frame_at(timeline.duration - 0.1), "end-card")
    end = read_text(path)
    assert "AFP" in end, end
    # The seed names its photographers but has no photo files: the card credits only what is shown.
    for name in ("Susan Walsh", "Mikhail Klimentyev", "Adrian Wyld"):
        assert name not in end, end
    assert DISCLOSURE.search(read_text(path, (200, 1100, 880, 1500)))


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_a_key_card_shows_its_line_and_the_spoken_words(frames):
    timeline, theme, compositor = frames
    slide = next(s for s in timeline.slides if s.kind == "key" and s.heading)
    at = slide.start + 1.2
    cue = next(c for c in timeline.cues if c.start <= at < c.end)
    text = read_text(save(compositor.frame_at(at), "key"))
    assert " ".join(slide.heading.split()[:3]) in text
    assert cue.text.split()[0].strip("“”,.") in text


def test_the_pill_moves_with_the_spoken_word(frames):
    timeline, theme, compositor = frames
    cue = next(c for c in timeline.cues if len(c.words) >= 4 and c.start > 3 and c.shown)
    first, second = cue.words[0], cue.words[1]
    before = compositor.frame_at(first.start + 0.01)
    after = compositor.frame_at(second.start + 0.01)
    save(before, "caption-word-1")
    save(after, "caption-word-2")
    pill = np.array(theme.colors["pill"][:3])

    def lit(frame: np.ndarray) -> np.ndarray:
        mask = np.all(np.abs(frame.astype(int) - pill) < 30, axis=-1)
        return np.argwhere(mask)

    lit_before, lit_after = lit(before), lit(after)
    assert len(lit_before) > 1000 and len(lit_after) > 1000
    # The second word sits to the right of (or below) the first one.
    assert (lit_after[:, 1].mean() > lit_before[:, 1].mean()) or (
        lit_after[:, 0].mean() > lit_before[:, 0].mean()
    )
