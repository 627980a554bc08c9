"""Burned-in captions: a block of fixed width at a fixed left edge, the spoken word in a filled pill."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw

from news60.models import Cue
from news60.video.layout import Layout
from news60.video.sprites import Patch
from news60.video.textblock import SHADOW, blurred
from news60.video.theme import Theme
from news60.video.typesetting import draw_text, family, font, line_height

LINE_SPACING = 1.25


class CaptionPainter:
    """Draws each cue's text once, and the pill behind each word on demand."""

    def __init__(self, layout: Layout, theme: Theme) -> None:
        self.layout, self.theme = layout, theme
        self.face = font(family(theme, "body"), layout.type_px(theme.type, "caption"))
        self.step = line_height(self.face, LINE_SPACING)
        self.pad = layout.px(14)
        self.shadow = layout.px(3)
        # Cues play in order: a few suffice in memory.
        self.text = lru_cache(maxsize=6)(self._text)
        self.pill = lru_cache(maxsize=24)(self._pill)

    def draw(self, frame: np.ndarray, cue: Cue, word: int | None) -> None:
        """The cue on the frame, word number `word` in its pill (None: no pill)."""
        if word is not None:
            self.pill(cue, word).blend_onto(frame)
        self.text(cue).blend_onto(frame)

    def area(self) -> tuple[int, int, int, int]:
        """The box two lines of captions fill: x, y, width, height."""
        top = self.layout.caption_bottom - 2 * self.step - self.pad
        width = self.layout.text_width + 2 * self.pad
        return self.layout.left - self.pad, top, width, self.layout.caption_bottom + self.pad - top

    def word_boxes(self, cue: Cue) -> list[tuple[float, int, float]]:
        """(x, y, width) of every word of the cue, in frame pixels."""
        lines = cue.text.split("\n")
        top = self.layout.caption_bottom - len(lines) * self.step
        space = self.face.getlength(" ")
        boxes: list[tuple[float, int, float]] = []
        for row, line in enumerate(lines):
            x: float = self.layout.left + self.pad
            for word in line.split(" "):
                width = self.face.getlength(word)
                boxes.append((x, top + row * self.step, width))
                x += width + space
        return boxes

    def _text(self, cue: Cue) -> Patch:
        boxes, words = self.word_boxes(cue), cue.text.split()
        x0 = self.layout.left
        y0 = min(y for _, y, _ in boxes) - self.pad
        width = self.layout.text_width + 2 * self.pad
        height = self.layout.caption_bottom - y0 + self.pad
        pad = self.shadow * 3
        image = Image.new("RGBA", (width + 2 * pad, height + 2 * pad), (0, 0, 0, 0))
        for (x, y, _), word in zip(boxes, words, strict=False):
            draw_text(image, (x - x0 + pad, y - y0 + pad + self.shadow), word, self.face, SHADOW)
        image = blurred(image, self.shadow)
        for (x, y, _), word in zip(boxes, words, strict=False):
            draw_text(
                image,
                (x - x0 + pad, y - y0 + pad),
                word,
                self.face,
                self.theme.colors["caption_text"],
            )
        return Patch.from_image(image, x0 - pad, y0 - pad)

    def _pill(self, cue: Cue, word: int) -> Patch:
        boxes = self.word_boxes(cue)
        x, y, width = boxes[min(word, len(boxes) - 1)]
        ascent, descent = self.face.getmetrics()
        pad_x, pad_y = self.layout.px(12), self.layout.px(4)
        w, h = round(width + 2 * pad_x), round(ascent + descent + 2 * pad_y)
        image = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        ImageDraw.Draw(image).rounded_rectangle(
            (0, 0, w - 1, h - 1), radius=h // 3, fill=self.theme.colors["pill"]
        )
        return Patch.from_image(image, round(x - pad_x), round(y - pad_y))


def spoken_word(cue: Cue, t: float) -> int | None:
    """Index of the word being said at time t within the cue (the last one said, between words)."""
    current = None
    for i, word in enumerate(cue.words):
        if word.start <= t:
            current = i
    return current
