"""On-screen type: curly quotes, balanced breaks by measured width, long tokens, colour emoji."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from news60.video import emoji
from news60.video.linebreaks import balanced_lines, greedy_lines
from news60.video.theme import load_theme
from news60.video.typesetting import draw_text, family, fit_text, font
from news60.video.typography import cover_line, curly, hook_line, screen_text

HEADLINE = "Trump jokes to Putin: 'Don't meddle in the election, please'"


def face(size: int = 60):
    return font(family(load_theme(), "headline"), size)


def test_quotes_and_apostrophes_are_curly():
    assert curly('He said "don\'t" and left') == "He said “don’t” and left"
    assert curly("'Don't meddle', he said") == "‘Don’t meddle’, he said"
    assert curly("the 1990s' music, 'quoted'") == "the 1990s’ music, ‘quoted’"


def test_balanced_lines_are_even_where_greedy_ones_are_ragged():
    text = "Trump came face to face with Putin for the first time since the counsel found"
    measure, width = face().getlength, 700
    greedy = greedy_lines(text, measure, width)
    balanced = balanced_lines(text, measure, width, 4)
    assert len(balanced) == len(greedy) and " ".join(balanced) == text
    widths = [measure(line) for line in balanced]
    assert max(widths) <= width
    assert np.ptp(widths) < np.ptp([measure(line) for line in greedy])


def test_a_line_does_not_end_on_a_word_that_leans_on_the_next():
    measure = face().getlength
    lines = balanced_lines("Leaders gathered for the summit in the city of Osaka", measure, 620, 3)
    assert all(line.split()[-1] not in {"the", "of", "for", "in"} for line in lines[:-1])


def test_a_token_too_long_for_the_line_is_broken_inside_never_clipped():
    url = "https://www.example.com/news/2019/06/28/a-very-long-address-for-one-story.html"
    measure, width = face().getlength, 500
    lines = balanced_lines(f"Read {url} now", measure, width, 8)
    assert all(measure(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == f"Read{url}now"
    # ...after a slash or a hyphen where one is near.
    assert any(line.endswith(("/", "-", ".")) for line in lines[:-1])


def test_fit_text_shrinks_before_it_cuts():
    big, lines = fit_text(
        "Antidisestablishmentarianism", family(load_theme(), "headline"), 700, 1, 90, 40
    )
    assert big.size < 90 and lines == ["Antidisestablishmentarianism"]


def test_hook_and_cover_lines_are_short_and_stand_alone():
    assert hook_line(HEADLINE) == "Trump jokes to Putin"
    labelled = "Michigan Officials: 6th Fatality Linked To Eastern Equine Encephalitis Reported"
    assert hook_line(labelled) == "6th Fatality Linked To Eastern Equine Encephalitis"
    long = "The council has approved the new bridge across the river after a decade of delays"
    assert len(hook_line(long).split()) <= 7 and not hook_line(long).endswith((" the", " of"))
    assert 3 <= len(cover_line(long).split()) <= 6


def test_hook_and_cover_lines_end_where_a_phrase_ends_and_name_the_speaker():
    cut = "South Korean president’s impeachment fails after ruling party lawmakers walk out"
    assert hook_line(cut) == "South Korean president’s impeachment fails"  # not "after ruling"
    quoted = (
        "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest"
    )
    assert hook_line(quoted) == "Robert Mugabe and wife Grace"  # no quote cut open, no "he"
    # A quote alone never stands for the story: the line names who says it.
    said = "“We will rebuild,” mayor says after the fire destroyed the old town hall"
    assert hook_line(said) == cover_line(said) == "“We will rebuild,” mayor says"


@pytest.mark.skipif(emoji.emoji_font() is None, reason="fonts-noto-color-emoji is not installed")
def test_emoji_are_drawn_in_colour():
    image = Image.new("RGBA", (400, 120), (0, 0, 0, 0))
    draw_text(image, (10, 10), "Fire 🔥", face(70), (255, 255, 255, 255))
    pixels = np.asarray(image)
    right = pixels[:, 200:]
    inked = right[right[..., 3] > 200]
    assert len(inked) > 500
    # Orange and yellow flame, not white text or a box: red well above blue.
    assert (inked[:, 0].astype(int) - inked[:, 2]).mean() > 60
    text, dropped = screen_text("Fire 🔥 up")
    assert text == "Fire 🔥 up" and not dropped


def test_without_a_colour_emoji_font_emoji_are_taken_out(monkeypatch):
    monkeypatch.setattr(emoji, "emoji_font", lambda: None)
    monkeypatch.setattr("news60.video.typography.emoji_font", lambda: None)
    assert screen_text("Fire 🔥 up 👍🏽") == ("Fire up", True)
    assert screen_text("No emoji here © 2019") == ("No emoji here © 2019", False)


def test_emoji_left_out_of_slides_and_captions_are_noted(monkeypatch):
    from pathlib import Path

    from news60.models import Narration, Scene, Script, SpokenSentence
    from news60.speech.timing import apportion
    from news60.video.timeline import plan_timeline

    for where in ("news60.video.typography.emoji_font", "news60.video.timeline.emoji_font"):
        monkeypatch.setattr(where, lambda: None)
    text = "Fans cheered 🎉 as the team won."
    script = Script("Team wins 🏆 the cup", (Scene(text, "Fans cheer 🎉 the win"),))
    spoken = SpokenSentence(text, 0, 0.0, 3.0, apportion(text.split(), 0.0, 3.0))
    narration = Narration(Path("n.wav"), 3.0, (spoken,), "v", 22050)
    plan = plan_timeline(script, narration, load_theme(), size=(160, 284), fps=10, audio=Path("a"))
    shown = [s.heading for s in plan.slides] + [c.text for c in plan.cues]
    assert not any(emoji.EMOJI.search(text) for text in shown)
    assert "Fans cheer the win" in shown and any("emoji" in note for note in plan.notes)
