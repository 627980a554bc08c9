"""The bulletin's shot list on the video's slide kinds: the top story from the first frame with the
day's date in its kicker, each story's kicker, headline and photo (or a card) from its first word,
a push into every later story, the closing credits; chapters per story; and the segment's text
drawn and read back from a real frame."""

import datetime as dt
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from news60.bulletin.fitting import narration_script
from news60.bulletin.models import Bulletin, Item, Segment
from news60.bulletin.timeline import chapters, plan_bulletin
from news60.models import Article, Canvas, Narration, Photo, Reporting, SpokenSentence
from news60.speech.timing import apportion
from news60.video.compositor import Compositor
from news60.video.theme import load_theme

LEADS = [
    "Leaders of the G20 met in Osaka on Friday to talk about trade, climate and the global economy.",
    "The Taliban freed two hostages held for three years, officials said after talks in Qatar.",
]


def bulletin(photo: str | None = None) -> Bulletin:
    segments = []
    for i, (lead, kicker) in enumerate(zip(LEADS, ["G20", "Taliban"], strict=True)):
        article = Article(
            f"Story {i} headline: leaders meet for talks",
            (lead,),
            reporting=Reporting(authors=(f"Jane Doe{i}",), agencies=("AFP",)),
        )
        shown = Photo(photo, "a caption", "Ann Lee/AP") if photo and i == 0 else None
        segments.append(Segment(Item(f"s{i}.txt", article), kicker, (lead,), shown))
    return Bulletin("News in 60 seconds", dt.date(2019, 6, 28), tuple(segments))


def narration(made: Bulletin, voice: str = "piper:en_US-joe-medium") -> Narration:
    sentences, t = [], 0.0
    for scene, s in enumerate(narration_script(made).scenes):
        d = len(s.text.split()) * 0.4
        sentences.append(
            SpokenSentence(s.text, scene, t, t + d, apportion(s.text.split(), t, t + d))
        )
        t += d + 0.7
    return Narration(Path("n.wav"), t, tuple(sentences), voice, 22050)


def plan(photo=None, size=(360, 640), **kw):
    made = bulletin(photo)
    canvas = Canvas(size, 10, Path("a.wav"), **kw)
    return made, plan_bulletin(made, narration(made), load_theme(), canvas)


def test_the_top_story_opens_each_story_and_the_credits_run_back_to_back():
    made, timeline = plan()
    slides = timeline.slides
    assert slides[0].kind == "segment" and slides[-1].kind == "end"
    assert slides[0].start == 0.0 and slides[0].entry == "cut"  # no ident, nothing to push from
    assert slides[0].kicker == "Friday, 28 June · G20"  # the day's date, then the topic
    for earlier, later in zip(slides, slides[1:], strict=False):
        assert earlier.end == pytest.approx(later.start) and earlier.start < earlier.end
    stories = slides[:-1]
    assert {s.kind for s in stories} == {"segment"}
    for scene, segment in enumerate(made.segments):
        shots = [s for s in stories if s.scene == scene]
        assert shots[0].entry == ("cut" if scene == 0 else "push")
        assert all(s.heading == segment.headline for s in shots)
        kicker = "Friday, 28 June · G20" if scene == 0 else segment.kicker
        assert all(s.kicker == kicker for s in shots)  # the same text over every framing
        # A card changes its framing at least every 5 s, as in a single story's clip.
        assert all(s.end - s.start <= 5.0 for s in shots)


def test_chapters_are_each_story_from_its_first_word_and_the_credits():
    made, timeline = plan()
    marks = chapters(made, timeline)
    assert [c.title for c in marks] == [
        "G20: Story 0 headline: leaders meet for talks",
        "Taliban: Story 1 headline: leaders meet for talks",
        "Credits",
    ]
    said = narration(made)
    assert marks[0].start == 0.0
    assert marks[1].start == pytest.approx(timeline.narration_offset + said.scene_span(1)[0])
    assert [m.end for m in marks[:-1]] == pytest.approx([m.start for m in marks[1:]])


def test_the_closing_card_credits_organisations_first_in_a_few_lines():
    _, timeline = plan()
    assert timeline.slides[-1].body == "Reporting: AFP, Jane Doe0, Jane Doe1"
    assert timeline.slides[-1].kicker == "28 June 2019"


def test_a_story_photo_is_shown_when_it_fits_and_a_recorded_voice_is_not_disclosed(tmp_path):
    Image.new("RGB", (720, 1280), "red").save(tmp_path / "p.jpg")
    _, timeline = plan(str(tmp_path / "p.jpg"), synthetic_voice=False)
    first = [s for s in timeline.slides if s.scene == 0]
    assert all(s.photo and s.photo.credit == "Ann Lee/AP" for s in first)
    assert all(s.photo is None for s in timeline.slides if s.scene == 1)
    assert timeline.synthetic_voice is False


def test_a_photo_too_small_for_the_frame_gives_a_card_and_a_note(tmp_path):
    Image.new("RGB", (90, 160), "red").save(tmp_path / "tiny.jpg")
    _, timeline = plan(str(tmp_path / "tiny.jpg"), size=(1080, 1920))
    assert all(s.photo is None for s in timeline.slides)
    assert any("tiny.jpg" in note for note in timeline.notes)


def read(frame: np.ndarray, folder: Path) -> str:
    """What tesseract reads in the frame, as dark text on light: it skips white on a coloured pill."""
    path = folder / "frame.png"
    ImageOps.invert(Image.fromarray(frame).convert("L")).save(path)
    result = subprocess.run(
        ["tesseract", str(path), "-", "--psm", "3"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_a_segment_frame_shows_kicker_headline_and_photo_credit(tmp_path):
    Image.new("RGB", (720, 1280), (40, 90, 140)).save(tmp_path / "p.jpg")
    _, timeline = plan(str(tmp_path / "p.jpg"))
    compositor = Compositor(timeline, load_theme())
    for scene, credited in ((0, True), (1, False)):
        shots = [s for s in timeline.slides if s.scene == scene]
        # Mid-story: the text has built in (transitions count frames: slow at 10 fps).
        shown = read(compositor.frame_at((shots[0].start + shots[-1].end) / 2), tmp_path)
        assert ("G20" if scene == 0 else "TALIBAN") in shown.upper(), shown
        assert f"Story {scene} headline" in shown, shown
        assert ("Ann Lee/AP" in shown) is credited, shown


def test_five_stories_credits_stay_as_large_as_two_and_above_the_captions():
    from news60.video.cards import text_block
    from news60.video.frame import Frame
    from news60.video.layout import Layout

    theme, layout = load_theme(), Layout(1080, 1920)
    two = plan(size=(1080, 1920))[1].slides[-1]
    lines = [f"STORY {i}\nReporting: Jane Doe{i}, Sam Roe{i}, AFP" for i in range(5)]
    lines[::2] = [f"{line}\nPhotos: Ann Lee/AP" for line in lines[::2]]  # 13 lines in all
    five = replace(two, body="\n".join(lines))
    blocks = [text_block(s, Frame(layout, theme)) for s in (two, five)]
    assert len(blocks[1].units) > len(blocks[0].units) + 8
    smallest = [min(u.size[1] for u in b.units) for b in blocks]
    assert smallest[1] == smallest[0]  # the lockup made room; the credits did not shrink
    assert max(u.y + u.size[1] for u in blocks[1].units) <= layout.caption_bottom
