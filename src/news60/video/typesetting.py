"""Fitting text into boxes: font sizes, pixel-width wrapping, drawing with a shadow and fallback fonts."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageDraw, ImageFont

from news60.video.theme import Theme

# Fonts that cover Chinese, Japanese and Korean, where Debian and Ubuntu packages put them.
CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
)
# Characters a line may break after without a space: CJK ideographs, kana, hangul, full-width forms.
CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
PIECES = re.compile(f"[{CJK}][、。，！？）」』]*|[^{CJK}]+")

Fonts = Path | tuple[Path, ...]


@dataclass(frozen=True, eq=False)
class Face:
    """A font and its fallbacks: each character is drawn by the first font that has its glyph."""

    fonts: tuple[ImageFont.FreeTypeFont, ...]
    coverage: tuple[frozenset[int], ...]

    @property
    def size(self) -> int:
        return self.fonts[0].size

    def getmetrics(self) -> tuple[int, int]:
        return self.fonts[0].getmetrics()

    def getlength(self, text: str) -> float:
        return sum(face.getlength(run) for run, face in self.runs(text))

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        """`text` cut into runs that one font can draw whole."""
        runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
        for char in text:
            face = self._font_for(char, runs[-1][1] if runs else self.fonts[0])
            if runs and runs[-1][1] is face:
                runs[-1] = (runs[-1][0] + char, face)
            else:
                runs.append((char, face))
        return runs

    def _font_for(self, char: str, current: ImageFont.FreeTypeFont) -> ImageFont.FreeTypeFont:
        if char.isspace():
            return current  # spaces join the run they are in
        code = ord(char)
        for face, chars in zip(self.fonts, self.coverage, strict=True):
            if code in chars:
                return face
        return self.fonts[0]


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
    path = Path(found) if found else None
    return (path,) if path and path.exists() and 0x4E2D in glyph_coverage(path) else ()


def wrap_to_width(text: str, face: Face, width: int) -> list[str]:
    """Break `text` into lines no wider than `width` pixels (a word wider than that stands alone).

    Lines break at spaces, and between CJK characters, which are written without spaces.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            for i, piece in enumerate(PIECES.findall(word)):
                candidate = f"{line} {piece}".strip() if i == 0 else line + piece
                if line and face.getlength(candidate) > width:
                    lines.append(line)
                    line = piece
                else:
                    line = candidate
        lines.append(line)
    return lines


def fit_text(
    text: str, path: Fonts, width: int, max_lines: int, size: int, min_size: int
) -> tuple[Face, list[str]]:
    """The largest size from `size` down to `min_size` at which `text` fits in `max_lines` lines."""
    for candidate in range(size, min_size - 1, -2):
        face = font(path, candidate)
        lines = wrap_to_width(text, face, width)
        if len(lines) <= max_lines and all(face.getlength(line) <= width for line in lines):
            return face, lines
    face = font(path, min_size)
    return face, shorten(wrap_to_width(text, face, width), max_lines)


def fit_box(
    text: str, path: Fonts, box: tuple[int, int], max_lines: int, size: int, min_size: int
) -> tuple[Face, list[str]]:
    """Like fit_text, but the lines must also fit the box's height; cut with an ellipsis if not."""
    width, height = box
    for candidate in range(size, min_size - 1, -2):
        face = font(path, candidate)
        rows = min(max_lines, max(1, height // line_height(face)))
        # Judged by the wrapped length, not a trailing "…": the text itself may end in one.
        if len(wrap_to_width(text, face, width)) <= rows or candidate - 2 < min_size:
            return fit_text(text, path, width, rows, candidate, candidate)
    return fit_text(text, path, width, 1, min_size, min_size)


def shorten(lines: list[str], max_lines: int) -> list[str]:
    """At most `max_lines` lines, the last ending in an ellipsis when text was cut."""
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = kept[-1].rstrip(" ,.;:") + "…"
    return kept


def line_height(face: Face, spacing: float = 1.18) -> int:
    ascent, descent = face.getmetrics()
    return round((ascent + descent) * spacing)


def draw_text(
    draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, face: Face, fill
) -> float:
    """Draw one line from its top-left, each run in its own font on a shared baseline; return the x after it."""
    x, y = xy
    baseline = y + face.getmetrics()[0]
    for run, run_font in face.runs(text):
        draw.text((x, baseline), run, font=run_font, fill=fill, anchor="ls")
        x += run_font.getlength(run)
    return x


def draw_lines(
    draw: ImageDraw.ImageDraw,
    xy: tuple[int, int],
    lines: list[str],
    face: Face,
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
            draw_text(draw, (x + shadow, y + shadow), line, face, (0, 0, 0, 150))
        draw_text(draw, (x, y), line, face, fill)
        y += step
    return y
