"""The caption block: a fixed left edge and width, ending above the platforms' UI, a pill on the word."""

import numpy as np
import pytest

from news60.models import Cue, Word
from news60.video.captions import CaptionPainter
from news60.video.layout import Layout
from news60.video.theme import load_theme

LONG = "A much longer line of words that takes two lines"
CUES = [
    Cue(0, 1, "Short one", (Word("Short", 0, 0.5), Word("one", 0.5, 1))),
    Cue(
        1,
        2,
        "A much longer line of words\nthat takes two lines",
        tuple(Word(w, 1, 2) for w in LONG.split(" ")),
    ),
]


@pytest.mark.parametrize("size", [(1080, 1920), (1080, 1350), (1080, 1080), (1920, 1080)])
def test_every_cue_starts_at_one_left_edge_and_ends_above_the_bottom_ui(size):
    layout, theme = Layout(*size), load_theme()
    painter = CaptionPainter(layout, theme)
    edges, bottoms = set(), []
    for cue in CUES:
        frame = np.zeros((size[1], size[0], 3), np.uint8)
        painter.draw(frame, cue, None)
        ink = np.argwhere(frame.max(axis=-1) > 200)
        edges.add(round(ink[:, 1].min() / 6))  # the first letter's own side bearing aside
        bottoms.append(ink[:, 0].max())
    assert len(edges) == 1
    limit = 0.74 if size[1] / size[0] > 1.5 else 0.92
    assert max(bottoms) <= size[1] * limit


def test_the_spoken_word_sits_in_a_filled_accent_pill():
    layout, theme = Layout(1080, 1920), load_theme()
    painter = CaptionPainter(layout, theme)
    frame = np.zeros((1920, 1080, 3), np.uint8)
    painter.draw(frame, CUES[1], 2)  # "longer"
    pill = np.all(np.abs(frame.astype(int) - theme.colors["pill"][:3]) < 12, axis=-1)
    rows, cols = np.nonzero(pill)
    x, y, width = painter.word_boxes(CUES[1])[2]
    assert pill.sum() > 2000
    assert cols.min() < x < x + width < cols.max() and rows.min() <= y + 10
