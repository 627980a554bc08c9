"""A scene's heading says what its captions do not: never the spoken sentence again (whole, its
start or most of its words), never a quote or headline that disagrees with what is said."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import SEED, SHARED_DATA

from news60.article import read_article
from news60.models import Article, QuoteCard
from news60.script.fitting import pick_script
from news60.script.headings import condensed, repeats, scene_heading
from news60.script.scenes import build_script
from news60.settings import load_settings

TITLE = "Trump jokes to Putin: 'Don't meddle in the election, please'"
DEV = [
    SHARED_DATA / "html" / "buzzfeed-1" / "page.html",
    SHARED_DATA / "scrapes" / "a1fca19b884e0e94" / "scrape.txt",
    SHARED_DATA / "html" / "nytimes-1" / "page.html",
    SHARED_DATA / "scrapes" / "ea25dd7edff4d279" / "scrape.txt",
    SHARED_DATA / "scrapes" / "c467d507551a836e" / "scrape.txt",
    SHARED_DATA / "html" / "wapo-1" / "page.html",
]


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower().replace("’", "'"))


def copies(heading: str, said: str) -> bool:
    """The heading is what is said, its start, or shares 80 % of the longer one's words."""
    shown, spoken = words(heading), words(said)
    shared = sum(min(shown.count(w), spoken.count(w)) for w in set(shown))
    prefix = spoken[: len(shown)] == shown
    return bool(shown) and (prefix or shared >= 0.8 * max(len(shown), len(spoken)))


@pytest.mark.parametrize("source", [SEED, *DEV], ids=lambda p: p.parent.name)
def test_no_heading_repeats_the_words_said_under_it(source):
    settings = load_settings()
    article = read_article(str(source), settings.article)
    script = pick_script(article, replace(settings.script, sentences=8))
    shown = [s.caption for s in script.scenes if s.caption]
    assert shown, "every scene lost its heading"
    for scene in script.scenes:
        # A quote card is the one heading meant to show words that are said, with who says them.
        if isinstance(scene.caption, QuoteCard):
            assert scene.caption.speaker, scene.caption
            continue
        assert not copies(scene.caption, scene.text), (scene.caption, scene.text)
        assert not scene.caption.startswith(("“", '"')), scene.caption  # no speakerless quote


def test_a_sentence_is_shown_in_headline_style_not_as_said():
    line = "Three cases of plague have been diagnosed in China"
    said = f"{line}, sparking widespread fears about the spread of the disease."
    heading = scene_heading(line, said, "Plague in China", first=False)
    assert heading == "Three cases of plague diagnosed in China"
    assert condensed("The men were flown out of the region") == "Men flown out of the region"
    assert condensed("Eloise Parry, 21, was taken to hospital") == "Eloise Parry taken to hospital"
    assert condensed("US President Donald Trump has hailed it") == "Donald Trump hailed it"
    # A pronoun keeps its auxiliary: "They diagnosed" would read as the active voice.
    assert condensed("They were diagnosed with plague") == "They were diagnosed with plague"


def test_a_short_sentence_said_whole_gets_no_heading_after_the_first_scene():
    said = "On Friday, the Obama administration will announce a new Sudan strategy."
    line = "On Friday, the Obama administration will announce a new Sudan strategy"
    assert scene_heading(line, said, "United States to Lift Sudan Sanctions", first=False) == ""
    first = scene_heading(line, said, "United States to Lift Sudan Sanctions", first=True)
    assert first == "United States to Lift Sudan Sanctions"


def test_the_headline_never_stands_over_a_different_quote():
    said = "“What I say to him is none of your business.”"
    assert (
        scene_heading("What I say to him is none of your business", said, TITLE, first=True) == ""
    )


def test_a_quote_card_keeps_the_quote_with_its_speaker():
    line = QuoteCard("Don’t meddle in the election, please.", "Trump")
    said = "Trump dryly said: “Don’t meddle in the election, please.”"
    assert scene_heading(line, said, TITLE, first=False) == line


def test_copies_are_the_same_words_their_start_or_most_of_them():
    said = "Trump came face to face with Putin for the first time since the report."
    assert repeats("Trump came face to face with Putin", said)
    assert repeats("Trump came face to face with Putin for the first time since the rep", said)
    assert not repeats("Putin and Trump meet", said)


def test_a_speakerless_quote_after_a_quote_is_headed_by_its_speaker_not_the_headline():
    article = Article(TITLE, ("x",))
    said = [
        ("“I’ll have a very good conversation with him,” Trump told reporters.", 10),
        ("“What I say to him is none of your business.”", 11),
    ]
    script = build_script(article, said, "extractive")
    assert script.scenes[1].caption == QuoteCard(
        "What I say to him is none of your business.", "Trump"
    )
