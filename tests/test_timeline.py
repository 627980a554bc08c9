from pathlib import Path

from news60.models import Narration, Photo, Reporting, Scene, Script, SpokenSentence
from news60.video.theme import load_theme
from news60.video.timeline import display_date, plan_timeline

SCRIPT = Script(
    "Headline",
    (Scene("One. Two.", "First"), Scene("Three.", "Second", Photo("p.jpg", "c", "Ann Lee/AP"))),
    photos=(Photo(None, "c", "Bo Sun via PA Images"),),
    reporting=Reporting(agencies=("AFP",)),
    published="2019-06-28",
)
SENTENCES = (
    SpokenSentence("One.", 0, 0.0, 2.0),
    SpokenSentence("Two.", 0, 2.4, 5.0),
    SpokenSentence("Three.", 1, 5.7, 8.0),
)


def timeline():
    narration = Narration(Path("n.wav"), 8.2, SENTENCES, "v", 48000)
    return plan_timeline(
        SCRIPT, narration, load_theme(), size=(160, 284), fps=10, audio=Path("a.wav")
    )


def test_slides_run_title_scenes_credits_without_gaps():
    slides = timeline().slides
    assert [s.kind for s in slides] == ["title", "scene", "scene", "credits"]
    assert slides[0].start == 0
    for earlier, later in zip(slides, slides[1:], strict=False):
        assert earlier.end == later.start and earlier.start < earlier.end


def test_scene_slides_follow_the_voice_and_credits_close_the_clip():
    plan, theme = timeline(), load_theme()
    assert plan.slides[2].start == theme.lead_in + 5.7
    assert plan.duration == round(theme.lead_in + 8.2 + theme.end_card, 3)
    assert plan.slides[-1].end == plan.duration


def test_credits_card_names_the_photos_shown_and_the_reporting():
    body = timeline().slides[-1].body
    for name in ("Ann Lee/AP", "AFP"):
        assert name in body
    assert "Bo Sun" not in body  # credited by the source, but never on screen


def test_title_card_carries_the_headline_and_a_readable_date():
    title = timeline().slides[0]
    assert (title.heading, title.body) == ("Headline", "28 June 2019")


def test_dates_read_naturally():
    assert display_date("2019-06-28T09:30:00Z") == "28 June 2019"
    assert display_date("2019-06-05") == "5 June 2019"
    assert display_date("last Tuesday") == "last Tuesday"
    assert display_date(None) == ""
