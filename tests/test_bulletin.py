"""`news60 bulletin` end to end with the real voice, model, moviepy and ffmpeg: five dev-set stories
(text scrapes and HTML pages; an old one left out, an old one and an opinion piece named), frames
read back with tesseract and checked for motion, chapters checked against the narration's own
pauses, the MP3's ID3 chapters against the MP4's; failures, a local RSS feed."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_DATA, TINY, ebur128, ffprobe, run_news60

from news60.bulletin.airing import shown_date

pytestmark = pytest.mark.slow

# The smallest frame tesseract reads the kicker, headline, captions and credits of reliably.
READABLE = ["--size", "360x640", "--fps", "10"]
TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
FIVE = [
    SHARED_DATA / "scrapes" / "c467d507551a836e" / "scrape.txt",  # Michigan, AP
    SHARED_DATA / "html" / "buzzfeed-1" / "page.html",
    SHARED_DATA / "scrapes" / "a1fca19b884e0e94" / "scrape.txt",  # Taliban hostages
    SHARED_DATA / "html" / "nytimes-1" / "page.html",
    SHARED_DATA / "scrapes" / "ea25dd7edff4d279" / "scrape.txt",  # plague in China
]
PAUSE = 0.5  # seconds of silence: between stories the voice pauses 0.7 s, within one 0.35 s
DAY = "2019-11-19"  # the day of the dev scrapes: Michigan and the Taliban hostages are today's
OLD = SHARED_DATA / "html" / "ars-1" / "page.html"  # 16 April 2015, not named: left out
OPINION = SHARED_DATA / "html" / "herald-sun-1" / "page.html"  # a column, 13 March 2015
# The top story, an old one left out, an opinion column and an old story named to air, two more.
TODAYS = [FIVE[0], OLD, OPINION, FIVE[2], FIVE[3], FIVE[4]]
NAMED = ["--include", "opinion", "--allow-old", str(OPINION), "--allow-old", str(FIVE[3])]
FRAMECHECK = ROOT.parent / "shared" / "tools" / "framecheck.py"


news60 = run_news60


def bulletin(*args: str, env: dict[str, str] | None = None, day: str = DAY) -> dict:
    result = news60("bulletin", *args, "--date", day, "--json", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def signing(tmp_path_factory) -> dict[str, str]:
    """An environment whose config folder holds a key from `news60 keys init`: bulletins get signed."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path_factory.mktemp("config"))}
    assert news60("keys", "init", env=env).returncode == 0
    return env


@pytest.fixture(scope="module")
def five(tmp_path_factory, signing) -> dict:
    out = tmp_path_factory.mktemp("out")
    args = [*map(str, TODAYS), *NAMED, "--out", str(out), "--music", "none", *READABLE]
    return bulletin(*args, env=signing)


def frame(clip: Path, t: float, folder: Path) -> Path:
    path = folder / f"frame-{t:.2f}.png"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-ss",
            f"{t:.3f}",
            "-i",
            str(clip),
            "-frames:v",
            "1",
            str(path),
        ],
        check=True,
    )
    return path


