"""Fonts with fallbacks (CJK, colour emoji), balanced line breaks by measured width, drawing text."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from news60.video.emoji import draw_emoji, emoji_font, emoji_length, is_emoji_char
from news60.video.linebreaks import balanced_lines, greedy_lines
from news60.video.theme import Theme

# Fonts that cover Chinese, Japanese and Korean, where Debian and Ubuntu packages put them.
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
EMOJI = None  # the run marker for text drawn by the colour emoji font

Fonts = Path | tuple[Path, ...]
Ink = int | tuple[int, ...]  # a fill as Pillow takes it: a grey level, or RGB(A) channels
Run = ImageFont.FreeTypeFont | None  # the font that draws a run; None (EMOJI): the emoji font


@dataclass(frozen=True, eq=False)
class Face:
    """A font and its fallbacks: each character is drawn by the first font that has its glyph."""

    fonts: tuple[ImageFont.FreeTypeFont, ...]
    coverage: tuple[frozenset[int], ...]

    @property
    def size(self) -> int:
        return int(self.fonts[0].size)  # Pillow types it float; font() loads whole pixel sizes

    def getmetrics(self) -> tuple[int, int]:
        return self.fonts[0].getmetrics()

    def getlength(self, text: str) -> float:
        return _length(self, text)

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont | None]]:
        """`text` cut into runs that one font can draw whole (None: the colour emoji font)."""
        runs: list[tuple[str, ImageFont.FreeTypeFont | None]] = []
        for char in text:
            face = self._font_for(char, runs[-1][1] if runs else self.fonts[0])
            if runs and runs[-1][1] is face:
                runs[-1] = (runs[-1][0] + char, face)
            else:
                runs.append((char, face))
        return runs

    def _font_for(self, char: str, current: Run) -> Run:
        if char.isspace():
            return current  # spaces join the run they are in
        if is_emoji_char(char) and emoji_font() is not None:
            return EMOJI
        code = ord(char)
        for face, chars in zip(self.fonts, self.coverage, strict=True):
            if code in chars:
                return face
        return self.fonts[0]


# Planning captions measures the same words and phrases thousands of times over.
@lru_cache(maxsize=1 << 16)
def _length(face: Face, text: str) -> float:
    return sum(
        emoji_length(run, face.size) if font is EMOJI else font.getlength(run)
        for run, font in face.runs(text)
    )


@cache
def font(paths: Fonts, size: int) -> Face:
    """A font (with fallbacks, when given a tuple of paths) at a pixel size, loaded once per process."""
    chain = (paths,) if isinstance(paths, Path) else paths
    fonts = tuple(ImageFont.truetype(str(path), max(6, size)) for path in chain)
    return Face(fonts, tuple(glyph_coverage(path) for path in chain))


@cache
def glyph_coverage(path: Path) -> frozenset[int]:
    """The code points a font file has glyphs for (the first font of a collection)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), fontNumber=0, lazy=True) as data:
        return frozenset(data.getBestCmap() or ())


def family(theme: Theme, name: str) -> tuple[Path, ...]:
    """The theme's font `name`, then its fallback fonts, then a CJK font installed on this system."""
    fallbacks = [path for key, path in theme.fonts.items() if key.startswith("fallback")]
    return tuple(dict.fromkeys([theme.fonts[name], *fallbacks, *system_cjk_fonts()]))


@cache
def system_cjk_fonts() -> tuple[Path, ...]:
    """A font for Chinese, Japanese and Korean: a known path, else what fontconfig offers."""
    for path in CJK_FONTS:
        if path.exists():
            return (path,)
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", ":lang=zh"], capture_output=True, text=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ()
    offered = Path(found) if found else None
    return (offered,) if offered and offered.exists() and 0x4E2D in glyph_coverage(offered) else ()


def wrap_to_width(text: str, face: Face, width: int) -> list[str]:
    """Greedy lines no wider than `width` pixels; a word wider than that is broken inside."""
    return greedy_lines(text, face.getlength, width)


def fit_text(
    text: str, path: Fonts, width: int, max_lines: int, size: int, min_size: int
) -> tuple[Face, list[str]]:
    """The largest size from `size` down to `min_size` at which `text` fits in `max_lines`
    balanced lines; at `min_size`, lines past the last are cut with an ellipsis."""
    for candidate in range(size, min_size - 1, -2):
        face = font(path, candidate)
        lines = balanced_lines(text, face.getlength, width, max_lines)
        if lines is not None:
            return face, lines
    face = font(path, min_size)
    return face, shorten(wrap_to_width(text, face, width), max_lines, face, width)


def fit_box(
    text: str, path: Fonts, box: tuple[int, int], max_lines: int, size: int, min_size: int
) -> tuple[Face, list[str]]:
    """Like fit_text, but the lines must also fit the box's height."""
    width, height = box
    for candidate in range(size, min_size - 1, -2):
        rows = min(max_lines, max(1, height // line_height(font(path, candidate))))
        face = font(path, candidate)
        lines = balanced_lines(text, face.getlength, width, rows)
        if lines is not None:
            return face, lines
    face = font(path, min_size)
    rows = min(max_lines, max(1, height // line_height(face)))
    return face, shorten(wrap_to_width(text, face, width), rows, face, width)


def shorten(lines: list[str], max_lines: int, face: Face, width: int) -> list[str]:
    """At most `max_lines` lines, the last ending in an ellipsis (within `width`) when text was cut."""
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1].rstrip(" ,.;:") + "…"
    while face.getlength(last) > width and " " in last:
        last = last.rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
    kept[-1] = last
    return kept


def line_height(face: Face, spacing: float = 1.18) -> int:
    ascent, descent = face.getmetrics()
    return round((ascent + descent) * spacing)


def draw_text(
    canvas: Image.Image, xy: tuple[float, float], text: str, face: Face, fill: Ink
) -> float:
    """Draw one line from its top-left, each run in its own font on a shared baseline; return the x after it."""
    draw = ImageDraw.Draw(canvas)
    x, y = xy
    baseline = y + face.getmetrics()[0]
    for run, run_font in face.runs(text):
        if run_font is EMOJI:
            x = draw_emoji(canvas, x, baseline, run, face.size)
            continue
        draw.text((x, baseline), run, font=run_font, fill=fill, anchor="ls")
        x += run_font.getlength(run)
    return x


def draw_lines(
    canvas: Image.Image,
    xy: tuple[int, int],
    lines: list[str],
    face: Face,
    fill: Ink,
    *,
    shadow: int = 0,
    spacing: float = 1.18,
    align: str = "left",
    width: int = 0,
) -> int:
    """Draw lines from the top-left `xy` (centred in `width` when align="center"); return the y below."""
    x, y = xy
    step = line_height(face, spacing)
    for line in lines:
        left = x + (width - face.getlength(line)) / 2 if align == "center" else x
        if shadow:
            draw_text(canvas, (left + shadow, y + shadow), line, face, (0, 0, 0, 110))
        draw_text(canvas, (left, y), line, face, fill)
        y += step
    return y
