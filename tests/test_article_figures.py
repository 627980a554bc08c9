"""Photos, captions and credits from HTML pages: small pages for each pattern, and real pages."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED_DATA

from news60.article.html import parse_html

BODY = "".join(
    f"<p>Paragraph {n} of the story says something long enough to count as prose, with a few more "
    f"words about the council, the river and the bridge that the town has argued over.</p>"
    for n in range(6)
)


def page(inside: str, *, head: str = "", after: str = "") -> str:
    """A news page: the article's figures and body, then whatever else the page shows."""
    return (
        f"<html><head><title>Bridge vote</title>{head}</head><body>"
        f"<article><h1>Bridge vote</h1>{inside}{BODY}</article>{after}</body></html>"
    )


def photos(html: str) -> list[tuple[str | None, str, str]]:
    return [(p.src, p.caption, p.credit) for p in parse_html(html, "https://news.example/a").photos]


@pytest.mark.parametrize(
    ("figcaption", "caption", "credit"),
    [
        (
            "Protesters outside the courthouse. | Patrick Semansky/AP Photo",
            "Protesters outside the courthouse.",
            "Patrick Semansky/AP Photo",
        ),
        (
            "A voter in Miami in 2016. (AP Photo/Alan Diaz, File)",
            "A voter in Miami in 2016.",
            "AP Photo/Alan Diaz",
        ),
        (
            "Campaigners in London. Photograph: Guy Smallman/Getty Images",
            "Campaigners in London.",
            "Guy Smallman/Getty Images",
        ),
        (
            '<span class="off-screen">Image copyright</span> Reuters '
            '<span class="off-screen">Image caption</span> Kenya is getting ready',
            "Kenya is getting ready",
            "Reuters",
        ),
        (
            "<span>A worker repairs cables in Queens.</span><span><span>Credit</span>"
            "<span>Chang W. Lee/The New York Times</span></span>",
            "A worker repairs cables in Queens.",
            "Chang W. Lee/The New York Times",
        ),
        (
            "Utilities were buried. Credit Kirsten Luce for The New York Times",
            "Utilities were buried.",
            "Kirsten Luce for The New York Times",
        ),
        (
            "Leaders at the summit Susan Walsh via PA Images",
            "Leaders at the summit",
            "Susan Walsh via PA Images",
        ),
        (
            "A rally in Seoul on Thursday. Anthony Wallace / AFP - Getty Images",
            "A rally in Seoul on Thursday.",
            "Anthony Wallace/AFP - Getty Images",
        ),
    ],
)
def test_each_credit_convention_is_split_from_its_caption(figcaption, caption, credit):
    html = page(f'<figure><img src="/p.jpg"><figcaption>{figcaption}</figcaption></figure>')
    assert photos(html) == [("https://news.example/p.jpg", caption, credit)]


def test_caption_and_credit_elements_are_read_separately():
    html = page(
        '<figure><img src="/p.jpg"><figcaption><span class="caption">Ayn Rand, Rand Paul</span>'
        '<span class="photoCredit">(Credit: AP/Manuel Balce Ceneta)</span></figcaption></figure>'
    )
    assert photos(html) == [
        ("https://news.example/p.jpg", "Ayn Rand, Rand Paul", "AP/Manuel Balce Ceneta")
    ]


def test_a_caption_span_beside_the_image_link():
    html = page(
        '<div class="featuredMedia"><a href="/big.jpg"><img src="/big.jpg" alt="Bridge vote"></a>'
        '<span class="caption">The old bridge <span class="photoCredit">(Credit: Jo Ray/AP)</span>'
        "</span></div>"
    )
    assert photos(html) == [("https://news.example/big.jpg", "The old bridge", "Jo Ray/AP")]


def test_data_attributes_hold_caption_and_credit():
    html = page(
        '<div class="gallery"><div class="slide" data-caption="Police secure the museum." '
        'data-credit="Fethi Belaid/AFP/Getty Images" data-image="https://img.example/1.jpg"></div>'
        '<div class="slide" data-caption="Second slide." data-credit="X/Reuters" '
        'data-image="https://img.example/2.jpg"></div></div>'
    )
    # A slideshow shows its first slide; the others wait behind a click.
    assert photos(html) == [
        ("https://img.example/1.jpg", "Police secure the museum.", "Fethi Belaid/AFP/Getty Images")
    ]


