"""What a page says about its story besides the text, read from real dev pages: its dates, its kind
(news, opinion, review ...), its own byline (not a related story's), partner and syndication
credits, and the JSON-LD articleBody when the visible text holds none."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED_DATA

from news60.article import read_article
from news60.article.html import parse_html
from news60.article.kinds import declared_kind, labelled_kind, titled_kind
from news60.article.metadata import url_date
from news60.article.reporting import read_partner_credit
from news60.settings import ArticleSettings

HTML = SHARED_DATA / "html"
SCRAPES = SHARED_DATA / "scrapes"


def page(name: str):
    return read_article(str(HTML / name / "page.html"), ArticleSettings())


def scrape(name: str):
    return read_article(str(SCRAPES / name / "scrape.txt"), ArticleSettings())


@pytest.mark.parametrize(
    ("name", "published", "modified"),
    [
        ("bug-1255978", "2015-09-17", "2016-05-08"),  # article:published_time, not datepublished
        ("guardian-1", "2019-01-03", "2019-01-16"),  # JSON-LD inside <![CDATA[ ]]>
        ("nytimes-3", "2019-02-21", "2019-02-22"),  # NYT's article:published / article:modified
        ("salon-1", "2015-02-01", None),  # no date tag: the address /2015/02/01/
    ],
)
def test_the_page_dates_its_story(name, published, modified):
    article = page(name)
    assert (article.published, article.modified) == (published, modified)


def test_a_date_in_the_address():
    assert url_date("https://www.nytimes.com/2019/11/19/opinion/x.html") == "2019-11-19"
    assert url_date("https://www.latimes.com/story/2019-11-19/disney") == "2019-11-19"
    assert url_date("https://example.org/2019/13/45/x") is None
    assert url_date("https://www.bbc.com/news/world-us-canada-33646704") is None


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("herald-sun-1", "opinion"),  # og:url /news/opinion/
        ("engadget", "review"),  # JSON-LD Review beside the Article, articleSection "Reviews"
        ("nytimes-1", "news"),
        ("guardian-1", "news"),
        ("theverge", "news"),
    ],
)
def test_the_kind_a_page_declares(name, kind):
    assert page(name).kind == kind


@pytest.mark.parametrize(
    ("name", "kind", "title"),
    [
        # "Opinion | ..." in the page title, "Opinion Columnist" under the byline
        ("04a6711caa7c6875", "opinion", "Republicans Are Following Trump to Nowhere"),
        ("1f765c48780665e8", "opinion", "Royal Self-Indicting Arrogance"),  # "Columnists" label
        ("e4c6a3b482403a8f", "news", None),  # "Opinion" only in the site's menu: nothing to go on
        ("aadb38e527d53793", "news", None),  # "ADVERTORIAL" labels a teaser in a related box
        ("2c46804d9db4a85e", "news", None),  # "Live" is a menu item
        ("c467d507551a836e", "news", None),
    ],
)
def test_the_kind_a_page_shows_in_its_text(name, kind, title):
    article = scrape(name)
    assert article.kind == kind
    if title:
        assert article.title == title  # the label is not part of the headline


def test_kinds_from_declarations_titles_and_labels():
    assert declared_kind(["OpinionNewsArticle"], [], None) == "opinion"
    assert declared_kind(["http://schema.org/LiveBlogPosting"], [], None) == "liveblog"
    assert declared_kind(["NewsArticle"], ["Comment is free"], None) == "opinion"
    assert declared_kind(["NewsArticle"], ["Sponsored content"], None) == "sponsored"
    assert declared_kind([], [], "https://www.theguardian.com/commentisfree/2019/x") == "opinion"
    assert declared_kind([], [], "https://example.org/news/analysis/why-it-matters") == "analysis"
    assert declared_kind([], [], "https://example.org/2017/11/03/xbox-one-x-review/") == "news"
    assert titled_kind("Opinion | Republicans Are Following Trump") == (
        "opinion",
        "Republicans Are Following Trump",
    )
    assert titled_kind("Analysis: What the vote means") == ("analysis", "What the vote means")
    assert titled_kind("LIVE: Election night") == ("liveblog", "Election night")
    assert titled_kind("Review of police finds failures") == (
        "news",
        "Review of police finds failures",
    )
    assert labelled_kind("Opinion Columnist") == "opinion"
    assert labelled_kind("Comment") is None and labelled_kind("Live") is None


def test_an_opinion_page_from_json_ld(tmp_path):
    ld = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle",
        "headline": "We must act",
    }
    html = (
        f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>"
        "<article><h1>We must act</h1><p>"
        + "The council has waited too long to act. " * 8
        + "</p></article></body></html>"
    )
    assert parse_html(html).kind == "opinion"


@pytest.mark.parametrize(
    ("name", "author", "not_author"),
    [
        ("salon-1", "Richard (R.J.) Eskow", "Joanna Rothkopf"),  # a sidebar of other stories
        ("herald-sun-1", "Laurie Oakes", "Joe Hildebrand"),  # another column's byline
        ("buzzfeed-1", "Mark Di Stefano", None),  # "BuzzFeed News Reporter" is his title
        ("seattletimes-1", "Benjamin Romano", None),  # "Seattle Times business reporter"
        ("nytimes-2", "Steven Davidoff Solomon", None),  # "Deal Professor" is the column
    ],
)
def test_the_story_is_credited_to_its_own_byline(name, author, not_author):
    reporting = page(name).reporting
    assert reporting.authors == (author,)
    assert not_author not in reporting.names


@pytest.mark.parametrize(
    ("line", "partner"),
    [
        ("This story was originally published by Grist.", "Grist"),
        (
            "This article was originally published by Futurism. Read the original article.",
            "Futurism",
        ),
        ("This article originally appeared on The Atlantic.", "The Atlantic"),
        (
            "This article is republished from The Conversation under a Creative Commons license.",
            "The Conversation",
        ),
        (
            "This story was produced in partnership with ProPublica, a nonprofit newsroom.",
            "ProPublica",
        ),
        ("Republished with permission from Kaiser Health News.", "Kaiser Health News"),
        ("This article was reprinted on Wired.com.", None),  # the other way round: ours, reprinted
        ("This article was first published on Monday.", None),
        ("This story was reported by Jane Doe in London.", None),
    ],
)
def test_partner_and_syndication_lines(line, partner):
    assert read_partner_credit(line) == partner


def test_a_partner_is_credited_and_its_line_is_not_read_aloud():
    atlantic = page("citylab-1")
    assert atlantic.reporting.partners == ("The Atlantic",)
    assert atlantic.reporting.authors == ("Sarah Archer",)
    assert not any("originally appeared" in p for p in atlantic.paragraphs)
    futurism = scrape("14cc2a0ca59c62a8")
    assert futurism.reporting.partners == ("Futurism",)
    assert not any("originally published" in p for p in futurism.paragraphs)


def test_a_page_without_visible_text_is_read_from_its_json_ld_article_body():
    body = "Gunmen attacked a museum in Tunis on Wednesday, killing at least 19 people. " * 3
    ld = {"@type": "NewsArticle", "headline": "Museum attack", "articleBody": body.strip()}
    html = (
        f"<html><head><title>Museum attack</title><script type='application/ld+json'>"
        f"{json.dumps(ld)}</script></head><body><div id='app'>Loading…</div></body></html>"
    )
    article = parse_html(html)
    assert article.title == "Museum attack"
    assert article.paragraphs == (body.strip(),)


def test_a_story_text_given_from_elsewhere_stands_in_for_an_empty_page(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text(
        "<html><head><title>Storm floods the coast</title>"
        "<meta property='article:published_time' content='2019-11-19T08:00:00Z'>"
        "<meta name='author' content='Jane Doe'></head><body><p>Subscribe.</p></body></html>"
    )
    told = "A storm flooded streets across the coast overnight, forecasters said on Tuesday. " * 3
    article = read_article(str(empty), ArticleSettings(), fallback=told)
    assert article.paragraphs == (" ".join(told.split()),)
    assert article.title == "Storm floods the coast" and article.published == "2019-11-19"
    with pytest.raises(Exception, match="no article text"):
        read_article(str(empty), ArticleSettings())


def test_make_labels_an_opinion_piece_in_its_kicker_and_story_file(tmp_path):
    from news60.pipeline import draft_script
    from news60.script.storyfile import load_story, save_story
    from news60.settings import load_settings
    from news60.video.timeline import kicker_text

    script = draft_script(
        str(HTML / "herald-sun-1" / "page.html"), load_settings(script={"sentences": 3})
    )
    assert script.kind == "opinion" and script.label == "OPINION"
    assert kicker_text(script) == "OPINION · 13 MARCH 2015"
    edited = load_story(save_story(script, tmp_path / "story.json"))  # an edit keeps the label
    assert edited.kind == "opinion" and kicker_text(edited) == kicker_text(script)
    news = draft_script(
        str(HTML / "nytimes-1" / "page.html"), load_settings(script={"sentences": 3})
    )
    assert kicker_text(news) == "Sudan · 13 JANUARY 2017"  # no label for news


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("- Nov. 18th 2019 8:54 am PT", "2019-11-18"),  # 9to5Mac's dateline
        ("21:17 18.11.2019 Get short URL", "2019-11-18"),  # Sputnik's: day first
        ("November 20, 2019", "2019-11-20"),
    ],
)
def test_a_scrape_dates_its_story_from_its_dateline(line, date):
    from news60.article.lines import read_date

    assert read_date(line) == date


def test_a_scrape_with_a_dotted_date_is_dated():
    assert scrape("1f765c48780665e8").published == "2019-11-18"
    assert scrape("ad826691a8a2f9c4").published == "2019-11-18"


@pytest.mark.parametrize(
    ("name", "junk"),
    [
        ("098bb3e96c0acdf3", "5:50 PM"),
        ("374ac9a59a85196c", "Natasha Turak @NatashaTurak"),
        ("bc13ff87b2630ffb", "T R D NATIONAL /"),
        ("f5c90a6d5253c3a2", "About Victor Davis Hanson"),
    ],
)
def test_a_scrape_headline_is_not_a_timestamp_or_a_section(name, junk):
    assert scrape(name).title not in ("", junk)


def test_a_page_title_with_several_suffixes_finds_its_headline():
    # "Three Cases of Plague Diagnosed in China | Smart News | Smithsonian", not the standfirst
    assert scrape("ea25dd7edff4d279").title == "Three Cases of Plague Diagnosed in China"


def test_the_address_a_page_was_fetched_from_says_its_kind(tmp_path):
    import shutil
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    (tmp_path / "opinion").mkdir()
    shutil.copy(SCRAPES / "e4c6a3b482403a8f" / "scrape.txt", tmp_path / "opinion" / "beijing.txt")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/opinion/beijing.txt"
        settings = ArticleSettings(allow_private=True)
        assert read_article(url, settings).kind == "opinion"  # the text alone does not say so
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(not HTML.exists(), reason="no dev pages")
def test_paragraphs_set_in_a_blockquote_are_someones_words():
    # Dev page (Ars Technica): the programmer's blog post, quoted at length in a blockquote,
    # was said in the newsreader's voice ("When the server will decompress our data ...").
    article = page("ars-1")
    assert "“The vulnerability stems from the fact that the client" in " ".join(article.paragraphs)
    assert "“These were the fixes that I recommended to Mojang 2 years ago.”" in (
        article.paragraphs
    )
    # The reporter's own paragraph after it stays unmarked.
    assert article.paragraphs[-1].startswith("Ars is asking Mojang for comment")
    from news60.script.summarisers.story import read_story

    story = read_story(article)
    said = " ".join(story.text(u) for u in story.usable)
    assert "our data" not in said and "stems from" not in said
    # "Here's how it works." promised the post; without it, it is not said either.
    assert "how it works" not in said
    # A blockquote's credit line ("Michael Shadlen, Ph.D.") and a quote already marked stay as
    # they are.
    study = page("medicalnewstoday")
    assert "Michael Shadlen, Ph.D." in study.paragraphs
    assert not any(p.startswith("““") for p in study.paragraphs)
