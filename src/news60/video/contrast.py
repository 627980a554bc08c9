"""Colour contrast as WCAG measures it: text that must read at 4.5:1 over the ground it is drawn on."""

from __future__ import annotations

from collections.abc import Sequence

RGBA = tuple[int, int, int, int]
READABLE = 4.5  # WCAG AA for text under 24 px or not bold: what small labels and credits need


def luminance(colour: Sequence[int]) -> float:
    """Relative luminance of an sRGB colour (0 black .. 1 white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Sequence[int], b: Sequence[int]) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(ground: Sequence[int], layer: Sequence[int]) -> RGBA:
    """`layer` (RGBA) blended over an opaque `ground`."""
    alpha = layer[3] / 255 if len(layer) > 3 else 1.0
    red, green, blue = (
        round(g + (c - g) * alpha) for g, c in zip(ground[:3], layer[:3], strict=True)
    )
    return red, green, blue, 255


def legible(colour: RGBA, grounds: Sequence[Sequence[int]], ratio: float = READABLE) -> RGBA:
    """`colour`, lightened toward white just enough to read at `ratio` over every ground
    (a brand red on navy reads at 2.9:1; its lighter tint keeps the hue and reaches 4.5:1)."""
    for step in range(0, 101, 2):
        k = step / 100
        red, green, blue = (round(c + (255 - c) * k) for c in colour[:3])
        if all(contrast((red, green, blue), ground) >= ratio for ground in grounds):
            return red, green, blue, colour[3]
    return (255, 255, 255, colour[3])
