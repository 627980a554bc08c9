"""The topic kicker names what a story is about in a word or a short name: a topic noun, never a
verb phrase ("Student Dies") or a generic word ("Officials"). Single clips and bulletins share it."""

import re

import pytest
from conftest import SEED, SHARED_DATA

from news60.article import read_article
from news60.script.kicker import topic_kicker
from news60.settings import load_settings

# Real pages and what a news desk would put in the kicker pill; the comment says what was shown before.
REAL = [
    ("html/buzzfeed-1/page.html", "DNP"),  # the bulletin showed "Student Dies", clips "Dies"
    ("scrapes/ea25dd7edff4d279/scrape.txt", "China"),  # "Officials": the headline names no one
    ("scrapes/c467d507551a836e/scrape.txt", "Michigan"),  # clips showed "Encephalitis"
    ("scrapes/1ee91d1fce65e09b/scrape.txt", "Syria"),  # "Syrian", an adjective
    ("html/schema-org-context-object/page.html", "South Korea"),  # the bulletin showed "South"
    ("scrapes/7dfc3e359d7c0ca4/scrape.txt", "Van Der Beek"),  # "Beek" and "Van"
    ("scrapes/358cc4a080456476/scrape.txt", "Kepa Arrizabalaga"),  # "NEWS" of "BREAKING NEWS"
    ("scrapes/a1fca19b884e0e94/scrape.txt", "Taliban"),
    ("html/nytimes-1/page.html", "Sudan"),
]
PAGES = sorted(SHARED_DATA.glob("scrapes/*/scrape.txt")) + sorted(
    SHARED_DATA.glob("html/*/page.html")
)
# Words that open a headline or a clause; a kicker never starts with one.
FUNCTION_WORDS = {"the", "a", "an", "how", "why", "what", "this", "officials", "seven"}


def kicker_of(path) -> tuple[str, str]:
    article = read_article(str(path), load_settings().article)
    text = "\n".join([article.text, *(p.caption for p in article.photos)])
    return topic_kicker(article.title, article.text, [p.caption for p in article.photos]), text


def test_the_seed_is_a_g20_story():
    assert kicker_of(SEED)[0] == "G20"


@pytest.mark.parametrize(("page", "kicker"), REAL)
def test_real_articles_get_the_topic_a_news_desk_would_show(page, kicker):
    assert kicker_of(SHARED_DATA / page)[0] == kicker


def test_no_dev_page_gets_a_verb_or_a_common_word_as_its_kicker():
    for path in PAGES:
        kicker, text = kicker_of(path)
        if not kicker:
            continue
        words = kicker.split()
        lower = set(re.findall(r"\b[a-z][\w’'-]*", text))
        assert len(words) <= 3, (path, kicker)
        assert words[0].lower() not in FUNCTION_WORDS, (path, kicker)
        # The last word is a name: the story never uses it, or a form of it, in lower case.
        forms = {words[-1].lower(), words[-1].lower().rstrip("s"), words[-1].lower() + "s"}
        assert not forms & lower, (path, kicker)


def test_an_acronym_the_headline_uses_names_the_topic():
    body = "The NHS said waiting lists grew. Patients wait longer, the NHS figures show."
    assert topic_kicker("NHS waits hit a record", body) == "NHS"


def test_without_acronyms_the_name_headline_and_body_share_most():
    body = (
        "Officials in Helsinki met on Monday. The talks in Helsinki ran late, said Anna Virtanen. "
        "Virtanen later left."
    )
    assert topic_kicker("Talks in Helsinki run late", body) == "Helsinki"


def test_a_place_the_story_repeats_whole_stays_whole():
    body = (
        "Gunmen attacked a museum in Tunis on Wednesday. "
        "Governments across North Africa fear more attacks, officials said."
    )
    assert topic_kicker("Attack stokes instability fears in North Africa", body) == "North Africa"


def test_a_coded_event_the_lead_names_beats_the_people_in_the_headline():
    body = "Leaders met at the G20 summit in Osaka. The G20 meeting ended without a statement."
    assert topic_kicker("Trump and Xi agree a truce", body) == "G20"


def test_a_title_case_headline_gives_no_verb_kicker():
    body = (
        "Student Dies After Diet Pills She Bought Online\n"
        "A student died after taking diet pills, her mother said. The pills contained DNP. "
        "DNP is sold online as a slimming aid. Doctors warn DNP is toxic."
    )
    assert topic_kicker("Student Dies After Diet Pills She Bought Online", body) == "DNP"


def test_credits_and_shouted_lead_ins_are_not_topics():
    body = "US PRESIDENT DONALD Trump met allies. © AFP. More from AFP. Trump spoke to the press."
    assert topic_kicker("Trump meets allies", body) == "Trump"


def test_no_shared_name_gives_no_kicker():
    assert topic_kicker("Seven secrets of hotels", "They never tell you this.") == ""
