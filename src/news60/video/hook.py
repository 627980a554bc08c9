"""The hook's text: the topic kicker, a key figure when there is one, the hook line word by word."""

from __future__ import annotations

from news60.models import Slide
from news60.video.frame import Frame
from news60.video.sprites import Patch
from news60.video.textblock import (
    TextBlock,
    label_patch,
    line_patch,
    single,
    strap_patch,
    words_block,
)
from news60.video.typesetting import family, fit_box, fit_text, line_height


def hook_text(slide: Slide, frame: Frame) -> TextBlock:
    """The kicker, a key figure when there is one, then the hook line word by word.

    Over a photo the text sits low, above the captions; on a card it starts under the kicker.
    A quote hook ends with the speaker's strap.
    """
    layout = frame.layout
    quote = slide.body if slide.heading.startswith("“") else ""
    pill, source = kicker_parts(slide.kicker)
    kicker = _kicker(pill, frame)
    gap = layout.px(30)
    top = layout.stage_top + (kicker.size[1] + gap if kicker else 0)
    figure, top = _figure("" if quote else slide.body, frame, top)
    bottom = frame.text_bottom - (layout.px(100) if quote else 0)
    # On a card the plate's big mark opens the quote; over a photo the text keeps its own.
    line = slide.heading[1:] if quote and not frame.on_photo else slide.heading
    words, y = _line(line, frame, top, bottom)
    block = figure + words
    if quote:
        below = max(u.y + u.size[1] for u in words.units)
        block += single(strap_patch(quote, layout, frame.theme, (layout.left, below)))
    if kicker:
        at = y - kicker.size[1] - gap if frame.on_photo else layout.stage_top
        block = single(Patch(layout.left, at, kicker.premultiplied, kicker.inverse_alpha)) + block
        block = _source(source, frame, layout.left, at) + block
    return block


def kicker_parts(kicker: str) -> tuple[str, str]:
    """The hook's kicker as (topic and date for the pill, the outlet beside it)."""
    pill, _, source = kicker.partition("\t")
    return pill, source


def _source(source: str, frame: Frame, x: int, pill_top: int) -> TextBlock:
    """The outlet in small capitals just above the kicker pill."""
    if not source:
        return TextBlock()
    face, lines = fit_text(
        source.upper(),
        family(frame.theme, "headline"),
        frame.layout.text_width,
        1,
        frame.size("label"),
        frame.size("label") * 3 // 4,
    )
    top = pill_top - line_height(face, 1.3) - frame.layout.px(8)
    return single(
        line_patch(lines[0], face, x, top, frame.theme.colors["text"], shadow=frame.shadow)
    )


def _figure(figure: str, frame: Frame, top: int) -> tuple[TextBlock, int]:
    """The key figure huge in the accent colour at `top`; returns it and the y below it."""
    if not figure:
        return TextBlock(), top
    layout, theme = frame.layout, frame.theme
    big, _ = fit_text(
        figure,
        family(theme, "headline"),
        layout.text_width,
        1,
        frame.size("figure"),
        frame.size("key"),
    )
    patch = line_patch(figure, big, layout.left, top, theme.colors["accent"], shadow=frame.shadow)
    return single(patch), top + line_height(big, 1.0) + layout.px(20)


def _line(text: str, frame: Frame, top: int, bottom: int) -> tuple[TextBlock, int]:
    """The hook line between `top` and `bottom`, word by word: low over a photo, else at the top."""
    layout = frame.layout
    face, lines = fit_box(
        text,
        family(frame.theme, "headline"),
        (layout.text_width, bottom - top),
        4,
        frame.size("hook"),
        frame.size("caption"),
    )
    y = bottom - len(lines) * line_height(face, 1.08) if frame.on_photo else top
    words, _ = words_block(
        lines, face, (layout.left, y), frame.theme.colors["text"], shadow=frame.shadow
    )
    return words, y


def _kicker(text: str, frame: Frame) -> Patch | None:
    """The hook's topic and date label: a filled pill a size up from other labels."""
    if not text:
        return None
    return label_patch(text, frame.layout, frame.theme, (0, 0), filled=True, scale=1.3)
