"""The end card (a centred logo lockup, the follow line, source and date, credits, the disclosure)
and the small brand logo on every other shot."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from news60.models import Slide
from news60.video.contrast import legible, over
from news60.video.frame import Frame
from news60.video.layout import Layout
from news60.video.sprites import Patch
from news60.video.textblock import TextBlock, line_patch, single
from news60.video.theme import Theme
from news60.video.typesetting import Face, Ink, draw_text, family, fit_text, font, line_height


def end_text(slide: Slide, frame: Frame) -> TextBlock:
    """A centred lockup: logo, follow line, source and date, the credits, the disclosure.

    Credits too many for the label size (a bulletin's five stories) move the lockup up, smaller.
    """
    layout = frame.layout
    lines = [line for line in slide.body.split("\n") if line]
    block, y = _lockup(slide, frame, layout.stage_top - layout.px(60), layout.px(150))
    if _credits_height(lines, frame, frame.size("label")) > _credits_room(frame, y):
        block, y = _lockup(slide, frame, layout.top, layout.px(100))
    return block + _credits(lines, frame, y)


def _lockup(slide: Slide, frame: Frame, y: int, logo_height: int) -> tuple[TextBlock, int]:
    """Logo, follow line and the date, centred from `y`; returns them and the y below."""
    layout, theme = frame.layout, frame.theme
    centre = layout.width // 2
    block = TextBlock()
    if theme.logo:
        logo = _logo_patch(theme.logo, logo_height, centre, y)
        block += single(logo)
        y += logo.size[1] + layout.px(40)
    if theme.follow:
        face, lines = fit_text(
            theme.follow,
            family(theme, "headline"),
            layout.text_width,
            2,
            frame.size("caption"),
            frame.size("label"),
        )
        for line in lines:
            block += single(
                line_patch(
                    line, face, centre - face.getlength(line) / 2, y, _readable(theme, "text")
                )
            )
            y += line_height(face, 1.1)
    if slide.kicker:
        face = font(family(theme, "body"), frame.size("label"))
        block += single(
            line_patch(
                slide.kicker,
                face,
                centre - face.getlength(slide.kicker) / 2,
                y + layout.px(10),
                _readable(theme, "muted"),
            )
        )
        y += line_height(face) + layout.px(40)
    return block, y


SECTIONS = frozenset(
    {"Photos", "Reporting", "Source"}
)  # credit_roll's headings, in the accent's tint


def _credits(lines: list[str], frame: Frame, y: int) -> TextBlock:
    """The credit lines, centred, section names in the accent's readable tint; smaller until they fit."""
    layout, theme = frame.layout, frame.theme
    room = _credits_room(frame, y)
    size = frame.size("label")
    while size > layout.px(18) and _credits_height(lines, frame, size) > room:
        size -= 1
    units = []
    heading = _readable(theme, "accent")
    for line in lines:
        section = line in SECTIONS
        face = font(family(theme, "body" if section else "small"), size)
        text = line.upper() if section else line
        for part in _parts(text, frame, size):
            colour = heading if section else _readable(theme, "text")
            units.append(
                line_patch(part, face, layout.width / 2 - face.getlength(part) / 2, y, colour)
            )
            y += line_height(face)
    return TextBlock(tuple(units), (0,) * len(units))


def card_grounds(theme: Theme) -> list[tuple[int, ...]]:
    """The colours the end card's text can fall on: its plate's gradient, and that under the
    plate's faint lines."""
    ends: list[tuple[int, ...]] = [
        theme.colors["background_top"],
        theme.colors["background_bottom"],
    ]
    return ends + [over(colour, theme.colors["pattern"]) for colour in ends]


def _readable(theme: Theme, name: str) -> tuple[int, ...]:
    """The theme's colour `name`, tinted if need be to read at 4.5:1 on the end card."""
    return legible(theme.colors[name], card_grounds(theme))


def _parts(text: str, frame: Frame, size: int) -> list[str]:
    """A credit line in at most two balanced lines at `size`."""
    return fit_text(text, family(frame.theme, "small"), frame.layout.text_width, 2, size, size)[1]


def _credits_height(lines: list[str], frame: Frame, size: int) -> int:
    """How tall the credit lines run at `size`, a long one taking two lines."""
    step = line_height(font(family(frame.theme, "small"), size))
    return step * sum(len(_parts(line, frame, size)) for line in lines)


def _credits_room(frame: Frame, y: int) -> int:
    """From `y` to just above the disclosure label."""
    return frame.text_bottom + frame.layout.px(120) - y


def _logo_patch(path: Path, height: int, centre: int, y: int) -> Patch:
    logo = Image.open(path).convert("RGBA")
    width = round(logo.width * height / logo.height)
    logo = logo.resize((width, height), Image.Resampling.LANCZOS)
    return Patch.from_image(logo, centre - width // 2, y)


def brand_bug(layout: Layout, theme: Theme) -> Patch:
    """The small logo at the top left of every shot, on a soft dark halo so it reads on photos."""
    height = layout.px(56)
    if theme.logo:
        logo = Image.open(theme.logo).convert("RGBA")
        logo = logo.resize(
            (round(logo.width * height / logo.height), height), Image.Resampling.LANCZOS
        )
    else:
        face = font(family(theme, "headline"), height)
        logo = line_patch_image(theme.brand, face, theme.colors["text"])
    return Patch.from_image(
        _halo(logo, layout.px(16)), layout.left - layout.px(16), layout.top - layout.px(16)
    )


def line_patch_image(text: str, face: Face, fill: Ink) -> Image.Image:
    image = Image.new("RGBA", (round(face.getlength(text)) + 4, line_height(face)), (0, 0, 0, 0))
    draw_text(image, (0, 0), text, face, fill)
    return image


def _halo(image: Image.Image, pad: int) -> Image.Image:
    """The image on a blurred dark shadow of itself, `pad` pixels around."""
    canvas = Image.new("RGBA", (image.width + 2 * pad, image.height + 2 * pad), (0, 0, 0, 0))
    canvas.alpha_composite(image, (pad, pad))
    rgba = np.asarray(canvas).copy()
    glow = cv2.GaussianBlur(rgba[..., 3], (0, 0), sigmaX=pad / 2)
    shadow = np.zeros_like(rgba)
    shadow[..., 3] = (glow * 0.45).astype(np.uint8)
    return Image.alpha_composite(Image.fromarray(shadow), canvas)
