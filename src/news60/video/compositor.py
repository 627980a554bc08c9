"""Frames on demand: each shot's moving picture, its text building in and out around the cuts, captions.

The choreography of a cut: the outgoing text fades over `text_out` frames, the picture cuts (or
pushes in over `push` frames, easing out; a card is wiped over a card) on the first word of the new scene, and the new text
fades in and rises over `text_in` frames after it. No frame shows the old and the new text."""

from __future__ import annotations

import bisect
import math
import threading
from concurrent.futures import Future
from dataclasses import dataclass, replace

import numpy as np

from news60.models import Cue, Slide, Timeline
from news60.video.captions import CaptionPainter, spoken_word
from news60.video.cards import text_block
from news60.video.endcard import brand_bug
from news60.video.frame import Frame, credit_patch, disclosure_patch
from news60.video.layout import Layout
from news60.video.photos import PhotoInfo, inspect_photo
from news60.video.pictures import (
    Picture,
    card_picture,
    cover_picture,
    faces_in_view,
    pan_picture,
    steadied,
    whole_picture,
    with_shade,
)
from news60.video.textblock import TextBlock
from news60.video.theme import Theme

KEEP = 3  # shots kept drawn behind the current one (the push needs the one before)
# The AI-voice label opens the clip for this long (or the hook's length if longer): read in 2 s.
DISCLOSURE_SECONDS = 2.5


@dataclass(frozen=True, eq=False)
class Shot:
    """A slide ready to draw: its moving picture and the text over it."""

    slide: Slide
    picture: Picture
    text: TextBlock


