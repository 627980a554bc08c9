"""The bulletin's parts on small inputs: source listing in the editor's order, story units,
near-duplicates merged with the real MiniLM model, chapters and the description block."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import pytest
from conftest import SHARED_DATA

from news60.bulletin.chapters import description, ffmetadata, platform_notes, timestamp
from news60.bulletin.fitting import bulletin_slot, sign_off
from news60.bulletin.lineup import check_enough, list_sources, read_lineup
from news60.bulletin.models import Bulletin, Chapter, Item, LeftOut
from news60.bulletin.segments import make_segments, story_units
from news60.errors import ArticleError
from news60.models import Article
from news60.script.kicker import topic_kicker
from news60.settings import ArticleSettings, load_settings
from news60.sources import Entry

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Desk</title>
<item><title>Second</title><link>stories/b.txt</link></item>
<item><title>First</title><link>https://example.org/a</link></item>
</channel></rss>"""


def test_a_folder_is_read_in_name_order_without_its_photos(tmp_path):
    for name in ("02-later.txt", "01-top.html", "photo.jpg", "photos.json", ".hidden.txt"):
        (tmp_path / name).write_text("x")
    entries, left_out = list_sources([str(tmp_path)], ArticleSettings())
    assert [e.source.split("/")[-1] for e in entries] == ["01-top.html", "02-later.txt"]
    assert left_out == []


def test_manifests_and_feeds_keep_their_order_and_resolve_relative_paths(tmp_path):
    (tmp_path / "day.csv").write_text("source,voice\nb.txt,x\nhttps://example.org/a,\n")
    (tmp_path / "day.jsonl").write_text('{"url": "c.txt"}\n\n{"path": "sub/d.txt"}\n')
    (tmp_path / "feed.xml").write_text(RSS)
    sources = [str(tmp_path / n) for n in ("day.csv", "day.jsonl", "feed.xml")]
    (tmp_path / "loose.txt").write_text("x")
    entries, left_out = list_sources([*sources, str(tmp_path / "loose.txt")], ArticleSettings())
    assert left_out == []
    assert [e.source for e in entries] == [
        str(tmp_path / "b.txt"),
        "https://example.org/a",
        str(tmp_path / "c.txt"),
        str(tmp_path / "sub" / "d.txt"),
        "stories/b.txt",
        str(tmp_path / "loose.txt"),
    ]  # the feed's second item is the manifest's: told once, at its first place
    # A feed names its stories by address: a local path in it is listed to fail, never read.
    assert [bool(e.refused) for e in entries] == [False] * 4 + [True, False]
    assert "not an http(s) URL" in entries[4].refused


def test_a_missing_file_is_left_out_when_listed(tmp_path):
    entries, left_out = list_sources([str(tmp_path / "gone.txt")], ArticleSettings())
    assert entries == [] and "gone.txt not found" in left_out[0].reason


def test_a_source_that_cannot_be_listed_is_left_out_with_its_reason(tmp_path):
    (tmp_path / "bad.csv").write_text("title\nno source column\n")
    entries, left_out = list_sources(
        [str(tmp_path / "bad.csv"), "http://127.0.0.1:9/feed"], ArticleSettings()
    )
    assert entries == []
    assert "row 2 has no source" in left_out[0].reason
    assert "private" in left_out[1].reason or "loopback" in left_out[1].reason


def any_age():
    """Settings whose bulletins air stories of any age (what these tests read is years old)."""
    settings = load_settings()
    return replace(settings, bulletin=replace(settings.bulletin, max_age=0.0))


def _article(*paragraphs: str, title: str = "Council approves the budget") -> Article:
    return Article(title=title, paragraphs=paragraphs)


def test_story_units_lead_first_and_each_after_what_it_leans_on():
    article = _article(
        "The city council approved a new budget on Tuesday after a long debate.",
        "It includes more money for schools, roads and public transport next year.",
        "The mayor will sign the budget into law next week, officials said on Wednesday.",
    )
    units = story_units(article)
    assert units[0].startswith("The city council approved")
    leaning = next(i for i, u in enumerate(units) if "It includes" in u)
    assert leaning <= 1  # said with the lead or right after it, never without it


