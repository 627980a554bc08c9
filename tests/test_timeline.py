"""The shot list: a hook by 2 s, cuts on the first word of a scene, cards changing every 3-5 s,
the quote card while the quote is said, a timeline when dates are said, the end card."""

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from news60.models import Narration, Photo, QuoteCard, Reporting, Scene, Script, SpokenSentence
from news60.speech.timing import apportion
from news60.video.theme import load_theme
from news60.video.timeline import display_date, kicker_text, plan_timeline

QUOTE = "“This is the most important decision we have made in a generation,” council leader Jane Doe said."
TEXTS = [
    "The city council has approved a £2.5bn bridge across the river, ending a decade of delays at the G20 site.",
    "Plans were first drawn up in 2014, but a public inquiry in 2017 sent them back to the drawing board.",
    QUOTE,
    "Work starts in spring at the G20 site and should take four years, officials said, after a long wait.",
]
CAPTIONS = [
    "Council approves £2.5bn bridge",
    "The plans go back to 2014",
    QuoteCard("This is the most important decision we have made in a generation", "Jane Doe"),
    "Work starts in spring and should take four years",
]


def story(photo: str | None = None) -> tuple[Script, Narration]:
    scenes = tuple(
        Scene(text, caption, Photo(photo, "c", "Ann Lee/AP") if photo and i == 3 else None)
        for i, (text, caption) in enumerate(zip(TEXTS, CAPTIONS, strict=True))
    )
    script = Script(
        "Council approves £2.5bn bridge after a decade of delays",
        scenes,
        photos=(Photo(None, "c", "Bo Sun via PA Images"),),
        reporting=Reporting(agencies=("AFP",)),
        published="2024-03-12",
    )
    sentences, t = [], 0.0
    for i, text in enumerate(TEXTS):
        d = len(text.split()) * 0.4
        sentences.append(SpokenSentence(text, i, t, t + d, apportion(text.split(), t, t + d)))
        t += d + 0.6
    return script, Narration(Path("n.wav"), t, tuple(sentences), "v", 22050)


def timeline(photo=None, size=(160, 284)):
    script, narration = story(photo)
    return plan_timeline(script, narration, load_theme(), size=size, fps=30, audio=Path("a.wav"))


def test_shots_run_back_to_back_from_the_hook_to_the_end_card():
    slides = timeline().slides
    assert slides[0].kind == "hook" and slides[-1].kind == "end"
    assert slides[0].start == 0
    for earlier, later in zip(slides, slides[1:], strict=False):
        assert earlier.end == pytest.approx(later.start) and earlier.start < earlier.end


def test_the_hook_changes_by_two_seconds_and_names_topic_and_date():
    hook = timeline().slides[0]
    assert hook.end <= 2.0 and len(hook.heading.split()) <= 7
    assert hook.kicker == "G20 · 12 MARCH 2024"
    # No photos: the story in words gives the key figure with what it counts, shown once.
    assert "£2.5bn bridge" in hook.heading and not hook.body


def test_the_hook_is_a_photo_with_a_face_when_there_is_one(tmp_path):
    data = pytest.importorskip("skimage.data")
    Image.fromarray(data.astronaut()).save(tmp_path / "face.jpg")
    hook = timeline(str(tmp_path / "face.jpg")).slides[0]
    assert hook.photo is not None and hook.photo.src.endswith("face.jpg")


def test_each_scene_cuts_in_on_its_first_word_with_a_push():
    plan = timeline()
    script, narration = story()
    for scene in range(1, len(TEXTS)):
        first = next(s for s in plan.slides if s.scene == scene)
        spoken = load_theme().lead_in + narration.sentences[scene].words[0].start
        assert first.start == pytest.approx(spoken) and first.entry == "push"


def test_cards_change_every_three_to_five_seconds():
    slides = [s for s in timeline().slides if s.kind not in ("hook", "end")]
    for slide in slides[:-1]:
        assert 1.2 <= slide.end - slide.start <= 5.5, slide


def test_the_quote_card_is_on_screen_while_the_quote_is_said():
    plan = timeline()
    script, narration = story()
    words = narration.sentences[2].words
    offset = load_theme().lead_in
    for word in words[:11]:  # the quoted words
        at = word.start + offset + 0.01
        slide = next(s for s in plan.slides if s.start <= at < s.end)
        assert slide.kind == "quote" and slide.body == "Jane Doe"


def test_a_figure_and_a_timeline_card_come_when_they_are_said():
    plan = timeline()
    kinds = [s.kind for s in plan.slides]
    assert "timeline" in kinds
    # The hook's line gives the figure, so no figure card gives it again.
    assert "figure" not in kinds and "£2.5bn" in plan.slides[0].heading
    script, narration = story()
    untitled = replace(script, title="Council decides on the river crossing")
    plan = plan_timeline(
        untitled, narration, load_theme(), size=(160, 284), fps=30, audio=Path("a")
    )
    assert plan.slides[0].body == "£2.5bn bridge"  # the figure with what it counts, never bare
    assert "figure" not in [s.kind for s in plan.slides]  # and not a second time
    line = next(s for s in plan.slides if s.kind == "timeline")
    assert [row.split("\t")[0] for row in line.body.split("\n")] == [
        "2014",
        "2017",
        "12 March 2024",
    ]
    assert line.body.endswith("\tThis report") and line.heading == "2014"


