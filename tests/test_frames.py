"""Frames of the seed clip at full size, saved as PNGs and read back with OCR as a viewer would."""

from __future__ import annotations

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


def read_text(path: Path) -> str:
    result = subprocess.run(
        ["tesseract", str(path), "-", "--psm", "3"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


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
def test_title_and_end_cards_read_as_headline_and_credits(frames):
    timeline, _, compositor = frames
    title = read_text(save(compositor.frame_at(0.2), "title"))
    assert "Trump jokes to Putin" in title and "meddle in the election" in title
    end = read_text(save(compositor.frame_at(timeline.duration - 0.1), "end-card"))
    assert "AFP" in end, end
    # The seed names its photographers but has no photo files: the card credits only what is shown.
    for name in ("Susan Walsh", "Mikhail Klimentyev", "Adrian Wyld"):
        assert name not in end, end


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_a_scene_slide_shows_its_caption_and_the_spoken_words(frames):
    timeline, theme, compositor = frames
    slide = timeline.slides[2]
    cue = next(c for c in timeline.cues if c.start >= slide.start + theme.crossfade)
    text = read_text(save(compositor.frame_at(cue.words[0].start + 0.01), "scene"))
    assert slide.heading.split()[0].strip("“”") in text
    assert cue.words[0].text.strip("“”,.") in text


def test_the_highlight_moves_with_the_spoken_word(frames):
    timeline, theme, compositor = frames
    cue = next(c for c in timeline.cues if len(c.words) >= 4)
    first, second = cue.words[0], cue.words[1]
    before = compositor.frame_at(first.start + 0.01)
    after = compositor.frame_at(second.start + 0.01)
    save(before, "caption-word-1")
    save(after, "caption-word-2")
    highlight = np.array(theme.colors["highlight"][:3])

    def lit(frame: np.ndarray) -> np.ndarray:
        mask = np.all(np.abs(frame.astype(int) - highlight) < 30, axis=-1)
        return np.argwhere(mask)

    lit_before, lit_after = lit(before), lit(after)
    assert len(lit_before) > 100 and len(lit_after) > 100
    # The second word sits to the right of (or below) the first one.
    assert (lit_after[:, 1].mean() > lit_before[:, 1].mean()) or (
        lit_after[:, 0].mean() > lit_before[:, 0].mean()
    )
