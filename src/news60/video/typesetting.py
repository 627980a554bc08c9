"""Fitting text into boxes: font sizes, pixel-width wrapping, drawing with a shadow."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PIL import ImageDraw, ImageFont


@cache
def font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    """A font at a pixel size, loaded once per process."""
    return ImageFont.truetype(str(path), max(6, size))


def wrap_to_width(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels (a word wider than that stands alone)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and face.getlength(candidate) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def fit_text(
    text: str, path: Path, width: int, max_lines: int, size: int, min_size: int
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size from `size` down to `min_size` at which `text` fits in `max_lines` lines."""
    for candidate in range(size, min_size - 1, -2):
        face = font(path, candidate)
        lines = wrap_to_width(text, face, width)
        if len(lines) <= max_lines and all(face.getlength(line) <= width for line in lines):
            return face, lines
    face = font(path, min_size)
    lines = wrap_to_width(text, face, width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return face, lines


def line_height(face: ImageFont.FreeTypeFont, spacing: float = 1.18) -> int:
    ascent, descent = face.getmetrics()
    return round((ascent + descent) * spacing)


def draw_lines(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    lines: list[str],
    face: ImageFont.FreeTypeFont,
    fill: tuple[int, int, int, int],
    *,
    shadow: int = 0,
    spacing: float = 1.18,
) -> int:
    """Draw lines from the top-left `xy`; return the y just below the last line."""
    x, y = xy
    step = line_height(face, spacing)
    for line in lines:
        if shadow:
            draw.text((x + shadow, y + shadow), line, font=face, fill=(0, 0, 0, 150))
        draw.text((x, y), line, font=face, fill=fill)
        y += step
    return y
