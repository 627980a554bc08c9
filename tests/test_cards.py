"""Every kind of shot keeps its text inside the safe zone of every format, on one type scale."""

from typing import get_args

import numpy as np
import pytest

from news60.models import Slide, SlideKind
from news60.video.cards import text_block
from news60.video.frame import Frame
from news60.video.layout import Layout
from news60.video.plates import plate
from news60.video.theme import load_theme

LONG = (
    "Trump came face to face with Putin for the first time since the special counsel found "
    "extensive evidence of Russian interference in the 2016 US election and much more besides"
)
SIZES = [(1080, 1920), (1080, 1080), (1920, 1080), (1080, 1350)]
SLIDES = {
    "hook": Slide("hook", 0, 1, heading="Trump jokes to Putin", kicker="G20 · 28 JUNE 2019"),
    "hook-quote": Slide(
        "hook", 0, 1, heading="“Don’t meddle in the election, please.”", body="Trump"
    ),
    "hook-figure": Slide("hook", 0, 1, heading="Prices rise again", body="$2.5bn"),
    "key": Slide("key", 0, 1, heading=LONG),
    # A scene with no line of its own: the story's topic and date as the card's label.
    "key-label": Slide("key", 0, 1, kicker="MANHATTAN · 21 FEBRUARY 2019"),
    "quote": Slide("quote", 0, 1, heading=LONG, body="Donald Trump"),
    "figure": Slide("figure", 0, 1, heading="12.5%", body=LONG),
    "timeline": Slide(
        "timeline", 0, 1, heading="2016", body="2016\tUS election\n2018\tHelsinki summit\n2019\tG20"
    ),
    "photo": Slide("photo", 0, 1, heading=LONG),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(SLIDES))
def test_text_stays_left_of_the_buttons_and_above_the_captions(size, name):
    layout = Layout(*size)
    frame = Frame(layout, load_theme(), on_photo=name == "photo")
    block = text_block(SLIDES[name], frame)
    assert block.units
    for unit in block.units:
        width, height = unit.size
        ink = np.argwhere(unit.inverse_alpha[..., 0] < 200)  # where the unit actually draws
        top, left = ink.min(axis=0) + (unit.y, unit.x)
        bottom, right = ink.max(axis=0) + (unit.y, unit.x)
        assert left >= layout.left - layout.px(30) and right <= max(
            layout.right, layout.width - layout.left
        )
        assert top >= 0 and bottom <= frame.text_bottom + layout.px(10), (name, bottom)


def test_the_type_scale_never_sets_a_heading_smaller_than_the_captions():
    scale = load_theme().type
    assert scale.hook > scale.key >= scale.caption > scale.label
    assert scale.figure > scale.hook


def test_a_figure_card_shows_the_figure_big_in_the_accent_colour():
    theme, layout = load_theme(), Layout(1080, 1920)
    frame = np.zeros((1920, 1080, 3), np.uint8)
    text_block(SLIDES["figure"], Frame(layout, theme)).draw(frame, 1000, 1.0, theme.transitions, 0)
    accent = np.array(theme.colors["accent"][:3])
    band = frame[layout.stage_top : layout.stage_top + layout.px(260)]
    assert np.all(np.abs(band.astype(int) - accent) < 30, axis=-1).sum() > 20000


def test_a_custom_theme_changes_the_look(tmp_path):
    from news60.video.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text()
    text = text.replace('background_top = "#0b1d3a"', 'background_top = "#7a0010"')
    text = text.replace('"../', f'"{DEFAULT_THEME.parent.parent}/')  # keep fonts and music found
    text = text.replace("key = 0.078", "key = 0.06")
    theme_file = tmp_path / "brand.toml"
    theme_file.write_text(text)
    theme = load_theme(theme_file)
    layout = Layout(1080, 1920)
    ground = plate(layout, theme, "key", 0)
    assert np.abs(ground[2, 500].astype(int) - (0x7A, 0x00, 0x10)).max() <= 2
    assert theme.type.key == 0.06 and theme.type.caption == load_theme().type.caption


def test_a_broken_theme_names_the_file(tmp_path):
    from news60.errors import SettingsError

    broken = tmp_path / "broken.toml"
    broken.write_text("[brand]\nname = 'x'\n")
    with pytest.raises(SettingsError, match="broken.toml is incomplete"):
        load_theme(broken)


def test_an_unknown_theme_key_is_named(tmp_path):
    from news60.errors import SettingsError
    from news60.video.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text().replace("[motion]", "[motion]\nspeed = 2")
    text = text.replace('"../', f'"{DEFAULT_THEME.parent.parent}/')
    (tmp_path / "odd.toml").write_text(text)
    with pytest.raises(SettingsError, match="unknown key 'speed'"):
        load_theme(tmp_path / "odd.toml")


@pytest.mark.parametrize("kind", ["key", "photo"])
def test_a_scene_without_a_heading_shows_only_its_captions(kind):
    frame = Frame(Layout(1080, 1920), load_theme(), on_photo=kind == "photo")
    assert not text_block(Slide(kind, 0, 1, heading=""), frame).units


def test_every_end_card_text_reads_at_four_and_a_half_to_one():
    from news60.models import Slide as EndSlide
    from news60.video.contrast import contrast
    from news60.video.endcard import card_grounds

    theme, layout = load_theme(), Layout(1080, 1920)
    slide = EndSlide("end", 0, 3, heading="news60", body="Reporting\nAFP\nPhotos\nJo Bloggs/AP")
    block = text_block(slide, Frame(layout, theme))
    colours = set()
    # The logo comes first: a logotype has no contrast requirement (WCAG 1.4.3), its text does.
    for unit in block.units[1 if theme.logo else 0 :]:
        alpha = 255 - unit.inverse_alpha[..., 0].astype(int)
        solid = alpha > 250  # the letters' cores: their colour, unblended
        if solid.any():
            colours.add(tuple(int(v) for v in unit.premultiplied[solid][0]))
    assert len(colours) >= 2  # the section names' tint and the names
    for colour in colours:
        for ground in card_grounds(theme):
            assert contrast(colour, ground) >= 4.5, (colour, ground)


def test_every_kind_of_slide_has_its_text():
    frame = Frame(Layout(1080, 1920), load_theme())
    for kind in get_args(SlideKind):
        text_block(Slide(kind, 0, 1, heading="Bridge opens", body="Jo Roe"), frame)
