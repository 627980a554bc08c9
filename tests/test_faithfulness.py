import json
from pathlib import Path

import pytest

from news60.models import Article
from news60.script.faithfulness import unsupported_terms
from news60.script.summarisers import get_summariser
from news60.settings import ScriptSettings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SAMPLE = DATA / "summaries" / "cnndm_train_sample100.jsonl"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="shared CNN/DM sample not present")


def _articles() -> list[Article]:
    items = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line]
    return [Article(title="", paragraphs=(item["article"],)) for item in items]


@pytest.fixture(scope="module")
def fargo() -> Article:
    return next(a for a in _articles() if "Fargo Catholic Diocese" in a.text)


def test_a_faithful_paraphrase_passes(fargo):
    script = (
        "Bishop John Folda of the Fargo Catholic Diocese has hepatitis A. "
        "The state Health Department says anyone who took communion at five churches in "
        "Fargo, Grand Forks and Jamestown may have been exposed. "
        "Officials say the risk is low. He caught it from contaminated food in Italy."
    )
    assert unsupported_terms(script, fargo) == []


def test_an_invented_number_is_reported(fargo):
    script = "Bishop John Folda exposed 3,000 church members in Fargo to hepatitis A."
    assert unsupported_terms(script, fargo) == ["3,000"]


def test_an_invented_name_is_reported(fargo):
    script = "Bishop John Folda caught hepatitis A in Spain, says Governor Smith."
    assert set(unsupported_terms(script, fargo)) == {"Spain", "Governor", "Smith"}


def test_an_invented_quote_is_reported(fargo):
    script = 'Molly Howell said "everyone should panic right now" about the virus.'
    assert "everyone should panic right now" in unsupported_terms(script, fargo)


def test_number_formats_case_possessives_and_plurals_are_allowed():
    article = Article(
        title="Budget",
        paragraphs=(
            "The council spent 1000 pounds, or 25 per cent of its budget, on six schools.",
        ),
    )
    script = "The Council's schools got one thousand pounds: 25% of the budget, for 6 schools."
    assert unsupported_terms(script, article) == []


def test_gibberish_is_reported_even_without_names_or_numbers(fargo):
    assert unsupported_terms("blorp the wuzzle frandicated its glimmerous snarks", fargo)


def test_extractive_scripts_of_every_sample_article_are_faithful():
    summariser = get_summariser("extractive", ScriptSettings())
    for article in _articles():
        picks = summariser.summarise(article, None, 3)
        script = " ".join(p.text for p in picks)
        assert unsupported_terms(script, article) == [], script


@pytest.mark.slow
def test_extractive_scripts_of_every_scrape_and_html_page_are_faithful():
    from news60.article import read_article
    from news60.settings import ArticleSettings

    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    pages = sorted(data.glob("scrapes/*/scrape.txt")) + sorted(data.glob("html/*/page.html"))
    assert len(pages) > 50
    summariser = get_summariser("extractive", ScriptSettings())
    failures = {}
    for page in pages:
        article = read_article(str(page), ArticleSettings())
        script = " ".join(p.text for p in summariser.summarise(article, 150, None))
        if terms := unsupported_terms(script, article):
            failures[page.parent.name] = terms
    assert failures == {}


def test_an_editors_brackets_count_as_the_words_they_hold():
    # AP scrape: Pompeo said the release "give[s] us hope ..."; said as "gives", it is his quote.
    article = Article(
        title="Hostages freed",
        paragraphs=("Pompeo said the release “give[s] us hope for the success of the talks.”",),
    )
    script = "Pompeo said the release “gives us hope for the success of the talks.”"
    assert unsupported_terms(script, article) == []
