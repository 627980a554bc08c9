"""The clip's thumbnail: its title card as a JPEG, landscape when the clip has a 16:9 version."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from news60.atomic import writing
from news60.models import Slide
from news60.video.cards import draw_card
from news60.video.formats import Format
from news60.video.layout import Layout
from news60.video.theme import Theme

LANDSCAPE = (1280, 720)  # what YouTube and link previews ask for


def thumbnail_size(formats: Sequence[Format]) -> tuple[int, int]:
    """1280x720 when a 16:9 clip is made, else the first clip's frame size."""
    if any(fmt.name == "16:9" for fmt in formats):
        return LANDSCAPE
    return formats[0].size


def write_thumbnail(title: Slide, theme: Theme, size: tuple[int, int], dest: Path) -> Path:
    """Draw the title card at `size` and save it as a JPEG, atomically."""
    image = draw_card(title, Layout(*size), theme)
    with writing(dest) as partial:
        image.save(partial, "JPEG", quality=90, optimize=True)
    return dest
