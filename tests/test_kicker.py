"""The topic kicker names what a story is about in a word or two, never a generic label."""

from conftest import SEED

from news60.article import read_article
from news60.script.kicker import topic_kicker
from news60.settings import load_settings


def test_the_seed_is_a_g20_story():
    article = read_article(str(SEED), load_settings().article)
    assert topic_kicker(article.title, article.text) == "G20"


def test_an_acronym_the_headline_uses_names_the_topic():
    body = "The NHS said waiting lists grew. Patients wait longer, the NHS figures show."
    assert topic_kicker("NHS waits hit a record", body) == "NHS"


def test_without_acronyms_the_name_headline_and_body_share_most():
    body = (
        "Officials in Helsinki met on Monday. The talks in Helsinki ran late, said Anna Virtanen. "
        "Virtanen later left."
    )
    assert topic_kicker("Talks in Helsinki run late", body) == "Helsinki"


def test_credits_and_shouted_lead_ins_are_not_topics():
    body = "US PRESIDENT DONALD Trump met allies. © AFP. More from AFP. Trump spoke to the press."
    assert topic_kicker("Trump meets allies", body) == "Trump"


def test_no_shared_name_gives_no_kicker():
    assert topic_kicker("Seven secrets of hotels", "They never tell you this.") == ""
