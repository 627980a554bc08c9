"""Acceptance on the seed page: a news page copied as plain text, ads and comments included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from news60.article import article_to_json, read_article
from news60.settings import ArticleSettings

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-article.txt"


@pytest.fixture(scope="module")
def seed():
    return read_article(str(SEED), ArticleSettings())


def test_headline_and_standfirst_are_found(seed):
    assert seed.title == "Trump jokes to Putin: 'Don't meddle in the election, please'"
    assert seed.standfirst.startswith("Trump came face to face with Putin")


def test_body_runs_from_the_lead_to_the_fist_bump(seed):
    assert seed.paragraphs[0].startswith("US PRESIDENT DONALD Trump has hailed")
    assert seed.paragraphs[-1].endswith("the three leaders engaged in a group fist bump.")
    assert len(seed.paragraphs) == 16


def test_three_photos_with_normalised_credits_and_clean_captions(seed):
    assert [p.credit for p in seed.photos] == [
        "Susan Walsh via PA Images",
        "Mikhail Klimentyev via PA Images",
        "Adrian Wyld via PA Images",
    ]
    assert all(p.src is None for p in seed.photos)
    captions = [p.caption for p in seed.photos]
    assert captions[1] == "Trump gestures as Putin arrives for the talks during a bilateral meeting"
    assert captions[2] == "Leaders pose for a group photo at the G20 Summit in Osaka, Japan"
    assert not any("via PA" in c or c.startswith("Trump G20") for c in captions)


def test_reporting_credit_goes_to_credits(seed):
    assert seed.reporting.agencies == ("AFP",)
    assert not any("With reporting" in p for p in seed.paragraphs)


@pytest.mark.parametrize(
    "junk",
    [
        "Advertisement",
        "Readers like you",
        "Leave a Comment",
        "37 Comments",
        "JournalTv",
        "News in 60 seconds",
        "via PA",
        "comments policy",
        "Susan Walsh",
    ],
)
def test_no_page_furniture_anywhere_in_the_text(seed, junk):
    text = " ".join([seed.title, seed.standfirst, *seed.paragraphs])
    assert junk.lower() not in text.lower()
    assert junk.lower() not in " ".join(seed.reporting.names).lower()


def test_typographic_quotes_are_kept(seed):
    assert "“very, very good relationship”" in seed.paragraphs[0]
    assert "Don’t meddle" in seed.text


def test_json_round_trip(seed):
    data = json.loads(article_to_json(seed))
    assert data["title"] == seed.title
    assert data["photos"][0]["credit"] == "Susan Walsh via PA Images"
    assert data["text"] == seed.text
