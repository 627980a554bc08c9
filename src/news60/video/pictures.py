"""The moving picture under a shot's text: a card's plate, a photo full-bleed, or a photo shown whole."""

from __future__ import annotations

from dataclasses import dataclass, replace

import cv2
import numpy as np

from news60.models import Slide
from news60.video.camera import Move, Steady, plan_move, shoot, steady, view_matrix
from news60.video.layout import Layout
from news60.video.photos import HEADROOM, PhotoInfo, scaled_photo
from news60.video.plates import PLATE_HEADROOM, PLATE_PACE, plate, plate_size
from news60.video.sprites import Patch
from news60.video.theme import Theme
from news60.video.typesetting import family, font, line_height

BAND_HEADROOM = 1.15  # a photo shown whole at its widest framing; tighter ones crop up to this much
PAN_HEADROOM = 1.04  # a panorama is scaled this much past the frame's height: no edge shows
PAN_SPEED = 0.1  # frame widths a panorama pans across per second: read as a pan, not a whip
BACKDROP_DIM = 0.42  # the blurred copy behind a photo shown whole is darkened to this brightness
HEADING_LINES = 3  # a key line under a photo shown whole: three lines at caption size, never cut
HEADING_GAP = 40  # px at 1080 wide between a photo shown whole and the heading under it
CONTRAST_LUMA = 0.18  # relative luminance under white text for 4.5:1 contrast (WCAG AA)


@dataclass(frozen=True, eq=False)
class Picture:
    """Pixels moved by a camera; a photo shown whole sits on a still backdrop inside `box`."""

    pixels: np.ndarray
    move: Move
    headroom: float
    view: tuple[int, int]
    backdrop: np.ndarray | None = None
    box: tuple[int, int, int, int] | None = None
    shade: Patch | None = None
    frame: tuple[int, int] | None = None  # when set, `view` is drawn and scaled up to this size
    credit: Patch | None = None  # the photo's credit, on screen whenever the photo is
    steady: Steady | None = None  # for a move that keeps its zoom: the pixels resampled once

    def draw(self, t: float, into: np.ndarray | None = None) -> np.ndarray:
        """The picture at `t` seconds into its shot: drawn into `into` (a frame-sized array
        its owner is done with) when given, else into a new array."""
        if self.backdrop is not None:
            frame = self._whole(t, self.backdrop, into)
        elif self.frame is not None and (self.steady is None or self.steady.view != self.frame):
            small = self._view(t, self.view)  # moved small, scaled up to the frame
            frame = cv2.resize(small, self.frame, dst=into, interpolation=cv2.INTER_LINEAR)
        else:
            frame = self._view(t, self.view, into)
        if self.shade is not None:
            self.shade.blend_onto(frame)
        if self.credit is not None:
            self.credit.blend_onto(frame)
        return frame

    def _whole(self, t: float, backdrop: np.ndarray, into: np.ndarray | None) -> np.ndarray:
        """The photo in its box over the still backdrop (copied only around the box)."""
        assert self.box is not None  # whole_picture gives a backdrop and its box together
        x, y, w, h = self.box
        frame = np.empty_like(backdrop) if into is None else into
        frame[:y], frame[y + h :] = backdrop[:y], backdrop[y + h :]
        frame[y : y + h, :x], frame[y : y + h, x + w :] = (
            backdrop[y : y + h, :x],
            backdrop[y : y + h, x + w :],
        )
        self._view(t, (w, h), dst=frame[y : y + h, x : x + w])
        return frame

    def _view(self, t: float, size: tuple[int, int], dst: np.ndarray | None = None) -> np.ndarray:
        """The moving pixels at `t`, `size` big: cropped from the steady copy, else warped."""
        if self.steady is not None:
            return self.steady.shoot(t, dst)
        return shoot(self.pixels, view_matrix(self.move, t, size, self.headroom), size, dst=dst)


def steadied(picture: Picture) -> Picture:
    """The picture with its pixels resampled once when its move keeps its zoom (pans, drifts)."""
    size = (picture.box[2], picture.box[3]) if picture.box is not None else picture.view
    still = steady(picture.pixels, picture.move, size, picture.headroom)
    if still is not None and picture.frame == (2 * size[0], 2 * size[1]):
        still = still.doubled()  # a plate drawn at half size: scaled up once, not every frame
    return replace(picture, steady=still)


