"""Card grounds ("plates"): a gradient, faint lines and the card's big shapes, drawn once, moved by the camera."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from news60.video.layout import Layout
from news60.video.theme import RGBA, Theme
from news60.video.typesetting import Face, draw_text, family, font, line_height

PLATE_HEADROOM = 1.2  # plates are drawn this much larger than the frame, so they can move
# Plates move this many times faster than photos: a soft ground moving at a photo's pace looks
# still (framecheck sees no pixel change), so a held card would read as a frozen frame.
PLATE_PACE = 3.0


def plate_size(layout: Layout) -> tuple[int, int]:
    return round(layout.width * PLATE_HEADROOM), round(layout.height * PLATE_HEADROOM)


@lru_cache(maxsize=6)  # a few plates in use at once, about 7 MB each at 1080x1920
def plate(layout: Layout, theme: Theme, kind: str, framing: int) -> np.ndarray:
    """The ground of a card of `kind`: colours and line direction change with the framing."""
    size = plate_size(layout)
    top, bottom = _colours(theme, framing)
    image = _gradient(size, top, bottom)
    _lines(image, layout, theme, framing)
    shapes = _shapes(layout, theme, kind)
    if shapes is not None:
        # Shapes are placed in frame pixels; at the widest framing the plate is seen scaled down
        # by PLATE_HEADROOM, so they are scaled up by as much to land where they were placed.
        shapes = shapes.resize(size, Image.Resampling.BICUBIC)
        image.alpha_composite(shapes)
    return np.asarray(image.convert("RGB"))


def _shapes(layout: Layout, theme: Theme, kind: str) -> Image.Image | None:
    """The card's big shapes, in frame pixels: a quote mark, the end card's accent rule."""
    if kind not in ("quote", "hook-quote", "end"):
        return None
    image = Image.new("RGBA", (layout.width, layout.height), (0, 0, 0, 0))
    if kind == "end":
        rule = (0, layout.height - layout.px(14), layout.width, layout.height)
        ImageDraw.Draw(image).rectangle(rule, fill=theme.colors["accent"])
    else:
        _quote_mark(image, layout, theme)
    return image


def _quote_mark(image: Image.Image, layout: Layout, theme: Theme) -> None:
    """A big opening quote mark: above the quote in 9:16, a faint one at the right elsewhere.

    Square and landscape frames have no room above the text, so the mark stands behind it.
    """
    tall = layout.tall
    marks = font(family(theme, "headline"), layout.px(480 if tall else 760))
    left, top, right, bottom = _ink(marks, "“")
    if tall:
        x = layout.left - left
        y = layout.stage_top - layout.px(30) - bottom
        colour = _alpha(theme.colors["accent"], 235)
    else:
        x = layout.width - layout.left - right
        y = layout.stage_top - top
        colour = _alpha(theme.colors["accent"], 45)
    draw_text(image, (x, y), "“", marks, colour)


def _ink(face: Face, text: str) -> tuple[int, int, int, int]:
    """The box the glyphs actually cover, from where draw_text places the line's top-left."""
    probe = Image.new("L", (round(face.getlength(text)) + 4, line_height(face, 1.5)), 0)
    draw_text(probe, (0, 0), text, face, 255)
    return probe.getbbox() or (0, 0, 1, 1)


def _colours(theme: Theme, framing: int) -> tuple[RGBA, RGBA]:
    """The theme's ground for even framings; its second ground for odd ones (a new framing)."""
    top, bottom = theme.colors["background_top"], theme.colors["background_bottom"]
    if framing % 2 == 1:
        alt = theme.colors.get("plate_alt", top)
        return alt, _mix(alt, bottom, 0.35)
    return top, bottom


def _gradient(size: tuple[int, int], top: RGBA, bottom: RGBA) -> Image.Image:
    """A vertical gradient from `top` to `bottom`, as an RGBA image."""
    ramp = np.linspace(0, 1, size[1], dtype=np.float32)[:, None, None]
    a = np.array(top[:3], dtype=np.float32)
    b = np.array(bottom[:3], dtype=np.float32)
    pixels = np.broadcast_to(a + (b - a) * ramp, (size[1], size[0], 3))
    return Image.fromarray(pixels.astype(np.uint8)).convert("RGBA")


def _lines(image: Image.Image, layout: Layout, theme: Theme, framing: int) -> None:
    """Faint diagonal lines, leaning one way or the other with the framing."""
    stripes = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(stripes)
    step, thick = layout.px(140), layout.px(34)
    w, h = image.size
    lean = h if framing % 4 < 2 else -h
    for x in range(-h, w + h, step):
        draw.line((x, h, x + lean, 0), fill=theme.colors["pattern"], width=thick)
    image.alpha_composite(stripes)


def _mix(a: RGBA, b: RGBA, amount: float) -> RGBA:
    red, green, blue, alpha = (round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))
    return red, green, blue, alpha


def _alpha(colour: RGBA, alpha: int) -> RGBA:
    return (*colour[:3], alpha)