def test_a_photo_scene_gets_a_new_framing_every_few_seconds(tmp_path):
    Image.new("RGB", (900, 1600), "red").save(tmp_path / "p.jpg")
    shots = [s for s in timeline(str(tmp_path / "p.jpg")).slides if s.kind == "photo"]
    assert len(shots) >= 2 and len({s.framing for s in shots}) == len(shots)
    assert all(2.0 <= s.end - s.start <= 4.5 for s in shots[:-1])


def test_the_end_card_credits_the_photos_shown_and_the_reporting(tmp_path):
    Image.new("RGB", (900, 1600), "red").save(tmp_path / "p.jpg")
    end = timeline(str(tmp_path / "p.jpg")).slides[-1]
    for name in ("Ann Lee/AP", "AFP"):
        assert name in end.body
    assert "Bo Sun" not in end.body  # credited by the source, but never on screen
    assert end.kicker == "12 March 2024"


def test_the_disclosure_flag_and_notes_reach_the_timeline(tmp_path):
    Image.new("RGB", (300, 500), "red").save(tmp_path / "small.jpg")
    script, narration = story(str(tmp_path / "small.jpg"))
    plan = plan_timeline(
        script,
        narration,
        load_theme(),
        size=(1080, 1920),
        fps=30,
        audio=Path("a"),
        synthetic_voice=False,
    )
    assert plan.synthetic_voice is False
    assert any("small.jpg is shown at" in note for note in plan.notes)


def test_the_kicker_is_never_a_generic_label():
    script, _ = story()
    assert kicker_text(script) == "G20 · 12 MARCH 2024"
    bare = Script("Seven secrets of hotels", (Scene("They never tell.", "x"),))
    assert kicker_text(bare) == ""


def test_dates_read_naturally():
    assert display_date("2019-06-28T09:30:00Z") == "28 June 2019"
    assert display_date("2019-06-05") == "5 June 2019"
    assert display_date("last Tuesday") == "last Tuesday"
    assert display_date(None) == ""


def test_a_first_scene_said_within_the_hook_leaves_no_overlap():
    texts = ["Hi there.", "Then a much longer second sentence follows here."]
    spoken = (
        SpokenSentence(texts[0], 0, 0.0, 0.8, apportion(texts[0].split(), 0.0, 0.8)),
        SpokenSentence(texts[1], 1, 1.0, 4.0, apportion(texts[1].split(), 1.0, 4.0)),
    )
    script = Script("Headline here", (Scene(texts[0], "Hi"), Scene(texts[1], "Then")))
    narration = Narration(Path("n.wav"), 4.0, spoken, "v", 22050)
    slides = plan_timeline(
        script, narration, load_theme(), size=(160, 284), fps=30, audio=Path("a")
    ).slides
    assert [s.kind for s in slides] == ["hook", "key", "end"]
    assert slides[0].end == slides[1].start == pytest.approx(load_theme().lead_in + 1.0)


def test_captions_give_way_while_a_card_shows_the_words_and_the_subtitles_keep_them():
    from news60.video.cues import to_srt
    from news60.video.review import empty_seconds, repeated_lines

    plan = timeline()
    quote = next(s for s in plan.slides if s.kind == "quote")
    during = [c for c in plan.cues if quote.start <= c.start < quote.end]
    assert any(not c.shown for c in during)  # the quote is read once, in the card's type
    assert any(c.shown for c in plan.cues)
    subtitles = " ".join(to_srt(plan.cues).split())
    assert "most important decision" in subtitles  # every word stays in the subtitles
    assert repeated_lines(plan) == [] and empty_seconds(plan) == 0


def test_a_key_line_over_a_photo_comes_once_its_words_are_said(tmp_path):
    Image.new("RGB", (900, 1600), "red").save(tmp_path / "p.jpg")
    plan = timeline(str(tmp_path / "p.jpg"))
    shots = [s for s in plan.slides if s.kind == "photo"]
    assert not shots[0].heading and shots[-1].heading == CAPTIONS[3]
    saying = [c for c in plan.cues if c.start < shots[0].end and "Work" in c.text]
    assert saying and all(c.shown for c in saying)  # the captions run: the photo is the picture


def test_the_hook_names_the_outlet_and_never_guesses_a_date():
    script, narration = story()
    script = replace(script, source_url="https://www.example.com/news/bridge", published=None)
    plan = plan_timeline(script, narration, load_theme(), size=(160, 284), fps=30, audio=Path("a"))
    assert plan.slides[0].kicker == "G20\texample.com"  # the topic, no date, the outlet
    assert plan.slides[-1].kicker == ""  # an undated story's end card shows no date