def card_picture(slide: Slide, layout: Layout, theme: Theme, kind: str) -> Picture:
    """A card's plate, moving with the slide's framing.

    Plates are soft gradients and big shapes: moved at half size and scaled up, they look the
    same for half the cost of moving them at full size.
    """
    half = Layout(max(8, (layout.width + 1) // 2), max(8, (layout.height + 1) // 2))
    size = plate_size(half)
    move = plan_move(
        size,
        (half.width, half.height),
        PLATE_HEADROOM,
        (size[0] / 2, size[1] / 2),
        (0.5, 0.5),
        slide.framing,
        slide.end - slide.start,
        replace(
            theme.motion, zoom=theme.motion.zoom * PLATE_PACE, drift=theme.motion.drift * PLATE_PACE
        ),
    )
    pixels = plate(half, theme, kind, slide.framing)
    view = (half.width, half.height)
    return Picture(pixels, move, PLATE_HEADROOM, view, frame=(layout.width, layout.height))


def cover_picture(
    slide: Slide, info: PhotoInfo, layout: Layout, theme: Theme, focus_y: float | None = None
) -> Picture:
    """A photo filling the frame, its subject high in the frame (at `focus_y` of its height when
    given), moving with the slide's framing; in a wide frame the subject stays right of the text."""
    view = (layout.width, layout.height)
    scale = max(view[0] / info.width, view[1] / info.height) * HEADROOM
    size = (round(info.width * scale), round(info.height * scale))
    focus = (info.focus[0] * size[0], info.focus[1] * size[1])
    left, right = layout.clear
    move = plan_move(
        size,
        view,
        HEADROOM,
        focus,
        (
            (left + right) / 2 if layout.wide else 0.5,
            layout.focus_y if focus_y is None else focus_y,
        ),
        slide.framing,
        slide.end - slide.start,
        theme.motion,
    )
    return Picture(scaled_photo(_photo_src(slide), size), move, HEADROOM, view)


def _photo_src(slide: Slide) -> str:
    """The address of a photo slide's photo (slides are planned with shown photos only)."""
    assert slide.photo is not None and slide.photo.src is not None
    return slide.photo.src


def faces_in_view(picture: Picture, info: PhotoInfo, t: float) -> list[tuple[int, int, int, int]]:
    """Where the photo's faces are in the frame at `t` seconds into the shot: (x, y, w, h)."""
    height, width = picture.pixels.shape[:2]
    matrix = view_matrix(picture.move, t, picture.view, picture.headroom)
    scale, x0, y0 = float(matrix[0, 0]), float(matrix[0, 2]), float(matrix[1, 2])
    ox, oy = (picture.box[0], picture.box[1]) if picture.box else (0, 0)
    return [
        (
            round(ox + (fx * width - x0) / scale),
            round(oy + (fy * height - y0) / scale),
            round(fw * width / scale),
            round(fh * height / scale),
        )
        for fx, fy, fw, fh in info.face_boxes
    ]


def pan_picture(slide: Slide, info: PhotoInfo, layout: Layout, theme: Theme) -> Picture:
    """A panorama at the frame's full height, panning across at a steady pace: over its subject
    first, then over other stretches of it, one way then the other, with each new framing."""
    view = (layout.width, layout.height)
    height = round(layout.height * PAN_HEADROOM)
    size = (max(round(info.width * height / info.height), round(view[0] * PAN_HEADROOM)), height)
    half, duration = view[0] * PAN_HEADROOM / 2, slide.end - slide.start
    low, high = half, size[0] - half
    travel = min(high - low, PAN_SPEED * view[0] * PAN_HEADROOM * max(duration, 0.0))
    stops = (info.focus[0] * size[0], low, high, (low + high) / 2)
    middle = min(max(stops[slide.framing % len(stops)], low + travel / 2), high - travel / 2)
    side = 1 if slide.framing % 2 == 0 else -1
    xs = (middle - side * travel / 2, middle + side * travel / 2)
    move = Move(1.0, 1.0, (xs[0], height / 2), (xs[1], height / 2), duration)
    return Picture(scaled_photo(_photo_src(slide), size), move, PAN_HEADROOM, view)


def whole_picture(slide: Slide, info: PhotoInfo, layout: Layout, theme: Theme) -> Picture:
    """A photo much wider (or taller) than the frame: whole, over a blurred, darkened copy of itself."""
    box = layout.photo_box(info.width / info.height, bottom=heading_room_top(layout, theme))
    x, y, w, h = box
    size = (round(w * BAND_HEADROOM), round(h * BAND_HEADROOM))
    pixels = scaled_photo(_photo_src(slide), size)
    focus = (info.focus[0] * size[0], info.focus[1] * size[1])
    move = plan_move(
        size,
        (w, h),
        BAND_HEADROOM,
        focus,
        (0.5, 0.5),
        slide.framing,
        slide.end - slide.start,
        theme.motion,
    )
    return Picture(
        pixels, move, BAND_HEADROOM, (layout.width, layout.height), _backdrop(pixels, layout), box
    )


def heading_room_top(layout: Layout, theme: Theme) -> int:
    """Where a photo shown whole must end: a three-line heading at caption size fits between it
    and the captions (a strip 0.38 of a 9:16 frame high left room for two, so headings were cut)."""
    from news60.video.frame import Frame

    face = font(family(theme, "headline"), layout.type_px(theme.type, "caption"))
    heading = HEADING_LINES * line_height(face) + layout.px(HEADING_GAP)  # as fit_box counts rows
    return Frame(layout, theme).text_bottom - heading


def _backdrop(pixels: np.ndarray, layout: Layout) -> np.ndarray:
    """The photo covering the frame, blurred to a wash of its colours and darkened under text."""
    small_w = max(8, layout.width // 12)
    small_h = max(8, layout.height // 12)
    scale = max(small_w / pixels.shape[1], small_h / pixels.shape[0])
    small = cv2.resize(
        pixels,
        (
            max(small_w, round(pixels.shape[1] * scale)),
            max(small_h, round(pixels.shape[0] * scale)),
        ),
        interpolation=cv2.INTER_AREA,
    )
    x0, y0 = (small.shape[1] - small_w) // 2, (small.shape[0] - small_h) // 2
    small = cv2.GaussianBlur(small[y0 : y0 + small_h, x0 : x0 + small_w], (0, 0), sigmaX=2.5)
    big = cv2.resize(small, (layout.width, layout.height), interpolation=cv2.INTER_CUBIC)
    return cv2.convertScaleAbs(big, alpha=BACKDROP_DIM)


def with_shade(picture: Picture, rows: tuple[int, int], layout: Layout, theme: Theme) -> Picture:
    """A shade behind the text rows only, dark enough that white text there reads at 4.5:1."""
    top, bottom = rows
    moments = (0.0, picture.move.duration / 2, picture.move.duration)
    opacity = needed_opacity(np.concatenate([picture.draw(t)[top:bottom] for t in moments]))
    ramp = layout.px(200)
    start, end = max(0, top - ramp), min(layout.height, bottom + ramp // 2)
    alpha = np.zeros(end - start, dtype=np.float32)
    alpha[top - start : bottom - start] = opacity
    alpha[: top - start] = np.linspace(0, opacity, top - start) ** 1.5 / max(opacity, 1e-6) ** 0.5
    alpha[bottom - start :] = np.linspace(opacity, 0, end - bottom)
    rgba = np.zeros((end - start, layout.width, 4), dtype=np.uint8)
    rgba[..., :3] = theme.colors["shade"][:3]
    rgba[..., 3] = (np.clip(alpha, 0, 1) * 255).astype(np.uint8)[:, None]
    return replace(picture, shade=Patch.from_rgba(rgba, 0, start))


def needed_opacity(region: np.ndarray) -> float:
    """How dark a black shade must be for white text on the brightest part of `region` to reach 4.5:1."""
    luma = (region.astype(np.float32) / 255) @ np.array([0.2126, 0.7152, 0.0722], np.float32)
    bright = float(np.percentile(luma, 98))
    # Shading scales the sRGB values; white text needs the shaded value's luminance under CONTRAST_LUMA.
    limit = _encode(CONTRAST_LUMA)
    return float(min(0.9, max(0.25, 1 - limit / max(bright, 1e-6))))


def _encode(linear: float) -> float:
    """sRGB encoding of a linear value."""
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
