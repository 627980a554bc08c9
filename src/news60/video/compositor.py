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
from news60.video.cards import TOPIC_SIZE, draw_brand, draw_card
from news60.video.layout import Layout
from news60.video.photos import PreparedPhoto, load_photo
from news60.video.theme import Theme
from news60.video.typesetting import draw_lines, draw_text, family, fit_text, font, line_height


@dataclass(frozen=True, eq=False)
class SlideLayer:
    """What a slide contributes to a frame: a fixed picture, or a panned photo under an overlay."""

    slide: Slide
    still: np.ndarray | None = None
    photo: PreparedPhoto | None = None
    overlays: tuple[Patch, ...] = ()


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
        for overlay in layer.overlays:
            overlay.blend_onto(frame)
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
                return SlideLayer(slide, photo=photo, overlays=self._photo_overlays(slide))
        still = np.asarray(draw_card(slide, self.layout, self.theme, number=number))
        return SlideLayer(slide, still=still)

    def _photo_overlays(self, slide: Slide) -> tuple[Patch, ...]:
        """The logo on a light shade at the top; the credit and heading on a dark shade below."""
        return (self._logo_band(), self._heading_band(slide))

    def _logo_band(self) -> Patch:
        layout = self.layout
        band = _shade(layout.width, layout.top + layout.px(150), 140, 0)
        draw_brand(band, layout, self.theme)
        return Patch.from_image(band, 0, 0)

    def _heading_band(self, slide: Slide) -> Patch:
        """Heading just above the captions, the photo credit over it, on a shade to the bottom."""
        layout, theme = self.layout, self.theme
        face, lines = fit_text(
            slide.heading,
            family(theme, "headline"),
            layout.text_width,
            3,
            layout.px(68),
            layout.px(44),
        )
        small = font(family(theme, "small"), layout.px(30))
        credit = f"Photo: {slide.photo.credit}" if slide.photo and slide.photo.credit else ""
        kicker = font(family(theme, "body"), layout.px(TOPIC_SIZE)) if slide.kicker else None
        text_height = len(lines) * line_height(face) + (line_height(small) if credit else 0)
        text_height += line_height(kicker) if kicker else 0
        text_top = layout.caption_top - layout.px(30) - text_height
        top = max(0, text_top - layout.px(220))
        band = _shade(layout.width, layout.height - top, 0, 215, ramp=layout.px(260))
        draw = ImageDraw.Draw(band)
        y = text_top - top
        if credit:
            draw_text(draw, (layout.left, y), credit, small, theme.colors["muted"])
            y += line_height(small)
        if kicker:
            draw_text(draw, (layout.left, y), slide.kicker.upper(), kicker, theme.colors["accent"])
            y += line_height(kicker)
        draw_lines(draw, (layout.left, y), lines, face, theme.colors["text"], shadow=layout.px(3))
        return Patch.from_image(band, 0, top)


def _shade(width: int, height: int, start: int, end: int, ramp: int | None = None) -> Image.Image:
    """A black RGBA band whose opacity runs from `start` to `end` over `ramp` rows (all by default)."""
    ramp = min(height, ramp or height)
    alpha = np.full(height, end, dtype=np.float32)
    alpha[:ramp] = np.linspace(start, end, ramp)
    band = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    band.putalpha(Image.fromarray(np.repeat(alpha.astype(np.uint8)[:, None], width, axis=1)))
    return band


def _mix(a: np.ndarray, b: np.ndarray, amount: float) -> np.ndarray:
    """Blend two frames: `amount` 0 is all a, 1 is all b (OpenCV: a tenth of numpy's time)."""
    return cv2.addWeighted(a, 1.0 - amount, b, amount, 0.0)
