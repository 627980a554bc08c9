"""Camera moves over a picture at constant speed, drawn with sub-pixel precision (cv2.warpAffine)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from news60.video.theme import Motion

# The framings a picture cycles through when it is shown again: (start zoom, zoom direction,
# sideways drift direction, where across the view the subject sits). A reused photo gets a
# different crop and the reverse move.
FRAMINGS = (
    (1.0, +1, 0, 0.5),  # wide, pushing in on the subject
    (1.3, -1, 0, 0.5),  # tight on the subject, pulling out
    (1.15, 0, +1, 0.36),  # medium, the subject left of centre, drifting right
    (1.25, 0, -1, 0.64),  # medium-tight, the subject right of centre, drifting left
)


@dataclass(frozen=True)
class Move:
    """Zoom and view centre (in picture pixels) at the start and end of a shot; linear between."""

    start_zoom: float
    end_zoom: float
    start_centre: tuple[float, float]
    end_centre: tuple[float, float]
    duration: float

    def at(self, t: float) -> tuple[float, tuple[float, float]]:
        k = min(1.0, max(0.0, t / self.duration)) if self.duration > 0 else 0.0
        zoom = self.start_zoom + (self.end_zoom - self.start_zoom) * k
        x0, y0 = self.start_centre
        x1, y1 = self.end_centre
        return zoom, (x0 + (x1 - x0) * k, y0 + (y1 - y0) * k)


def plan_move(
    picture: tuple[int, int],
    view: tuple[int, int],
    headroom: float,
    focus: tuple[float, float],
    focus_at: tuple[float, float],
    framing: int,
    duration: float,
    motion: Motion,
) -> Move:
    """A move of `framing` over `duration`: the subject at `focus_at` of the view, constant speed.

    `picture` was scaled `headroom` times past covering the view: zoom 1 shows it all (the
    widest framing), zoom `headroom` the tightest.
    """
    base, zoom_dir, side, across = FRAMINGS[framing % len(FRAMINGS)]
    focus_at = (focus_at[0] + across - 0.5, focus_at[1])
    travel = motion.zoom * duration
    start_zoom = min(headroom, base + (travel if zoom_dir < 0 else 0.0))
    end_zoom = min(headroom, max(1.0, start_zoom + zoom_dir * travel))
    drift = motion.drift * view[0] * headroom / max(start_zoom, end_zoom) * duration

    def centre(zoom: float) -> tuple[float, float]:
        scale = headroom / zoom  # picture pixels per view pixel
        x = focus[0] + (0.5 - focus_at[0]) * view[0] * scale
        y = focus[1] + (0.5 - focus_at[1]) * view[1] * scale
        return x, y

    start, end = centre(start_zoom), centre(end_zoom)
    ranges = (
        _room(picture, view, headroom / start_zoom),
        _room(picture, view, headroom / end_zoom),
    )
    xs = _slide((start[0] - side * drift / 2, end[0] + side * drift / 2), ranges)
    first, last = _inside((xs[0], start[1]), ranges[0]), _inside((xs[1], end[1]), ranges[1])
    return Move(start_zoom, end_zoom, first, last, duration)


Room = tuple[float, float, float, float]  # the centres (x from, x to, y from, y to) a view may take


def _room(picture: tuple[int, int], view: tuple[int, int], scale: float) -> Room:
    """The centres (x from, x to, y from, y to) whose view stays inside the picture."""
    half_w, half_h = view[0] * scale / 2, view[1] * scale / 2
    return half_w, picture[0] - half_w, half_h, picture[1] - half_h


def _slide(xs: tuple[float, float], ranges: tuple[Room, Room]) -> tuple[float, float]:
    """A drift kept whole near an edge: both ends shifted back inside rather than stopped there
    (a subject at the edge would otherwise leave the picture standing still)."""
    low = max(r[0] for r in ranges)
    high = min(r[1] for r in ranges)
    shift = max(0.0, low - min(xs)) - max(0.0, max(xs) - high)
    return xs[0] + shift, xs[1] + shift


def _inside(point: tuple[float, float], room: Room) -> tuple[float, float]:
    """The nearest centre whose view stays inside the picture."""
    x = min(max(point[0], room[0]), room[1])
    y = min(max(point[1], room[2]), room[3])
    return x, y


def view_matrix(move: Move, t: float, view: tuple[int, int], headroom: float) -> np.ndarray:
    """The affine map from view pixels to picture pixels at time t (for WARP_INVERSE_MAP)."""
    zoom, (cx, cy) = move.at(t)
    scale = headroom / zoom
    return np.array(
        [[scale, 0, cx - scale * (view[0] - 1) / 2], [0, scale, cy - scale * (view[1] - 1) / 2]],
        dtype=np.float32,
    )


def shoot(
    picture: np.ndarray, matrix: np.ndarray, view: tuple[int, int], dst: np.ndarray | None = None
) -> np.ndarray:
    """The view of the picture through `matrix`: bilinear, sub-pixel, edges mirrored."""
    return cv2.warpAffine(
        picture,
        matrix,
        view,
        dst=dst,
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REFLECT,
    )


@dataclass(frozen=True, eq=False)
class Steady:
    """A picture resampled once at its move's constant zoom (a pan or a drift): every frame is
    then a sub-pixel crop of it, one blend of two neighbouring crops (about 1 ms at 1080x1920,
    where a warp takes 6 ms), and the same bilinear picture the warp would give."""

    pixels: np.ndarray
    origin: tuple[float, float]  # picture coordinates of pixels[0, 0]
    scale: float  # picture pixels per view pixel
    move: Move
    view: tuple[int, int]

    def shoot(self, t: float, dst: np.ndarray | None = None) -> np.ndarray:
        """The view at `t` seconds into the move (into `dst` when given)."""
        left, top = _corner(self.move, t, self.view, self.scale)
        u, v = (left - self.origin[0]) / self.scale, (top - self.origin[1]) / self.scale
        height, width = self.pixels.shape[:2]
        x0 = min(max(math.floor(u), 0), width - self.view[0] - 1)
        y0 = min(max(math.floor(v), 0), height - self.view[1] - 1)
        fx, fy = min(max(u - x0, 0.0), 1.0), min(max(v - y0, 0.0), 1.0)
        w, h = self.view
        if fy:  # drifting down or up: blend across, then down
            rows = _across(self.pixels[y0 : y0 + h + 1], x0, w, fx, None)
            return cv2.addWeighted(rows[:h], 1 - fy, rows[1:], fy, 0, dst=dst)
        return _across(self.pixels[y0 : y0 + h], x0, w, fx, dst)

    def doubled(self) -> Steady:
        """The same view at twice the size: a ground moved at half size (a card's plate) is
        scaled up once per shot here, not on every frame."""
        height, width = self.pixels.shape[:2]
        pixels = cv2.resize(self.pixels, (2 * width, 2 * height), interpolation=cv2.INTER_LINEAR)
        # Pixel i of the doubled grid sits at i / 2 - 1/4 of the original's (pixel centres).
        origin = (self.origin[0] - self.scale / 4, self.origin[1] - self.scale / 4)
        view = (2 * self.view[0], 2 * self.view[1])
        return Steady(pixels, origin, self.scale / 2, self.move, view)


def _across(rows: np.ndarray, x0: int, width: int, fx: float, dst: np.ndarray | None) -> np.ndarray:
    """Columns x0 + fx onwards of `rows`, `width` wide: a blend of two whole-pixel crops."""
    left = rows[:, x0 : x0 + width]
    if fx:
        return cv2.addWeighted(left, 1 - fx, rows[:, x0 + 1 : x0 + 1 + width], fx, 0, dst=dst)
    if dst is None:
        return left.copy()
    dst[...] = left
    return dst


def steady(
    picture: np.ndarray, move: Move, view: tuple[int, int], headroom: float
) -> Steady | None:
    """The picture resampled for a move that keeps its zoom; None for a move that zooms."""
    if move.start_zoom != move.end_zoom:
        return None
    scale = headroom / move.start_zoom
    corners = [_corner(move, t, view, scale) for t in (0.0, move.duration)]
    left, top = min(c[0] for c in corners), min(c[1] for c in corners)
    width = view[0] + math.ceil((max(c[0] for c in corners) - left) / scale) + 2
    height = view[1] + math.ceil((max(c[1] for c in corners) - top) / scale) + 2
    matrix = np.array([[scale, 0, left], [0, scale, top]], dtype=np.float32)
    return Steady(shoot(picture, matrix, (width, height)), (left, top), scale, move, view)


def _corner(move: Move, t: float, view: tuple[int, int], scale: float) -> tuple[float, float]:
    """Picture coordinates of the view's top-left pixel at `t` (view_matrix's offsets, in float64)."""
    _, (cx, cy) = move.at(t)
    return cx - scale * (view[0] - 1) / 2, cy - scale * (view[1] - 1) / 2
