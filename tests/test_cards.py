"""Designed cards keep their text above the caption zone in every format."""

import numpy as np
import pytest

from news60.models import Slide
from news60.video.cards import backdrop, draw_card
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
    ],
    ids=["title", "headline", "quote"],
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