def read_text(path: Path) -> str:
    """What tesseract reads in the frame, as dark text on light: it skips white on a coloured pill."""
    from PIL import Image, ImageOps

    inverted = path.with_name(f"{path.stem}-inverted.png")
    ImageOps.invert(Image.open(path).convert("L")).save(inverted)
    result = subprocess.run(
        ["tesseract", str(inverted), "-", "--psm", "3"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def pauses_end(media: Path) -> list[float]:
    """Where the voice starts again after each pause of at least PAUSE seconds (ffmpeg)."""
    cmd = ["ffmpeg", "-nostats", "-i", str(media), "-af", f"silencedetect=noise=-45dB:d={PAUSE}"]
    report = subprocess.run([*cmd, "-f", "null", "-"], capture_output=True, text=True).stderr
    return [float(t) for t in re.findall(r"silence_end: ([\d.]+)", report)]


def mp4_chapters(clip: Path) -> list[tuple[float, str]]:
    cmd = ["ffprobe", "-v", "error", "-show_chapters", "-of", "json", str(clip)]
    data = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    return [(float(c["start_time"]), c["tags"]["title"]) for c in data["chapters"]]


def test_five_stories_in_52_to_60_seconds(five):
    clip = Path(five["files"]["clip"])
    seconds = float(ffprobe(clip)["format"]["duration"])
    assert 52 <= seconds <= 60, seconds
    assert len(five["segments"]) == 5
    # Files are named by their real path (the story key does not depend on the working folder).
    aired = [p for p in TODAYS if p != OLD]
    assert [s["source"] for s in five["segments"]] == [str(p.resolve()) for p in aired]
    for segment in five["segments"]:
        assert segment["headline"] and segment["units"]
        assert segment["text"].startswith(segment["units"][0])


def test_an_old_story_is_left_out_and_noted_and_named_ones_air_dated_and_labelled(five):
    (old,) = five["left_out"]
    assert old["source"] == str(OLD)
    assert "dated 2015-04-16, more than 48 h before the bulletin's date" in old["reason"]
    assert any(str(OLD) in note and "--allow-old" in note for note in five["notes"])
    top, opinion, _, sudan, _ = five["segments"]
    assert top["date"] == DAY and top["label"] == ""
    assert opinion["kind"] == "opinion" and opinion["label"] == "OPINION"
    assert opinion["date"] == "2015-03-13" and sudan["date"] == "2017-01-13"
    titles = [c["title"] for c in five["chapters"]]
    assert titles[1] == f"OPINION: {opinion['headline']}"
    assert any(
        "2017-01-13: aired because it was named with --allow-old" in n for n in five["notes"]
    )


def test_chapters_start_where_each_story_is_heard(five):
    clip = Path(five["files"]["clip"])
    chapters = mp4_chapters(clip)
    assert len(chapters) == 6  # five stories (the top story from 0:00), the credits
    assert chapters[0] == (0, five["chapters"][0]["title"]) and chapters[-1][1] == "Credits"
    heard = pauses_end(clip)  # --music none: the clip's own soundtrack is the voice
    for (start, title), segment in zip(chapters[:5], five["segments"], strict=True):
        assert title.endswith(f": {segment['headline']}")
        assert abs(start - segment["start"]) < 0.001
    for start, title in chapters[1:5]:
        assert min(abs(start - t) for t in heard) < 0.2, (title, start, heard)
    script = json.loads(Path(five["files"]["script"]).read_text())
    assert [s["start"] for s in script["segments"]] == [s["start"] for s in five["segments"]]


def test_the_description_lists_chapters_only_when_youtube_would_show_them(five):
    description = Path(five["files"]["description"]).read_text().splitlines()
    stories = five["chapters"][:-1]  # the credits run in the last story's chapter
    lengths = [b["start"] - a["start"] for a, b in zip(stories, stories[1:], strict=False)]
    titles = [c["title"] for c in stories]
    if min(lengths) >= 10:
        assert description[:5] == [
            f"{int(c['start']) // 60}:{int(c['start']) % 60:02d} {c['title']}" for c in stories
        ]
    else:
        assert "no chapter list" in description[0] and "10 s" in description[0]
        assert description[1:6] == [f"{n}. {title}" for n, title in enumerate(titles, 1)]
        assert any("YouTube lists chapters only" in note for note in five["notes"])
    assert description[: len(five["chapter_list"])] == five["chapter_list"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_each_segment_shows_kicker_headline_and_its_whole_lead(five, tmp_path):
    clip = Path(five["files"]["clip"])
    cues = _cues(Path(five["files"]["captions"]).read_text())
    for segment in five["segments"]:
        # Mid-story: the text has built in (the transitions count frames: slow at 10 fps).
        shown = read_text(frame(clip, (segment["start"] + segment["end"]) / 2, tmp_path))
        kicker = segment["label"] or segment["kicker"]
        assert kicker.upper() in shown.upper(), shown
        if segment["date"] != DAY:  # a story of another day shows its date
            date = shown_date(dt.date.fromisoformat(segment["date"]), dt.date.fromisoformat(DAY))
            assert date.upper() in shown.upper(), shown
        assert set(words(segment["headline"])[:4]) <= set(words(shown)), shown
        # The lead as the viewer reads it: every caption of the segment, read off the frames at
        # a third and two thirds of its time, so that the word under the moving pill (which OCR
        # can run into its neighbour: "intoEloise") is read plainly at the other moment.
        mine = [(a, b) for a, b in cues if segment["start"] - 0.05 <= a < segment["end"]]
        moments = [a + (b - a) * share for a, b in mine for share in (1 / 3, 2 / 3)]
        read = " ".join(read_text(frame(clip, t, tmp_path)) for t in moments)
        lead = segment["units"][0]
        assert lead.rstrip()[-1] in '.!?”"'  # a whole sentence
        found = set(words(read))
        # OCR may drop the space beside the spoken word's pill ("intoEloise"): a word inside a
        # read token was read.
        missing = [w for w in words(lead) if w not in found and not any(w in t for t in found)]
        assert len(missing) <= 0.1 * len(words(lead)), (lead, read)
        assert words(lead)[-1] in found and words(lead)[0] in found


def _cues(srt: str) -> list[tuple[float, float]]:
    stamps = re.findall(r"(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)", srt)
    seconds = [
        (int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000)
        for row in stamps
        for h, m, s, ms in (row[:4], row[4:])
    ]
    return list(zip(seconds[::2], seconds[1::2], strict=True))


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_it_opens_on_the_top_story_in_motion_with_the_date(five, tmp_path):
    clip = Path(five["files"]["clip"])
    top = five["segments"][0]
    assert top["start"] == 0.0  # no ident before it
    shown = read_text(frame(clip, 1.5, tmp_path))
    assert "19 NOVEMBER" in shown.upper(), shown
    assert set(words(top["headline"])[:3]) <= set(words(shown)), shown
    # The picture moves from the first frame: the push-in or the photo's drift.
    from PIL import Image, ImageChops

    first, later = (Image.open(frame(clip, t, tmp_path)).convert("L") for t in (0.1, 1.0))
    box = (0, 0, first.width, int(first.height * 0.62))  # above the captions
    assert ImageChops.difference(first.crop(box), later.crop(box)).getbbox() is not None


@pytest.mark.skipif(not FRAMECHECK.is_file(), reason="the shared frame check is not here")
def test_no_flash_and_no_still_five_seconds(five):
    check = subprocess.run(
        ["python3", str(FRAMECHECK), five["files"]["clip"]], capture_output=True, text=True
    )
    report = check.stdout
    assert check.returncode == 0, check.stderr
    assert re.search(r"flashes 0 ", report) and re.search(r"still_5s_windows 0 ", report), report
    frozen = float(re.search(r"frozen_max_s ([\d.]+)", report)[1])
    assert frozen < 5, report


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_the_closing_card_is_readable_and_the_manifest_credits_every_story(five, tmp_path):
    clip = Path(five["files"]["clip"])
    card = read_text(frame(clip, five["duration"] - 0.5, tmp_path))
    credits = card[card.upper().index("REPORTING") :]
    assert credits.startswith("Reporting: AP"), card  # organisations first: the Michigan wire
    stories = five["credits"]["stories"]
    assert len(stories) == 5
    for segment, story in zip(five["segments"], stories, strict=True):
        reporting = story["reporting"]
        names = reporting["authors"] + reporting["contributors"] + reporting["agencies"]
        assert names, story
        assert all(any(n in line for line in five["credits"]["lines"]) for n in names[:1])
        assert segment["credits"]["lines"]
    closing = five["closing_card"]
    assert 1 <= len(closing["lines"]) <= 5, closing  # as drawn, each credit line wrapped


def test_the_mp3_chapters_are_the_clips(five):
    from mutagen.id3 import ID3

    tags = ID3(five["files"]["audio"])
    toc = tags.getall("CTOC")[0]
    chapters = [tags[f"CHAP:{element}"] for element in toc.child_element_ids]
    in_mp3 = [(c.start_time / 1000, str(c.sub_frames["TIT2"])) for c in chapters]
    in_mp4 = mp4_chapters(Path(five["files"]["clip"]))
    assert [title for _, title in in_mp3] == [title for _, title in in_mp4]
    for (a, _), (b, _) in zip(in_mp3, in_mp4, strict=True):
        assert abs(a - b) < 0.002
    heard = pauses_end(Path(five["files"]["audio"]))  # and the voice starts there in the MP3 too
    for start, _ in in_mp3[1:5]:
        assert min(abs(start - t) for t in heard) < 0.2
    lufs, peak = ebur128(Path(five["files"]["audio"]))
    assert abs(lufs - -14) < 1 and peak <= -1.0


def test_the_same_outputs_as_make(five):
    files = five["files"]
    for name in ("clip", "thumbnail", "audio", "script", "captions", "captions_vtt", "manifest"):
        assert Path(files[name]).is_file(), name
    version = Path(files["clip"]).parent
    assert version.name == "v1" and version.parent.name == f"news-in-60-seconds-{DAY}"
    assert not list(version.parent.glob(".draft-*"))
    assert "Michigan" in Path(files["captions"]).read_text()
    assert five["kind"] == "bulletin" and five["date"] == DAY


def test_an_unreadable_source_is_left_out_with_its_reason(tmp_path):
    broken = tmp_path / "broken.bin"
    broken.write_bytes(bytes(range(256)) * 64)
    sources = [*map(str, FIVE[:2]), str(broken), *map(str, FIVE[2:])]
    made = bulletin(*sources, "--out", str(tmp_path / "out"), "--max-age", "0", *TINY_FLAGS)
    assert len(made["segments"]) == 5
    assert str(broken) not in [s["source"] for s in made["segments"]]
    (left,) = made["left_out"]
    assert left["source"] == str(broken) and left["reason"]
    assert any(str(broken) in note for note in made["notes"])


def test_one_readable_source_is_a_clear_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = tmp_path / "out"
    result = news60("bulletin", str(FIVE[0]), str(empty), "--out", str(out), *TINY_FLAGS)
    assert result.returncode == 1
    assert result.stderr.startswith("Error! a bulletin needs at least 2 readable stories")
    assert str(empty) in result.stderr and "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


@pytest.fixture
def served(tmp_path):
    """A newsroom's feed on 127.0.0.1: four stories, the first a page with a photo."""
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    pages = ROOT / "tests" / "data" / "articles"
    shutil.copy(pages / "figure-page.html", site / "seals.html")
    _photo(site / "images" / "seals-1.jpg")
    for name, source in zip(
        ["taliban", "plague", "michigan"], [FIVE[2], FIVE[4], FIVE[0]], strict=True
    ):
        shutil.copy(source, site / f"{name}.txt")
    items = ["seals.html", "taliban.txt", "plague.txt", "michigan.txt"]
    handler = partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (site / "feed.xml").write_text(_rss([f"{base}/{item}" for item in items]))
    yield f"{base}/feed.xml", [f"{base}/{item}" for item in items], site
    server.shutdown()
    server.server_close()


def _rss(links: list[str]) -> str:
    entries = "".join(
        f"<item><title>Story {i}</title><link>{link}</link></item>" for i, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>{entries}</channel></rss>'


def _photo(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (1200, 800), (40, 90, 140)).save(path, "JPEG")


def test_a_local_feed_gives_its_first_items_in_feed_order(served, tmp_path):
    feed, links, site = served
    out = str(tmp_path / "out")
    args = [feed, "--stories", "3", "--allow-private", "--out", out, "--lufs", "-16"]
    args += ["--max-age", "0", *TINY_FLAGS]  # the seals page is from 2024
    made = bulletin(*args)
    assert [s["source"] for s in made["segments"]] == links[:3]
    seals = made["segments"][0]
    assert seals["photo"]["credit"] == "Tom Reilly/Coastal Images"
    assert "Photos: Tom Reilly/Coastal Images" in made["credits"]["stories"][0]["lines"]
    lufs, _ = ebur128(Path(made["files"]["audio"]))
    assert abs(lufs - -16) < 1 and made["audio_lufs"] == -16
    again = bulletin(*args)
    assert again.get("unchanged") and again["version"] == 1
    # A new top story on the feed: the next version of the day's bulletin, the first kept.
    (site / "feed.xml").write_text(_rss([links[3], *links]))
    corrected = bulletin(*args)
    assert corrected["version"] == 2 and corrected["segments"][0]["source"] == links[3]
    assert (Path(out) / f"news-in-60-seconds-{DAY}" / "v1" / "manifest.json").is_file()


def test_stories_whose_leads_do_not_fit_are_left_out_whole(tmp_path):
    from dataclasses import replace

    from news60.bulletin.lineup import read_lineup
    from news60.bulletin.make import narrate_bulletin
    from news60.bulletin.models import Bulletin
    from news60.bulletin.segments import make_segments
    from news60.settings import load_settings
    from news60.sources import Entry
    from news60.video.theme import load_theme

    settings = load_settings()
    settings = replace(settings, script=replace(settings.script, seconds=30.0))
    settings = replace(settings, bulletin=replace(settings.bulletin, max_age=0.0))
    items, _ = read_lineup([Entry(str(p)) for p in FIVE], settings, 5, dt.date(2019, 11, 19))
    bulletin = Bulletin("Briefing", dt.date(2019, 6, 28), make_segments(items))
    fitted, narration = narrate_bulletin(bulletin, settings, load_theme(), tmp_path)
    assert 2 <= len(fitted.segments) < 5
    assert narration.duration <= 30 - 0.4 - 4.2
    left = [x.source for x in fitted.left_out]
    assert sorted(left) == sorted(str(p) for p in FIVE[len(fitted.segments) :])  # the last go first
    assert all("does not fit" in x.reason for x in fitted.left_out)
    for segment in fitted.segments:
        assert segment.text == " ".join(segment.units[: segment.said])  # whole units only
        assert segment.text.rstrip()[-1] in '.!?”"'


def test_the_clip_and_the_briefing_are_signed_after_their_chapters(five, signing):
    files = [five["files"]["clip"], five["files"]["audio"]]
    verdicts = json.loads(news60("verify", "--json", *files, env=signing).stdout)
    assert [v["state"] for v in verdicts] == ["valid", "valid"]
    assert verdicts[0]["source_type"] == "compositeSynthetic"
    assert verdicts[0]["work"]["headline"] == five["title"]
    assert len(mp4_chapters(Path(files[0]))) == 6  # five stories, the credits
    assert five["content_credentials"]["signer"] and five["disclosure"] == "AI voice"


def test_a_dry_run_youtube_post_lists_the_chapters_line_by_line(five):
    story = Path(five["files"]["clip"]).parent.parent  # OUT/<bulletin>/vN/clip.mp4
    result = news60("publish", str(story), "--to", "youtube", "--dry-run")
    assert result.returncode == 0, result.stderr
    resource = json.loads(result.stdout[result.stdout.index("{") :])
    text = resource["snippet"]["description"]
    assert text.startswith("\n".join(five["chapter_list"]))  # timestamps only if YouTube takes them
    assert resource["snippet"]["title"] == five["title"]
    assert resource["status"]["containsSyntheticMedia"] is True