class Compositor:
    """Turns a Timeline into RGB frames; safe to call from several threads, in about time order."""

    def __init__(self, timeline: Timeline, theme: Theme) -> None:
        self.timeline, self.theme = timeline, theme
        self.layout = Layout(timeline.width, timeline.height)
        self.fps = timeline.fps
        self.slides = timeline.slides
        self.starts = [s.start for s in self.slides]
        self.cues = [c for c in timeline.cues if c.shown]  # burned in: not those giving way
        self.cue_starts = [c.start for c in self.cues]
        self.runs = text_runs(self.slides)
        self.captions = CaptionPainter(self.layout, theme)
        self.bug = brand_bug(self.layout, theme)
        label = theme.disclosure if timeline.synthetic_voice else ""
        self.labels = (
            (
                disclosure_patch(label, self.layout, theme, centred=False),
                disclosure_patch(label, self.layout, theme, centred=True),
            )
            if label
            else None
        )
        self.label_until = max(DISCLOSURE_SECONDS, self.slides[0].end if self.slides else 0.0)
        self._shots: dict[int, Future[Shot]] = {}
        self._lock = threading.Lock()

    def frame_at(self, t: float, into: np.ndarray | None = None) -> np.ndarray:
        """The frame shown at time t (seconds); events land on the frame that holds them. It is
        drawn into `into` (a frame its owner is done with) when that fits, else a new array."""
        at = t + 0.5 / self.fps
        index = self.slide_at(at)
        shot = self.shot(index)
        pushing = self._push(index, at)
        if into is not None and into.shape != (self.layout.height, self.layout.width, 3):
            into = None
        frame = shot.picture.draw(t - shot.slide.start, into if pushing >= 1.0 else None)
        if pushing < 1.0:
            old = self.shot(index - 1)
            move = wipe if _card(old.slide) and _card(shot.slide) else push
            frame = move(old.picture.draw(t - old.slide.start), frame, pushing)
        for first, frames_in, fade in self.visible_text(t):
            rise = self.layout.unit * self.theme.transitions.rise
            self.shot(first).text.draw(frame, frames_in, fade, self.theme.transitions, rise)
        if shot.slide.kind != "end":
            self.bug.blend_onto(frame)
        self._label(frame, at, shot.slide.kind == "end")
        cue = self.cue_at(at)
        if cue is not None:
            self.captions.draw(frame, cue, spoken_word(cue, at))
        return frame

    def _label(self, frame: np.ndarray, at: float, end: bool) -> None:
        """The disclosure: at the top from the first frame for DISCLOSURE_SECONDS, and all through
        the end card, drawn whole (it never builds in or fades)."""
        if self.labels is None:
            return
        if end:
            self.labels[1].blend_onto(frame)
        elif at < self.label_until:
            self.labels[0].blend_onto(frame)

    def visible_text(self, t: float) -> list[tuple[int, int, float]]:
        """The text drawn at t: (first slide of its run, frames since it came in, strength 0..1).

        At most one: a push shows no text, and a run's text fades out before the next one's cut.
        """
        at = t + 0.5 / self.fps
        index = self.slide_at(at)
        if self._push(index, at) < 1.0:
            return []
        frames_in, fade = self.text_opacity(index, at)
        if frames_in < 0 or fade <= 0:
            return []
        return [(self.runs[index][0], frames_in, fade)]

    def slide_at(self, at: float) -> int:
        return max(0, bisect.bisect_right(self.starts, at) - 1)

    def cue_at(self, at: float) -> Cue | None:
        i = bisect.bisect_right(self.cue_starts, at) - 1
        if i >= 0 and at < self.cues[i].end:
            return self.cues[i]
        return None

    def text_opacity(self, index: int, at: float) -> tuple[int, float]:
        """(frames since the text of slide `index` came in, its fade-out strength 0..1) at `at`."""
        first, last = self.runs[index]
        slide = self.slides[first]
        arrive = slide.start + (self._push_frames(first) / self.fps)
        frames_in = math.floor((at - arrive) * self.fps)
        if first == 0:
            frames_in += self.theme.transitions.text_in  # the hook's kicker is there at frame 0
        left = (self.slides[last].end - at) * self.fps - 1
        fade = (
            1.0
            if last == len(self.slides) - 1
            else min(1.0, max(0.0, left / self.theme.transitions.text_out))
        )
        return frames_in, fade

    def _push_frames(self, index: int) -> int:
        return (
            self.theme.transitions.push if index > 0 and self.slides[index].entry == "push" else 0
        )

    def _push(self, index: int, at: float) -> float:
        """Progress (0..1, eased out) of the push into slide `index`; 1 when there is none."""
        frames = self._push_frames(index)
        if not frames:
            return 1.0
        done = math.floor((at - self.slides[index].start) * self.fps) + 1
        return 1.0 if done >= frames else 1 - (1 - done / frames) ** 3

    def shot(self, index: int) -> Shot:
        """Slide `index` ready to draw: built once by the first thread that needs it."""
        with self._lock:
            future = self._shots.get(index)
            owner = future is None
            if future is None:
                future = self._shots[index] = Future()
                for old in [i for i in self._shots if i < index - KEEP]:
                    del self._shots[old]
        if owner:
            try:
                future.set_result(self._build(index))
            except BaseException as exc:
                future.set_exception(exc)
        return future.result()

    def _build(self, index: int) -> Shot:
        slide = self.slides[index]
        picture, frame = self._picture(index)
        picture = steadied(picture)
        first = self.runs[index][0]
        text = text_block(self.slides[first], frame) if first == index else TextBlock()
        if frame.on_photo and frame.photo_box is None:
            picture = with_shade(picture, self._text_rows(slide, frame), self.layout, self.theme)
        return Shot(slide, picture, text)

    def _picture(self, index: int) -> tuple[Picture, Frame]:
        layout, theme = self.layout, self.theme
        slide = self.slides[index]
        photo = slide.photo
        info = inspect_photo(photo.src) if photo and photo.src else None
        if photo is not None and info is not None:
            size = (layout.width, layout.height)
            if info.pans(size):
                picture = pan_picture(slide, info, layout, theme)
                frame = Frame(layout, theme, on_photo=True)
            elif (slide.kind == "hook" or info.fits(size)) and self._clear_of_text(
                index, info, photo.credit
            ):
                picture = cover_picture(slide, info, layout, theme)
                frame = Frame(layout, theme, on_photo=True)
            else:
                picture = whole_picture(slide, info, layout, theme)
                frame = Frame(layout, theme, photo_box=picture.box, on_photo=True)
            credit = credit_patch(photo.credit, layout, theme, picture.box)
            return replace(picture, credit=credit), frame
        kind = (
            "hook-quote" if slide.kind == "hook" and slide.heading.startswith("“") else slide.kind
        )
        return card_picture(slide, layout, theme, kind), Frame(layout, theme)

    def _clear_of_text(self, index: int, info: PhotoInfo, credit_line: str) -> bool:
        """Whether a photo filling a wide frame keeps its faces clear of the text over it (the
        shot's lines, the captions, the credit, the logo and label) through the shot; else it is
        shown beside the text. Tall and square frames keep faces high and text low."""
        if not (self.layout.wide and info.face_boxes):
            return True
        layout, theme, slide = self.layout, self.theme, self.slides[index]
        picture = cover_picture(slide, info, layout, theme)
        first = self.slides[self.runs[index][0]]
        frame = Frame(layout, theme, on_photo=True)
        text = [(u.x, u.y, *u.size) for u in text_block(first, frame).units]
        credit = credit_patch(credit_line, layout, theme)
        text += [(credit.x, credit.y, *credit.size)] if credit else []
        text.append(self.captions.area())
        labels = [self.bug] + (
            [self.labels[0]] if self.labels and slide.start < self.label_until else []
        )
        text += [(p.x, p.y, *p.size) for p in labels]
        return not any(
            _overlap(face, box)
            for t in (0.0, picture.move.duration / 2, picture.move.duration)
            for face in faces_in_view(picture, info, t)
            for box in text
        )

    def _text_rows(self, slide: Slide, frame: Frame) -> tuple[int, int]:
        """The rows the shade must darken: from the text's top to the captions' foot."""
        top = min((u.y for u in text_block(slide, frame).units), default=frame.text_bottom)
        return max(0, top - self.layout.px(20)), self.layout.caption_bottom + self.layout.px(10)


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    """Whether two (x, y, w, h) boxes share any pixel."""
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def text_runs(slides: tuple[Slide, ...]) -> list[tuple[int, int]]:
    """For each slide, the first and last slide of the run showing the same text (held over cuts)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for i, slide in enumerate(slides):
        if i and text_key(slide) != text_key(slides[i - 1]):
            start = i
        runs.append((start, i))
    last = len(slides) - 1
    for i in range(last, -1, -1):
        if i < last and runs[i + 1][0] == runs[i][0]:
            runs[i] = (runs[i][0], runs[i + 1][1])
    return runs


def text_key(slide: Slide) -> tuple[object, ...]:
    """What decides a slide's text: equal keys on adjacent slides keep the text on screen."""
    photo = slide.photo.src if slide.photo else None
    return slide.kind, slide.heading, slide.body, slide.kicker, slide.scene, photo


def _card(slide: Slide) -> bool:
    """A designed card (stripes on a gradient), not a photo."""
    return slide.photo is None


def wipe(old: np.ndarray, new: np.ndarray, progress: float) -> np.ndarray:
    """The new card revealed from the right edge over the old one, both held in place: pushing
    one striped card over another moves the stripes a third of the width in a frame, which reads
    as a one-frame flash (framecheck found four in the seed's 1080x1920 clip)."""
    width = old.shape[1]
    edge = width - min(width, max(1, round(width * progress)))
    frame = new.copy()
    frame[:, :edge] = old[:, :edge]
    return frame


def push(old: np.ndarray, new: np.ndarray, progress: float) -> np.ndarray:
    """The new picture sliding in from the right, pushing the old one out (progress 0..1)."""
    width = old.shape[1]
    shift = min(width, max(1, round(width * progress)))
    frame = np.empty_like(new)
    frame[:, : width - shift] = old[:, shift:]
    frame[:, width - shift :] = new[:, :shift]
    return frame
