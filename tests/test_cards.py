"""Designed cards keep their text above the caption zone in every format."""

import numpy as np
import pytest

from news60.models import Slide
from news60.video.cards import backdrop, draw_card, key_figure
from news60.video.layout import Layout
from news60.video.theme import load_theme

LONG = (
    "Trump came face to face with Putin for the first time since the special counsel found "
    "extensive evidence of Russian interference in the 2016 US election and much more besides"
)
SIZES = [(1080, 1920), (1080, 1080), (1920, 1080), (1080, 1350)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize(
    "slide",
    [
        Slide("title", 0, 1, heading=LONG, body="28 June 2019"),
        Slide("scene", 0, 1, heading=LONG),
        Slide("scene", 0, 1, heading=f"“{LONG}” — Donald Trump"),
        Slide("scene", 0, 1, heading=f"Prices rose 12.5% as {LONG}"),
    ],
    ids=["title", "headline", "quote", "fact"],
)
def test_card_text_stays_above_the_captions(size, slide):
    theme = load_theme()
    layout = Layout(*size)
    card = np.asarray(draw_card(slide, layout, theme, number="2 / 7"))
    ground = np.asarray(backdrop(layout, theme).convert("RGB"))
    below = slice(layout.heading_bottom + layout.px(10), layout.caption_bottom)
    assert np.array_equal(card[below], ground[below])
    above = slice(layout.heading_top, layout.heading_bottom)
    assert not np.array_equal(card[above], ground[above])


def test_figures_worth_a_card_are_money_shares_and_large_counts_not_years():
    assert key_figure("Over 5,000 readers gave") == "5,000"
    assert key_figure("a $2.5bn deal") == "$2.5bn"
    assert key_figure("Prices rose 3.5% in May") == "3.5%"
    assert key_figure("12 million doses") == "12 million"
    assert key_figure("the 2016 US election") is None


def test_a_fact_card_shows_the_figure_big_in_the_accent_colour():
    theme, layout = load_theme(), Layout(1080, 1920)
    card = np.asarray(
        draw_card(Slide("scene", 0, 1, heading="Prices rose 12.5% in May"), layout, theme)
    )
    accent = np.array(theme.colors["accent"][:3])
    band = card[layout.heading_top : layout.heading_top + layout.px(240)]
    assert np.all(np.abs(band.astype(int) - accent) < 30, axis=-1).sum() > 5000


def test_a_custom_theme_changes_the_look(tmp_path):
    from news60.video.theme import DEFAULT_THEME

    text = DEFAULT_THEME.read_text()
    text = text.replace('background_top = "#0b1d3a"', 'background_top = "#7a0010"')
    text = text.replace('logo = "../logo.png"', 'logo = ""').replace(
        'name = "news60"', 'name = "Daily Ledger"'
    )
    text = text.replace('"../', f'"{DEFAULT_THEME.parent.parent}/')  # keep fonts and music found
    theme_file = tmp_path / "brand.toml"
    theme_file.write_text(text)
    theme = load_theme(theme_file)
    assert theme.brand == "Daily Ledger" and theme.logo is None
    layout = Layout(1080, 1920)
    card = np.asarray(draw_card(Slide("title", 0, 1, heading="Headline"), layout, theme))
    # The top of the gradient is the theme's colour (within a level of rounding).
    assert np.abs(card[2, layout.width - 3].astype(int) - (0x7A, 0x00, 0x10)).max() <= 2
    default = np.asarray(draw_card(Slide("title", 0, 1, heading="Headline"), layout, load_theme()))
    brand_area = (
        slice(layout.top, layout.top + layout.px(64)),
        slice(layout.left, layout.left + 400),
    )
    assert not np.array_equal(card[brand_area], default[brand_area])


def test_a_broken_theme_names_the_file(tmp_path):
    from news60.errors import SettingsError

    broken = tmp_path / "broken.toml"
    broken.write_text("[brand]\nname = 'x'\n")
    with pytest.raises(SettingsError, match="broken.toml is incomplete"):
        load_theme(broken)


def test_a_caption_ending_in_an_ellipsis_keeps_big_type():
    from news60.video.typesetting import fit_box

    theme, layout = load_theme(), Layout(1080, 1920)
    text = "Trump came face to face with Putin for the first time since the counsel…"
    face, lines = fit_box(text, theme.fonts["headline"], (layout.text_width, 700), 5, 84, 44)
    assert face.size >= 70 and " ".join(lines) == text
