"""A bulletin segment's text: the story's topic kicker in the accent and its headline (the photo's
credit is the picture's own, as on every photo)."""

from __future__ import annotations

from news60.models import Slide
from news60.video.frame import Frame
from news60.video.sprites import Patch
from news60.video.textblock import TextBlock, label_patch, lines_block, single
from news60.video.typesetting import Face, family, fit_box, line_height

KICKER_SCALE = 1.3  # the topic pill a size up from other labels, as on the hook: it names the story


def segment_text(slide: Slide, frame: Frame) -> TextBlock:
    """The kicker pill and the headline under it.

    On a card the text starts at the top of the stage; under a photo shown whole it starts below
    the photo; over a full-bleed photo it sits low, just above the captions.
    """
    layout = frame.layout
    kicker = _kicker(slide.kicker, frame)
    if (photo_bottom := frame.photo_bottom) is not None:
        y = photo_bottom + layout.px(30)
        return _titles(slide.heading, frame, kicker, (y, frame.text_bottom))[0]
    top = layout.stage_top + (layout.px(200) if frame.on_photo else 0)
    return _titles(slide.heading, frame, kicker, (top, frame.text_bottom))[0]


def _titles(
    heading: str, frame: Frame, kicker: Patch | None, rows: tuple[int, int]
) -> tuple[TextBlock, float]:
    """The kicker over the headline within `rows`: from the top, or low over a full-bleed photo.
    Returns the block and the y below the headline."""
    layout = frame.layout
    top, bottom = rows
    above = kicker.size[1] + layout.px(24) if kicker else 0
    face, lines = _headline(heading, frame, (top + above, bottom))
    low = frame.on_photo and not frame.under_photo
    y = bottom - len(lines) * line_height(face, 1.12) if low else top + above
    text, below = lines_block(
        lines, face, (layout.left, y), frame.theme.colors["text"], shadow=frame.shadow
    )
    return _placed(kicker, layout.left, y - above) + text, below


def _headline(text: str, frame: Frame, rows: tuple[int, int]) -> tuple[Face, list[str]]:
    """The headline's face and balanced lines, key size down to caption size, within `rows`."""
    layout = frame.layout
    top, bottom = rows
    most = 3 if frame.on_photo else (5 if layout.tall else 4)
    size = frame.size("key") * (9 if frame.on_photo else 10) // 10
    return fit_box(
        text,
        family(frame.theme, "headline"),
        (layout.text_width, max(bottom - top, 1)),
        most,
        size,
        frame.size("caption"),
    )


def _kicker(text: str, frame: Frame) -> Patch | None:
    """The topic as a filled accent pill ("G20"), or nothing when the story has no topic."""
    if not text:
        return None
    return label_patch(text, frame.layout, frame.theme, (0, 0), filled=True, scale=KICKER_SCALE)


def _placed(patch: Patch | None, x: float, y: float) -> TextBlock:
    """The patch (drawn at the origin) moved to (x, y), as a block; nothing for no patch."""
    if patch is None:
        return TextBlock()
    return single(
        Patch(patch.x + round(x), patch.y + round(y), patch.premultiplied, patch.inverse_alpha)
    )
