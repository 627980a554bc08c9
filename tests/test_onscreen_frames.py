"""Card text as a viewer reads it: frames of the seed and five dev-set clips, read back with OCR."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import SEED, SHARED_DATA
from test_editorial import DEV_SCRAPES
from test_frames import read_text, save

from news60 import pipeline
from news60.settings import load_settings
from news60.video.compositor import Compositor
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed"),
]
SOURCES = [SEED, *(SHARED_DATA / "scrapes" / d / "scrape.txt" for d in DEV_SCRAPES)]
CARDS = ("hook", "key", "quote", "figure")  # the kinds whose heading is the story's own words
# Words no headline-style line ends on: an article, a preposition, a conjunction or a pronoun.
DANGLING = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "for",
    "and",
    "or",
    "but",
    "with",
    "he",
    "she",
    "it",
}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shown(words: list[str], text: str) -> bool:
    """The words of a line appear in what OCR read: all run together (OCR may drop a space:
    "arescue") or most of them one by one (it may misread a word or two)."""
    seen = _words(text)
    if "".join(words) in "".join(seen):
        return True
    return sum(w in set(seen) for w in words) >= 0.7 * len(words)


def _names_speaker(slide) -> bool:
    """A quote card's strap names the speaker, or its line does ("…” impeachment, Trump said")."""
    return bool(slide.body) or bool(re.search(r"”.*\b(?:said|says|told|wrote)\b", slide.heading))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.parent.name)
def test_every_card_reads_as_a_whole_line_and_every_quote_card_names_its_speaker(source, tmp_path):
    settings, theme = load_settings(), load_theme()
    article = pipeline.read_source(str(source), settings)
    script, narration = pipeline.write_script(article, settings, theme, tmp_path)
    timeline = plan_timeline(
        script, narration, theme, size=(720, 1280), fps=30, audio=narration.wav
    )
    compositor = Compositor(timeline, theme)
    cards = [s for s in timeline.slides if s.kind in CARDS and s.heading]
    assert cards, "no card with a heading to read"
    for n, slide in enumerate(cards):
        heading = slide.heading.strip('“”"')
        assert "…" not in heading and not heading.startswith(("•", "-", ",")), heading
        assert _words(heading)[-1] not in DANGLING, heading
        at = min(slide.start + 1.0, (slide.start + slide.end) / 2)
        text = read_text(save(compositor.frame_at(at), f"{source.parent.name}-{n}-{slide.kind}"))
        assert "…" not in text and "..." not in text, text
        assert _shown(_words(heading)[:6], text), (heading, text)
        if slide.kind == "quote" or slide.heading.startswith("“"):
            assert _names_speaker(slide), f"quote card without its speaker: {slide.heading}"
            assert not slide.body or _shown(_words(slide.body), text), (slide.body, text)