def test_a_quote_is_said_with_its_speaker_or_not_at_all():
    article = _article(
        "The city council approved a new budget on Tuesday after a long debate.",
        '"This is the budget our schools have waited ten years for," the mayor, Jane Smith, said.',
        "Snow is expected across the region on Friday and over the weekend.",
        '"Nobody wins a budget fight outright, and nobody should."',
    )
    units = story_units(article)
    assert any("This is the budget" in u and "Jane Smith" in u for u in units)
    assert not any("Nobody wins" in u for u in units)  # no speaker before or after


def test_a_segment_carries_the_topic_kicker_a_single_clip_shows():
    africa = _article(
        "Gunmen attacked a museum in Tunis, the capital, on Wednesday morning.",
        "Governments across North Africa fear more attacks, officials said.",
        title="Attack stokes instability fears in North Africa",
    )
    (segment,) = make_segments([Item("a.txt", africa)])
    assert segment.kicker == topic_kicker(africa.title, africa.text) == "North Africa"


def test_the_date_is_said_as_people_say_it():
    bulletin = Bulletin("Five at five", dt.date(2019, 6, 28), ())
    assert bulletin.spoken_date == "Friday, 28 June"
    assert sign_off(bulletin) == "Five at five, for Friday, 28 June."


def test_the_slot_leaves_room_for_the_lead_in_and_closing_card():
    slot = bulletin_slot(60, 0.4, 4.2)
    assert slot.longest == pytest.approx(55.4)
    assert slot.shortest == pytest.approx(47.4)  # a 52 s bulletin at the least


def running(*stories: tuple[str, float]) -> list[Chapter]:
    """Chapters for stories of these lengths back to back, then 4 s of credits."""
    chapters, start = [], 0.0
    for title, seconds in [*stories, ("Credits", 4.0)]:
        chapters.append(Chapter(title, start, round(start + seconds, 3)))
        start = round(start + seconds, 3)
    return chapters


def test_chapters_as_ffmpeg_metadata_and_a_description_block():
    chapters = running(
        ("G20; today = #1", 12.2), ("Plague: Three cases", 17.8), ("Sudan: Sanctions lifted", 18)
    )
    text = ffmetadata(chapters, "Bulletin")
    assert text.startswith(";FFMETADATA1\ntitle=Bulletin\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\n")
    assert "title=G20\\; today \\= \\#1" in text and "START=12200\nEND=30000" in text
    block = description(chapters, ["G20 | Reporting: AFP"])
    assert block == (
        "0:00 G20; today = #1\n0:12 Plague: Three cases\n0:30 Sudan: Sanctions lifted\n\n"
        "G20 | Reporting: AFP\n"
    )  # the credits run in the last story's chapter: YouTube lists no 4 s chapter
    assert timestamp(65.5) == "1:05"
    assert platform_notes(chapters) == []


def test_a_story_under_ten_seconds_means_a_description_without_timestamps():
    chapters = running(
        ("G20: Trump jokes", 12.0), ("DNP: Student dies", 4.2), ("Sudan: Sanctions lifted", 31.8)
    )
    lines = description(chapters, ["G20 | Reporting: AFP"]).splitlines()
    assert "no chapter list" in lines[0] and "10 s" in lines[0] and "runs 4 s" in lines[0]
    assert lines[1:4] == [
        "1. G20: Trump jokes",
        "2. DNP: Student dies",
        "3. Sudan: Sanctions lifted",
    ]
    assert not any(re.match(r"\d+:\d\d ", line) for line in lines)  # no timestamp at all
    (note,) = platform_notes(chapters)
    assert "10 s or more" in note and "DNP: Student dies (4 s)" in note
    two = [chapters[0], chapters[2], chapters[3]]
    assert "no chapter list" in description(two, []) and platform_notes(two) == []


def test_near_duplicates_are_merged_and_distinct_stories_kept(tmp_path):
    original = SHARED_DATA / "scrapes" / "06e5123e4ef7cfb4" / "scrape.txt"
    rewrite = tmp_path / "rewrite.txt"
    rewrite.write_text(
        "WeWork faces New York attorney general probe\n\n"
        "New York's attorney general has opened an investigation into WeWork and its former "
        "chief executive Adam Neumann, two sources familiar with the matter said on Monday.\n\n"
        "The inquiry follows the office-sharing company's failed stock market listing, which "
        "wiped billions of dollars from its value and forced Neumann out in September.\n\n"
        "WeWork said it was cooperating with the attorney general's office and would answer "
        "every question put to it, a spokeswoman said in a statement.\n"
    )
    layoffs = SHARED_DATA / "scrapes" / "bc13ff87b2630ffb" / "scrape.txt"  # WeWork, another event
    entries = [Entry(str(original)), Entry(str(rewrite)), Entry(str(layoffs))]
    items, left_out = read_lineup(entries, any_age(), count=5, day=dt.date(2019, 11, 19))
    assert [i.source for i in items] == [str(original), str(layoffs)]
    assert items[0].also == (str(rewrite),)
    assert left_out == [LeftOut(str(rewrite), f"the same story as {original}: merged")]


