"""What a news bulletin airs, on real dev pages: today's news. Old and undated stories and opinion
are left out with the flag that airs them; named or included, they air dated and labelled. A page
with no text is told from its feed item's description. The closing card stays readable."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from conftest import SHARED_DATA

from news60.bulletin.airing import shown_date, story_date, too_old
from news60.bulletin.lineup import read_lineup
from news60.bulletin.models import Bulletin, Item
from news60.bulletin.segments import make_segments
from news60.bulletin.timeline import (
    CARD_LINES,
    CardCredits,
    Kickers,
    chapter_title,
    closing_body,
    segment_kicker,
)
from news60.models import Article, Reporting
from news60.settings import load_settings
from news60.sources import Entry
from news60.sources.feeds import feed_entries
from news60.video.layout import Layout
from news60.video.linebreaks import balanced_lines
from news60.video.theme import load_theme
from news60.video.typesetting import family, font

MICHIGAN = SHARED_DATA / "scrapes" / "c467d507551a836e" / "scrape.txt"  # 19 November 2019, AP
SUDAN = SHARED_DATA / "html" / "nytimes-1" / "page.html"  # 13 January 2017
OPINION = SHARED_DATA / "html" / "herald-sun-1" / "page.html"  # /news/opinion/, 13 March 2015
DAY = dt.date(2019, 11, 20)


def rules(**bulletin):
    settings = load_settings()
    return replace(settings, bulletin=replace(settings.bulletin, **bulletin))


def test_old_and_undated_stories_are_left_out_with_the_flag_that_airs_them(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text(
        "Storm floods the coast\n\n"
        + "A storm flooded streets across the coast overnight, forecasters said. " * 4
    )
    entries = [Entry(str(MICHIGAN)), Entry(str(SUDAN)), Entry(str(undated), file_time=True)]
    items, left_out = read_lineup(entries, rules(), 5, DAY)
    assert [i.source for i in items] == [str(MICHIGAN)]
    assert items[0].date == dt.date(2019, 11, 19) and items[0].notes == ()
    old, none = left_out
    assert old.source == str(SUDAN)
    assert "dated 2017-01-13, more than 48 h before the bulletin's date" in old.reason
    assert "--allow-old" in old.reason
    assert none.source == str(undated)  # a file's mtime (today) is not the story's date
    assert "no date" in none.reason and "--allow-old" in none.reason


def test_a_story_named_with_allow_old_airs_with_its_date_shown():
    entries = [Entry(str(MICHIGAN)), Entry(str(SUDAN))]
    items, left_out = read_lineup(entries, rules(allow_old=(str(SUDAN),)), 5, DAY)
    assert left_out == [] and [i.date for i in items] == [
        dt.date(2019, 11, 19),
        dt.date(2017, 1, 13),
    ]
    assert items[1].notes == ("dated 2017-01-13: aired because it was named with --allow-old",)
    michigan, sudan = make_segments(items)
    assert segment_kicker(sudan, DAY) == ["13 January 2017", "Sudan"]
    assert segment_kicker(michigan, DAY) == ["19 November", "Michigan"]  # yesterday: dated
    assert segment_kicker(michigan, dt.date(2019, 11, 19)) == ["Michigan"]  # today's: no date


def test_the_age_limit_counts_hours_before_the_end_of_the_bulletins_day():
    assert not too_old(dt.date(2019, 11, 18), DAY, 48)  # the evening of the 18th is within 48 h
    assert too_old(dt.date(2019, 11, 17), DAY, 48)
    assert not too_old(dt.date(2019, 11, 17), DAY, 72)
    assert shown_date(dt.date(2019, 11, 20), DAY) == "" and shown_date(None, DAY) == ""
    feed_dated = Entry("x", published=dt.datetime(2019, 11, 19, 22, tzinfo=dt.UTC))
    assert story_date(Article("t", ("p",)), feed_dated) == dt.date(2019, 11, 19)
    copied_today = replace(feed_dated, file_time=True)
    assert story_date(Article("t", ("p",)), copied_today) is None
    updated = Article("t", ("p",), modified="2019-11-18")
    assert story_date(updated, copied_today) == dt.date(2019, 11, 18)


def test_opinion_is_left_out_unless_included_and_then_labelled():
    entries = [Entry(str(MICHIGAN)), Entry(str(OPINION))]
    items, (left,) = read_lineup(entries, rules(max_age=0.0), 5, DAY)
    assert [i.source for i in items] == [str(MICHIGAN)]
    assert left.source == str(OPINION)
    assert "an opinion piece, not news" in left.reason and "--include opinion" in left.reason
    items, left_out = read_lineup(entries, rules(max_age=0.0, include=("opinion",)), 5, DAY)
    assert left_out == [] and items[1].article.kind == "opinion"
    _, opinion = make_segments(items)
    assert segment_kicker(opinion, DAY)[:2] == ["OPINION", "13 March 2015"]
    assert chapter_title(opinion) == "OPINION: Angry media won’t buckle over new surveillance laws"


def test_a_page_with_no_text_is_told_from_its_feed_items_description():
    page = (
        b"<html><head><title>Storm floods the coast</title></head>"
        b"<body><div id='app'>Enable JavaScript to read this story.</div></body></html>"
    )
    told = (
        "<p>A storm flooded streets across the coast overnight, forecasters said on "
        "Wednesday.</p><p>Hundreds of homes lost power and two roads were closed, the county "
        "said, and more rain is expected <b>on Thursday</b> across the region.</p>"
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item>'
        "<title>Storm floods the coast</title><link>https://news.example/storm.html</link>"
        "<pubDate>Wed, 20 Nov 2019 07:00:00 GMT</pubDate>"
        f"<description><![CDATA[{told}]]></description></item></channel></rss>"
    )
    (entry,) = feed_entries(feed.encode(), "https://news.example/feed.xml")
    entry = replace(entry, page=page)  # the page as a poll fetched it: read from these bytes
    assert entry.summary.startswith("A storm flooded streets") and "<b>" not in entry.summary
    items, left_out = read_lineup([entry, Entry(str(MICHIGAN))], rules(), 5, DAY)
    assert left_out == [] and items[0].source == "https://news.example/storm.html"
    storm = items[0]
    assert storm.article.title == "Storm floods the coast" and storm.date == DAY
    assert storm.article.paragraphs[1].endswith(
        "more rain is expected on Thursday across the region."
    )
    assert storm.notes == ("its page held no story text: told from its feed item's description",)
    # Without a description there is nothing to tell: left out with its reason.
    items, (left,) = read_lineup([replace(entry, summary="")], rules(), 5, DAY)
    assert items == [] and "no article text" in left.reason


def test_kickers_keep_the_label_and_date_and_drop_the_topic_when_the_frame_is_narrow():
    theme = load_theme()
    parts = ["OPINION", "13 January 2017", "Republicans and the impeachment"]
    assert Kickers(theme, (1080, 1920)).first(parts) == "OPINION · 13 January 2017"
    assert Kickers(theme, (1080, 1920)).first(["18 November", "China"]) == "18 November · China"
    top = ["Tuesday, 19 November", "Michigan"]
    assert Kickers(theme, (1080, 1920)).first(top, ["19 November", "Michigan"]) == (
        "19 November · Michigan"  # the weekday gives way to the topic
    )
    assert Kickers(theme, (1080, 1920)).first(["Sudan"]) == "Sudan"


def test_the_closing_card_names_organisations_first_in_four_lines_at_most():
    theme = load_theme()
    people = [f"Reporter Number{n} Longname" for n in range(12)]
    stories = [
        Reporting(authors=tuple(people[:4]), agencies=("AFP",)),
        Reporting(authors=tuple(people[4:8]), partners=("Grist",)),
        Reporting(authors=tuple(people[8:]), agencies=("AP", "Reuters")),
    ]
    segments = make_segments(
        [Item(f"{n}.txt", _article(reporting)) for n, reporting in enumerate(stories)]
    )
    body = closing_body(Bulletin("News", DAY, segments), CardCredits(theme, (1080, 1920)))
    (line,) = body.splitlines()  # no photo shown: no Photos line
    assert line.startswith("Reporting: AFP, Grist, AP, Reuters, Reporter Number0 Longname")
    assert line.endswith(" and more")
    layout = Layout(1080, 1920)
    face = font(family(theme, "small"), layout.type_px(theme.type, "label"))
    assert balanced_lines(line, face.getlength, layout.text_width, CARD_LINES) is not None


def _article(reporting: Reporting) -> Article:
    return Article(
        "Council approves the budget",
        ("The city council approved a new budget on Tuesday after a long debate.",),
        reporting=reporting,
    )
