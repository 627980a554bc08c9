"""Frames on demand: static cards drawn once, photos panned by cropping, captions blended on top."""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageDraw

from news60.models import Slide, Timeline
from news60.video.captions import CaptionPainter, Patch, spoken_word
from news60.video.cards import draw_card
from news60.video.layout import Layout
from news60.video.photos import PreparedPhoto, load_photo
from news60.video.theme import Theme
from news60.video.typesetting import draw_lines, draw_text, family, fit_text, font


@dataclass(frozen=True, eq=False)
class SlideLayer:
    """What a slide contributes to a frame: a fixed picture, or a panned photo under an overlay."""

    slide: Slide
    still: np.ndarray | None = None
    photo: PreparedPhoto | None = None
    overlay: Patch | None = None


class Compositor:
    """Turns a Timeline into RGB frames; safe to call from several threads."""

    def __init__(self, timeline: Timeline, theme: Theme):
        self.timeline, self.theme = timeline, theme
        self.layout = Layout(timeline.width, timeline.height)
        # Photos decode, scale and look for faces outside the GIL: load them two at a time.
        with ThreadPoolExecutor(max_workers=2) as pool:
            self.layers = list(pool.map(self._layer, timeline.slides, range(len(timeline.slides))))
        self.slide_starts = [slide.start for slide in timeline.slides]
        self.cue_starts = [cue.start for cue in timeline.cues]
        self.captions = CaptionPainter(self.layout, theme)
        self._frames: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def frame_at(self, t: float) -> np.ndarray:
        """The frame shown at time t (seconds)."""
        key = self._key(t)
        with self._lock:
            frame = self._frames.get(key)
        if frame is None:
            frame = self._draw(t, key)
            with self._lock:
                self._frames[key] = frame
                while len(self._frames) > 8:
                    self._frames.popitem(last=False)
        return frame

    def _key(self, t: float) -> tuple:
        """Everything that decides the pixels at t; equal keys mean equal frames."""
        index = max(0, bisect.bisect_right(self.slide_starts, t) - 1)
        layer, fade = self.layers[index], self._fade(index, t)
        motion = round(t * self.timeline.fps) if layer.photo is not None or fade else None
        cue = self._cue_at(t)
        word = spoken_word(self.timeline.cues[cue], t) if cue is not None else None
        return index, motion, fade, cue, word

    def _draw(self, t: float, key: tuple) -> np.ndarray:
        index, _, fade, cue, word = key
        frame = self._picture(self.layers[index], t)
        if fade:
            previous = self._picture(self.layers[index - 1], t)
            frame = _mix(previous, frame, fade)
        if cue is not None:
            self.captions.patch(self.timeline.cues[cue], word).blend_onto(frame)
        return frame

    def _picture(self, layer: SlideLayer, t: float) -> np.ndarray:
        """A fresh, writable copy of the slide's picture at t."""
        if layer.photo is None:
            return layer.still.copy()
        span = max(1e-6, layer.slide.end - layer.slide.start)
        progress = min(1.0, max(0.0, (t - layer.slide.start) / span))
        frame = np.ascontiguousarray(layer.photo.crop(progress, *self._size))
        if layer.overlay is not None:
            layer.overlay.blend_onto(frame)
        return frame

    def _fade(self, index: int, t: float) -> float:
        """Progress (0..1) of the crossfade into slide `index`, or 0 outside it."""
        if index == 0:
            return 0.0
        into = t - self.slide_starts[index]
        duration = self.theme.crossfade
        return round(into / duration, 2) if 0 <= into < duration else 0.0

    def _cue_at(self, t: float) -> int | None:
        i = bisect.bisect_right(self.cue_starts, t) - 1
        if i >= 0 and t < self.timeline.cues[i].end:
            return i
        return None

    @property
    def _size(self) -> tuple[int, int]:
        return self.timeline.width, self.timeline.height

    def _layer(self, slide: Slide, index: int) -> SlideLayer:
        number = f"{index} / {len(self.timeline.slides) - 2}" if slide.kind == "scene" else ""
        if slide.photo is not None and slide.photo.src:
            photo = load_photo(slide.photo.src, *self._size)
            if photo is not None:
                return SlideLayer(slide, photo=photo, overlay=self._photo_overlay(slide))
        still = np.asarray(draw_card(slide, self.layout, self.theme, number=number))
        return SlideLayer(slide, still=still)

    def _photo_overlay(self, slide: Slide) -> Patch:
        """A dark gradient at the top carrying the heading and the photo's credit."""
        layout, theme = self.layout, self.theme
        height = layout.heading_bottom
        image = Image.new("RGBA", (layout.width, height), (0, 0, 0, 0))
        shade = np.linspace(200, 0, height, dtype=np.float32) ** 1.0
        alpha = np.repeat(shade.astype(np.uint8)[:, None], layout.width, axis=1)
        image.putalpha(Image.fromarray(alpha))
        draw = ImageDraw.Draw(image)
        face, lines = fit_text(
            slide.heading, family(theme, "headline"), layout.text_width, 4, layout.px(72), layout.px(44)
        )
        y = draw_lines(draw, (layout.left, layout.heading_top), lines, face, theme.colors["text"],
                       shadow=layout.px(3))
        credit = f"Photo: {slide.photo.credit}" if slide.photo and slide.photo.credit else ""
        if credit:
            small = font(family(theme, "small"), layout.px(30))
            draw_text(draw, (layout.left, y + layout.px(16)), credit, small, theme.colors["muted"])
        return Patch.from_image(image, 0, 0)


def _mix(a: np.ndarray, b: np.ndarray, amount: float) -> np.ndarray:
    """Blend two frames: `amount` 0 is all a, 1 is all b (OpenCV: a tenth of numpy's time)."""
    return cv2.addWeighted(a, 1.0 - amount, b, amount, 0.0)