def test_json_ld_image_object_fills_caption_and_credit():
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Bridge vote",
        "image": {
            "@type": "ImageObject",
            "url": "https://img.example/lead-1200x630.jpg",
            "caption": "Councillors vote on the bridge.",
            "creditText": "Jo Ray/Reuters",
        },
    }
    html = page(
        '<figure><img src="https://img.example/lead-600x400.jpg"></figure>',
        head=f'<script type="application/ld+json">{json.dumps(ld)}</script>',
    )
    assert photos(html) == [
        (
            "https://img.example/lead-600x400.jpg",
            "Councillors vote on the bridge.",
            "Jo Ray/Reuters",
        )
    ]


def test_the_lead_image_from_meta_when_the_article_shows_none():
    html = page(
        "",
        head='<meta property="og:image" content="https://img.example/lead.jpg">'
        '<meta property="og:image:alt" content="The bridge at dusk. Photo: Jo Ray/AP">',
    )
    assert photos(html) == [("https://img.example/lead.jpg", "The bridge at dusk.", "Jo Ray/AP")]


def test_desktop_and_mobile_copies_are_one_photo():
    html = page(
        '<figure><img class="desktop" src="/img/bridge-1200x800.jpg" '
        'srcset="/img/bridge-600x400.jpg 600w, /img/bridge-1200x800.jpg 1200w">'
        '<img class="mobile" src="/img/bridge-300x200.jpg"><figcaption>The bridge. (AP)'
        "</figcaption></figure>"
        '<figure><img src="/img/bridge-600x400.jpg"><figcaption>The bridge. (AP)</figcaption>'
        "</figure>"
    )
    assert len(photos(html)) == 1


def test_related_stories_ads_and_video_captions_are_not_article_photos():
    html = page(
        '<figure><img src="/p.jpg"><figcaption>The bridge. (AP)</figcaption></figure>'
        '<figure class="media-item"><iframe src="/player"></iframe><figcaption>'
        '<span class="off-screen">Media caption</span> Watch the vote</figcaption></figure>'
        '<div class="ad-slot"><img src="https://ad.doubleclick.net/x.jpg" width="300" height="250">'
        "<span>Advertisement</span></div>"
        '<a href="/other-story"><img src="/fire.jpg" width="300" height="200"></a>',
        after='<section class="more-stories"><h2>More stories</h2><ul>'
        + "".join(
            f'<li><a href="/s{n}"><img src="/t{n}.jpg"> House fire {n}</a></li>' for n in range(4)
        )
        + "</ul></section>",
    )
    assert photos(html) == [("https://news.example/p.jpg", "The bridge.", "AP")]


def _gold_pages():
    lines = (SHARED_DATA / "captions" / "gold.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="needs ../shared/data")
@pytest.mark.parametrize(
    "gold", _gold_pages() if SHARED_DATA.is_dir() else [], ids=lambda g: g["page"]
)
def test_real_pages_give_every_hand_checked_caption_and_credit(gold):
    from news60.article import read_article
    from news60.settings import ArticleSettings

    article = read_article(str(SHARED_DATA / gold["page"]), ArticleSettings())
    for figure in gold["figures"]:
        matches = [
            p for p in article.photos if p.caption.split()[:6] == figure["caption"].split()[:6]
        ]
        assert matches, figure["caption"]
        want = " ".join(figure["credit"].replace("/", " / ").split()).lower()
        got = " ".join(matches[0].credit.replace("/", " / ").split()).lower()
        assert want == got or want in got or got in want, (figure["credit"], matches[0].credit)


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="needs ../shared/data")
@pytest.mark.parametrize(
    ("name", "left_out"),
    [
        ("bbc-1", ("Hulk Hogan", "Taylor Swift", "Media caption")),
        ("telegraph", ("cartoons", "Philip Johnston")),
        ("nytimes-3", ("author-corey-kilgannon",)),
        ("salon-1", ("header-ie8",)),
    ],
)
def test_real_pages_leave_out_related_stories_and_furniture(name, left_out):
    from news60.article import read_article
    from news60.settings import ArticleSettings

    article = read_article(str(SHARED_DATA / "html" / name / "page.html"), ArticleSettings())
    text = json.dumps([p.__dict__ for p in article.photos])
    assert article.photos
    assert not any(junk in text for junk in left_out)
