"""The edit loop round-trips: what `news60 script` writes, `news60 render` renders unchanged (the
speed the fitting chose is recorded in story.json); an over-long edit is told how many whole
words and seconds to cut, never "about 0 s"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batchkit import SCRAPES, scrape
from conftest import TINY, run_news60

from news60.errors import ScriptError
from news60.models import Narration, Scene, Script
from news60.pipeline import check_length
from news60.script.fitting import Limits

TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
SECONDS = ["--seconds", "20"]


def script_of(text: str) -> Script:
    return Script("T", (Scene(text, "T"),))


@pytest.mark.parametrize(
    ("duration", "words", "cut"),
    [
        (57.1, 150, "cut about 1 word (1 s)"),  # the 57.1 s against 57.0 s
        (63.0, 160, "cut about 16 words (6 s)"),
        (57.0001, 10, "cut about 1 word (1 s)"),
    ],
)
def test_an_over_long_narration_is_cut_in_whole_words_and_seconds(duration, words, cut):
    narration = Narration(Path("n.wav"), duration, (), "piper:x", 48000)
    with pytest.raises(ScriptError) as caught:
        check_length(narration, Limits(57.0, 53.0), script_of(" ".join(["word"] * words)))
    assert cut in str(caught.value) and "about 0" not in str(caught.value)


def test_a_narration_that_fits_passes():
    narration = Narration(Path("n.wav"), 57.0, (), "piper:x", 48000)
    check_length(narration, Limits(57.0, 53.0), script_of("Fine."))


@pytest.mark.slow
def test_script_then_render_untouched_renders_and_an_over_long_edit_says_what_to_cut(tmp_path):
    story = tmp_path / "story.json"
    article = tmp_path / "story.txt"
    article.write_text(scrape(SCRAPES[0]), encoding="utf-8")  # fitted to a 20 s clip
    written = run_news60("script", str(article), "-o", str(story), "--seconds", "20")
    assert written.returncode == 0, written.stderr
    data = json.loads(story.read_text())
    assert 1.0 <= data["rate"] <= 1.05  # the fitting's speed, recorded

    done = run_news60(
        "render", str(story), "--out", str(tmp_path / "out"), "--json", *TINY_FLAGS, *SECONDS
    )
    assert done.returncode == 0, done.stderr
    manifest = json.loads(done.stdout)
    rendered = json.loads(Path(manifest["files"]["script"]).read_text())
    assert [s["text"] for s in rendered["scenes"]] == [s["text"] for s in data["scenes"]]
    assert rendered["rate"] == data["rate"] and manifest["duration"] <= 20.0

    data["scenes"][-1]["text"] += " " + " ".join(
        ["The council will meet again next week to discuss the plans in more detail."] * 2
    )
    story.write_text(json.dumps(data))
    over = run_news60("render", str(story), "--out", str(tmp_path / "out"), *TINY_FLAGS, *SECONDS)
    assert over.returncode == 1
    line = over.stderr.strip().splitlines()[-1]
    assert line.startswith("Error! ") and "cut about" in line and " words (" in line, line
    assert "about 0" not in line
