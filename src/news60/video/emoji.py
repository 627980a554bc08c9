"""Emoji and pictographic symbols in colour (Noto Color Emoji), or taken out when no such font exists."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Where Debian and Ubuntu's fonts-noto-color-emoji puts its font (scripts/setup installs it).
EMOJI_FONTS = (Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),)
NATIVE_SIZE = 109  # a CBDT bitmap font draws at its one native size; we scale the result
# Pictographs shown as emoji by default: the emoji planes, dingbats, weather and other symbols.
# Text-style symbols (©, ®, ™, arrows, digits) stay with the text fonts.
_PICTOGRAPHS = (
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u231a\u231b\u23e9-\u23fa\u3030\u303d"
)
# Joiners and modifiers that belong to the emoji before them: ZWJ, variation selector, skin tones.
_JOINERS = "\u200d\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\u20e3"
EMOJI = re.compile(f"[{_PICTOGRAPHS}][{_JOINERS}]*(?:\u200d[{_PICTOGRAPHS}][{_JOINERS}]*)*")
_CHARS = re.compile(f"[{_PICTOGRAPHS}{_JOINERS}]")


def is_emoji_char(char: str) -> bool:
    return _CHARS.fullmatch(char) is not None


@cache
def emoji_font_path() -> Path | None:
    """The colour emoji font: a known path, else what fontconfig offers for emoji."""
    for path in EMOJI_FONTS:
        if path.exists():
            return path
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "emoji:color=true"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return Path(found) if found and "moji" in found.lower() and Path(found).exists() else None


@cache
def emoji_font() -> ImageFont.FreeTypeFont | None:
    path = emoji_font_path()
    if path is None:
        return None
    try:
        return ImageFont.truetype(str(path), NATIVE_SIZE)
    except OSError:  # a bitmap-only font at another size, or a damaged file
        return None


def strip_emoji(text: str) -> str:
    """The text without emoji, for when no colour emoji font is installed."""
    return re.sub(r"[ \t]{2,}", " ", EMOJI.sub("", text)).strip()


def emoji_length(run: str, size: int) -> float:
    face = emoji_font()
    return face.getlength(run) * size / NATIVE_SIZE if face else 0.0


def draw_emoji(canvas: Image.Image, x: float, baseline: float, run: str, size: int) -> float:
    """Draw an emoji run in colour with its baseline at `baseline`; return the x after it."""
    image = _rendered(run)
    face = emoji_font()
    assert face is not None  # emoji runs are drawn only when the font is there
    scale = size / NATIVE_SIZE
    width, height = max(1, round(image.width * scale)), max(1, round(image.height * scale))
    scaled = image.resize((width, height), Image.Resampling.LANCZOS)
    # The font's ascent (101 of 128 px) sits above the baseline.
    top = round(baseline - face.getmetrics()[0] * scale)
    canvas.alpha_composite(scaled, (round(x), max(0, top)))
    return x + emoji_length(run, size)


@cache
def _rendered(run: str) -> Image.Image:
    face = emoji_font()
    assert face is not None  # emoji runs are drawn only when the font is there
    width = round(face.getlength(run)) + 4
    ascent, descent = face.getmetrics()
    image = Image.new("RGBA", (width, ascent + descent + 4), (0, 0, 0, 0))
    ImageDraw.Draw(image).text((0, 0), run, font=face, embedded_color=True)
    return image