def test_fewer_than_two_stories_is_a_clear_error_naming_the_sources(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    entries = [Entry(str(SHARED_DATA / "seed" / "article.txt")), Entry(str(bad))]
    items, left_out = read_lineup(entries, any_age(), count=5, day=dt.date(2019, 11, 19))
    with pytest.raises(ArticleError) as caught:
        check_enough(items, left_out, ["seed.txt", str(bad)])
    message = str(caught.value)
    assert "at least 2 readable stories" in message and str(bad) in message
    assert "news60 make" in message
    json.dumps(message)  # one plain line for the CLI


def test_photos_offered_to_every_story_go_to_the_stories_they_show(tmp_path):
    from news60.bulletin.models import Item
    from news60.bulletin.segments import best_photos
    from news60.models import Photo

    for name in ("budget.jpg", "storm.jpg"):
        (tmp_path / name).write_bytes(b"")  # best_photos reads captions only
    storm = Photo(str(tmp_path / "storm.jpg"), "Flooded streets after the storm", "Sam Roe/AP")
    budget = Photo(str(tmp_path / "budget.jpg"), "Councillors vote on the city budget", "Jo Bloggs")
    offered = (storm, budget)  # a producer's --photos come first in every story
    council = _article("The city council approved a new budget on Tuesday after a long debate.")
    weather = _article(
        "A storm flooded streets across the coast overnight, forecasters said.",
        title="Storm floods the coast",
    )
    items = [
        Item("council.txt", replace(council, photos=offered)),
        Item("storm.txt", replace(weather, photos=offered)),
    ]
    assert best_photos(items) == [budget, storm]


@pytest.mark.parametrize(
    ("page", "news"),
    [
        # A scene-setter, page furniture or a teaser standfirst gives way to the unit with the news.
        ("html/cnet", "Zuckerberg knows a thing or two"),
        ("scrapes/7dfc3e359d7c0ca4", "Van Der Beek has been eliminated"),
        ("html/buzzfeed-1", "taken to Royal Shrewsbury hospital"),
        # The story's own lead stays, also under an abstract headline; no dateline is read out.
        ("html/wapo-1", "Gunmen opened fire on visitors"),
        ("scrapes/702d1da63b8e064c", "unpredictability and demands of China"),
        ("html/nytimes-1", "plans to reverse its position on Sudan"),
        ("html/schema-org-context-object", "A plan to impeach South Korean President"),
        ("html/telegraph", "Robert Mugabe, his wife Grace"),
        ("scrapes/c467d507551a836e", "Michigan health authorities are reporting a 6th fatality"),
        ("scrapes/a1fca19b884e0e94", "held by the Taliban"),
        ("scrapes/ea25dd7edff4d279", "Three cases of plague have been diagnosed in China"),
        ("scrapes/06e5123e4ef7cfb4", "is investigating WeWork"),
        ("scrapes/5a822960e9a2cb1e", "The house where Adolf Hitler was born"),
        ("scrapes/921019755f4a96ac", "Jose Mourinho has agreed a deal to replace Mauricio"),
    ],
)
def test_the_lead_states_the_headlines_news(page, news):
    from news60.article import read_article

    folder = SHARED_DATA / page
    source = folder / ("page.html" if page.startswith("html") else "scrape.txt")
    units = story_units(read_article(str(source), ArticleSettings()))
    assert news in units[0], units[:2]
    assert not re.match(r"[A-Z ,]+ (\(\w+\) )?[—–-]", units[0])  # no dateline read out


def test_a_later_lead_drops_the_scene_setter_it_replaced():
    from news60.article import read_article

    cnet = read_article(str(SHARED_DATA / "html" / "cnet" / "page.html"), ArticleSettings())
    units = story_units(cnet)
    assert "Zuckerberg knows a thing or two" in units[0]
    assert not any("Anyone who has ever been involved" in u for u in units)  # nothing leans on it
