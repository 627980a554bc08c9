"""Covers: the strongest picture with a three-to-six word line in the middle of the frame.

The line sits inside the frame's central square, so the 3:4 and 1:1 crops of profile grids keep it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PIL import Image

from news60.atomic import writing
from news60.models import Timeline
from news60.video.endcard import brand_bug
from news60.video.formats import Format
from news60.video.frame import Frame
from news60.video.hook import kicker_parts
from news60.video.layout import Layout
from news60.video.photos import inspect_photo
from news60.video.pictures import card_picture, cover_picture, faces_in_view, with_shade
from news60.video.sprites import Patch
from news60.video.textblock import TextBlock, label_patch, lines_block, single
from news60.video.theme import Theme
from news60.video.typesetting import family, fit_text, line_height
from news60.video.typography import cover_line

LANDSCAPE = (1280, 720)  # what YouTube and link previews ask for
COVER_FOCUS = 0.2  # where a face sits in a square or landscape cover, clear of the middle line
Box = tuple[int, int, int, int]  # x, y, width, height


def thumbnail_size(formats: Sequence[Format]) -> tuple[int, int]:
    """1280x720 when a 16:9 clip is made, else the first clip's frame size."""
    if any(fmt.name == "16:9" for fmt in formats):
        return LANDSCAPE
    return formats[0].size


def draw_cover(timeline: Timeline, theme: Theme, size: tuple[int, int]) -> Image.Image:
    """The hook's picture at `size`, its first frame, with the cover line centred on it."""
    layout = Layout(*size)
    hook = timeline.slides[0]
    info = inspect_photo(hook.photo.src) if hook.photo and hook.photo.src else None
    text = _cover_text(cover_line(hook.heading), kicker_parts(hook.kicker)[0], layout, theme)
    if info is not None:
        # The line crosses the middle: the face goes above it, most of all in square frames.
        focus_y = layout.focus_y if layout.tall else COVER_FOCUS
        picture = cover_picture(replace(hook, end=hook.start + 2.0), info, layout, theme, focus_y)
        text = below_faces(text, faces_in_view(picture, info, 0.0), layout)
        top = min(u.y for u in text.units)
        bottom = max(u.y + u.size[1] for u in text.units)
        picture = with_shade(picture, (top, bottom), layout, theme)
    else:
        kind = "hook-quote" if hook.heading.startswith("“") else "key"
        picture = card_picture(replace(hook, end=hook.start + 2.0), layout, theme, kind)
    frame = picture.draw(0.0)
    text.draw(frame, 10_000, 1.0, theme.transitions, 0)
    brand_bug(layout, theme).blend_onto(frame)
    return Image.fromarray(frame)


def below_faces(text: TextBlock, faces: list[Box], layout: Layout) -> TextBlock:
    """The cover's text moved down clear of the faces it would cross, when the frame has room
    below them (in a tall cover, inside the central square that grid crops keep); else where it
    was (the line matters more than the chin)."""
    boxes = [(u.x, u.y, *u.size) for u in text.units]
    crossed = [f for f in faces if any(_meets(f, box) for box in boxes)]
    if not crossed:
        return text
    top, bottom = min(b[1] for b in boxes), max(b[1] + b[3] for b in boxes)
    shift = max(f[1] + f[3] for f in crossed) + layout.px(24) - top
    limit = (layout.height + layout.width) // 2 if layout.tall else layout.height - layout.px(40)
    if bottom + shift > limit:
        return text
    units = tuple(Patch(u.x, u.y + shift, u.premultiplied, u.inverse_alpha) for u in text.units)
    return TextBlock(units, text.order)


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _cover_text(line: str, kicker: str, layout: Layout, theme: Theme) -> TextBlock:
    """The line big, centred in the frame's middle, the kicker above it."""
    frame = Frame(layout, theme, on_photo=True)
    # Inside the central square of a vertical cover (what 1:1 and 3:4 grid crops keep).
    width = min(layout.width, layout.height) - 2 * layout.left if layout.tall else layout.text_width
    face, lines = fit_text(
        line, family(theme, "headline"), width, 3, frame.size("hook") * 13 // 10, frame.size("key")
    )
    height = len(lines) * line_height(face, 1.08)
    y = (layout.height - height) // 2
    block = TextBlock()
    if kicker:
        probe = label_patch(kicker, layout, theme, (0, 0), filled=True)
        at = ((layout.width - probe.size[0]) / 2, y - probe.size[1] - layout.px(24))
        block += single(label_patch(kicker, layout, theme, at, filled=True))
    for text in lines:
        x = (layout.width - face.getlength(text)) / 2
        unit, _ = lines_block([text], face, (x, y), theme.colors["text"], shadow=frame.shadow)
        block += unit
        y += line_height(face, 1.08)
    return block


def write_thumbnail(timeline: Timeline, theme: Theme, size: tuple[int, int], dest: Path) -> Path:
    """Draw the cover at `size` and save it as a JPEG, atomically."""
    image = draw_cover(timeline, theme, size)
    with writing(dest) as partial:
        image.save(partial, "JPEG", quality=90, optimize=True)
    return dest
