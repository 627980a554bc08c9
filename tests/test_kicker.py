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


# Short stories written for a rule each: (what the case is, headline, body, kicker).
WRITTEN = [
    (
        "an acronym the headline uses",
        "NHS waits hit a record",
        "The NHS said waiting lists grew. Patients wait longer, the NHS figures show.",
        "NHS",
    ),
    (
        "the name headline and body share most",
        "Talks in Helsinki run late",
        "Officials in Helsinki met on Monday. The talks in Helsinki ran late, said Anna "
        "Virtanen. Virtanen later left.",
        "Helsinki",
    ),
    (
        "a place the story repeats whole stays whole",
        "Attack stokes instability fears in North Africa",
        "Gunmen attacked a museum in Tunis on Wednesday. "
        "Governments across North Africa fear more attacks, officials said.",
        "North Africa",
    ),
    (
        "a coded event the lead names beats the people in the headline",
        "Trump and Xi agree a truce",
        "Leaders met at the G20 summit in Osaka. The G20 meeting ended without a statement.",
        "G20",
    ),
    (
        "a title-case headline gives no verb",
        "Student Dies After Diet Pills She Bought Online",
        "Student Dies After Diet Pills She Bought Online\n"
        "A student died after taking diet pills, her mother said. The pills contained DNP. "
        "DNP is sold online as a slimming aid. Doctors warn DNP is toxic.",
        "DNP",
    ),
    (
        "credits and shouted lead-ins are not topics",
        "Trump meets allies",
        "US PRESIDENT DONALD Trump met allies. © AFP. More from AFP. Trump spoke to the press.",
        "Trump",
    ),
    ("no shared name gives no kicker", "Seven secrets of hotels", "They never tell you this.", ""),
]


@pytest.mark.parametrize(
    ("case", "headline", "body", "kicker"), WRITTEN, ids=[w[0] for w in WRITTEN]
)
def test_written_cases(case, headline, body, kicker):
    assert topic_kicker(headline, body) == kicker, case
