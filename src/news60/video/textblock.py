"""Text that builds in: lines or words drawn once as patches, revealed with a stagger, faded out before a cut."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from news60.video.layout import Layout
from news60.video.sprites import Patch
from news60.video.theme import Theme, Transitions
from news60.video.typesetting import Face, Ink, draw_text, family, font, line_height

SHADOW = (0, 0, 0, 150)


@dataclass(frozen=True, eq=False)
class TextBlock:
    """Patches that appear in order: unit j starts `order[j]` staggers after the block starts."""

    units: tuple[Patch, ...] = ()
    order: tuple[int, ...] = ()

    def draw(
        self, frame: np.ndarray, frames_in: float, fade: float, timing: Transitions, rise: float
    ) -> None:
        """Blend the units `frames_in` frames after the text came in, at `fade` (0..1) strength."""
        for unit, step in zip(self.units, self.order, strict=True):
            progress = (frames_in - step * timing.stagger) / max(1, timing.text_in)
            if progress <= 0 or fade <= 0:
                continue
            eased = 1 - (1 - min(1.0, progress)) ** 3
            patch = unit if eased >= 1 else unit.shifted(rise * (1 - eased))
            patch.faded(eased * fade).blend_onto(frame)

    def __add__(self, other: TextBlock) -> TextBlock:
        start = max(self.order, default=-1) + 1
        return TextBlock(
            self.units + other.units, self.order + tuple(start + o for o in other.order)
        )


def line_patch(text: str, face: Face, x: float, y: float, fill: Ink, *, shadow: int = 0) -> Patch:
    """One line of text as a tight patch at (x, y), with a soft shadow when `shadow` > 0."""
    pad = shadow * 3
    width = round(face.getlength(text)) + 2 * pad + 4
    height = line_height(face, 1.3) + 2 * pad
    image = Image.new("RGBA", (max(1, width), height), (0, 0, 0, 0))
    if shadow:
        image = _shadowed(image, text, face, pad, shadow)
    draw_text(image, (pad, pad), text, face, fill)
    return Patch.from_image(image, round(x) - pad, round(y) - pad)


def _shadowed(image: Image.Image, text: str, face: Face, pad: int, shadow: int) -> Image.Image:
    """A blurred dark copy of the text under it, offset down: it keeps text legible on anything."""
    draw_text(image, (pad, pad + shadow), text, face, SHADOW)
    return blurred(image, shadow)


def blurred(image: Image.Image, shadow: int) -> Image.Image:
    """The image with its alpha softened: a drawn shadow becomes a soft one."""
    rgba = np.asarray(image).copy()
    rgba[..., 3] = cv2.GaussianBlur(rgba[..., 3], (0, 0), sigmaX=max(1.0, shadow * 1.2))
    return Image.fromarray(rgba)


def lines_block(
    lines: list[str],
    face: Face,
    xy: tuple[float, float],
    fill: Ink,
    *,
    shadow: int,
    spacing: float = 1.12,
) -> tuple[TextBlock, float]:
    """Lines from the top-left `xy`, one unit each; returns the block and the y below it."""
    x, y = xy
    step = line_height(face, spacing)
    units = []
    for line in lines:
        units.append(line_patch(line, face, x, y, fill, shadow=shadow))
        y += step
    return TextBlock(tuple(units), tuple(range(len(units)))), y


def words_block(
    lines: list[str],
    face: Face,
    xy: tuple[float, float],
    fill: Ink,
    *,
    shadow: int,
    spacing: float = 1.08,
) -> tuple[TextBlock, float]:
    """Like lines_block, but every word is its own unit: a hook line builds in word by word."""
    x0, y = xy
    step = line_height(face, spacing)
    units, space = [], face.getlength(" ")
    for line in lines:
        x = x0
        for word in line.split(" "):
            units.append(line_patch(word, face, x, y, fill, shadow=shadow))
            x += face.getlength(word) + space
        y += step
    return TextBlock(tuple(units), tuple(range(len(units)))), y


def label_patch(
    text: str,
    layout: Layout,
    theme: Theme,
    xy: tuple[float, float],
    *,
    filled: bool,
    scale: float = 1.0,
) -> Patch:
    """A small capitals label in a pill: filled with the accent (the kicker) or dark and outlined
    in white (a disclosure)."""
    face = font(family(theme, "headline"), round(layout.type_px(theme.type, "label") * scale))
    text = text.upper()
    pad_x, pad_y = round(layout.px(18) * scale), round(layout.px(9) * scale)
    width = round(face.getlength(text)) + 2 * pad_x
    height = line_height(face, 1.0) + 2 * pad_y
    image = Image.new("RGBA", (width + 2, height + 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    box = (0, 0, width, height)
    if filled:
        draw.rounded_rectangle(box, radius=height // 2, fill=theme.colors["accent"])
        colour = theme.colors["text"]
    else:
        draw.rounded_rectangle(
            box,
            radius=height // 2,
            fill=(0, 0, 0, 170),
            outline=theme.colors["text"],
            width=max(1, layout.px(3)),
        )
        colour = theme.colors["text"]
    draw_text(image, (pad_x, pad_y), text, face, colour)
    x, y = xy
    return Patch.from_image(image, round(x), round(y))


def strap_patch(name: str, layout: Layout, theme: Theme, xy: tuple[float, float]) -> Patch:
    """A speaker's name strap: an accent bar and the name in capitals."""
    face = font(family(theme, "headline"), round(layout.type_px(theme.type, "label") * 1.25))
    bar, gap = layout.px(10), layout.px(18)
    height = line_height(face, 1.0)
    image = Image.new(
        "RGBA", (bar + gap + round(face.getlength(name.upper())) + 4, height + 4), (0, 0, 0, 0)
    )
    ImageDraw.Draw(image).rectangle((0, 0, bar, height), fill=theme.colors["accent"])
    draw_text(image, (bar + gap, 0), name.upper(), face, theme.colors["text"])
    return Patch.from_image(image, round(xy[0]), round(xy[1]))


def single(patch: Patch) -> TextBlock:
    return TextBlock((patch,), (0,))
