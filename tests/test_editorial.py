"""Scripts an editor would air, fitted with the real voice: on-screen lines and hard inputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, SHARED_DATA

from news60 import pipeline
from news60.script.headings import repeats
from news60.script.summarisers.story import read_story
from news60.settings import load_settings
from news60.video.theme import load_theme

# The card drawer's reading of a heading as a quote card (video/cards.py).
QUOTE_CARD = re.compile(r"^[“\"](?P<quote>.+?)[”\"]\s*(?:[-–—]\s*(?P<speaker>.+))?$", re.S)
DEV_SCRAPES = ("04a6711caa7c6875", "06e5123e4ef7cfb4", "2c46804d9db4a85e", "7dfc3e359d7c0ca4",
               "c467d507551a836e")  # fmt: skip
BYLINE_FIRST = """By Gary Graves, USA TODAY

Louisville Head Coach Chris Mack, Athletic Director Vince Tyra and President Neeli Bendapudi \
announced on Tuesday that the men's basketball program would impose penalties on itself after an \
outside review found that a former assistant had broken recruiting rules, a move the school hopes \
will lessen any punishment from the NCAA when its investigation ends later this year.
"""


def test_a_byline_before_a_one_paragraph_article_is_scripted(tmp_path):
    source = tmp_path / "story.txt"
    source.write_text(BYLINE_FIRST)
    result = subprocess.run(
        [sys.executable, "-m", "news60", "script", str(source), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    script = json.loads(result.stdout)
    assert script["scenes"][0]["text"].startswith("Louisville Head Coach Chris Mack")


@pytest.mark.slow
@pytest.mark.parametrize(
    "source", [SEED, *(SHARED_DATA / "scrapes" / d / "scrape.txt" for d in DEV_SCRAPES)]
)
def test_every_on_screen_line_is_whole_and_quote_lines_name_the_speaker(source, tmp_path):
    settings = load_settings()
    article = pipeline.read_source(str(source), settings)
    theme = load_theme()
    script, narration = pipeline.write_script(article, settings, theme, tmp_path)
    clip = theme.lead_in + narration.duration + theme.end_card
    story = read_story(article)
    whole = sum(story.words(u) for u in story.usable)
    # 52-60 s, or shorter only when the article has no more to say
    assert clip <= 60 and (clip >= 52 or len(script.text.split()) >= 0.9 * whole)
    for scene in script.scenes:
        line = str(scene.caption)
        if not line:
            continue  # no heading: the sentence said whole is the captions' (script/headings.py)
        assert QUOTE_CARD.match(line) or not repeats(line, scene.text), (line, scene.text)
        assert "…" not in line and not line.startswith(("•", "-", ",")), line
        assert line.split()[-1].lower() not in {"the", "a", "of", "to", "and", "he", "she", "it"}
        card = QUOTE_CARD.match(line)
        assert card is None or card["speaker"], line
