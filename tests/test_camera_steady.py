"""A move that keeps its zoom (a panorama's pan, a drift) is drawn from pixels resampled once:
the same picture as the per-frame warp, moving on every frame."""

from __future__ import annotations

import numpy as np
import pytest

from news60.video.camera import Move, shoot, steady, view_matrix

data = pytest.importorskip("skimage.data", reason="scikit-image ships the astronaut photo")
VIEW = (96, 160)


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    """A real photo, wide enough to pan across a tall view."""
    image = data.astronaut()  # 512x512 RGB
    return np.ascontiguousarray(np.concatenate([image, image[:, ::-1]], axis=1)[:300])


def warped(photo: np.ndarray, move: Move, headroom: float, t: float) -> np.ndarray:
    return shoot(photo, view_matrix(move, t, VIEW, headroom), VIEW)


@pytest.mark.parametrize(
    "move",
    [
        Move(1.0, 1.0, (200.0, 150.0), (700.0, 150.0), 3.0),  # a pan across
        Move(1.1, 1.1, (600.0, 140.0), (420.3, 161.7), 2.5),  # a drift down and back
    ],
    ids=["pan", "drift"],
)
def test_a_move_that_keeps_its_zoom_looks_as_the_warp_draws_it(photo, move):
    headroom = 1.6
    still = steady(photo, move, VIEW, headroom)
    assert still is not None
    for t in np.linspace(0.0, move.duration, 17):
        ours, theirs = still.shoot(float(t)).astype(int), warped(photo, move, headroom, float(t))
        assert ours.shape == theirs.shape
        # Two bilinear steps instead of one: the same picture, softer by a fraction of a level.
        assert np.abs(ours - theirs).mean() < 3.0, t


def test_a_steady_view_moves_on_every_frame_and_fills_a_box_in_place(photo):
    move = Move(1.0, 1.0, (200.0, 150.0), (230.0, 150.0), 3.0)  # 0.33 px a frame at 30 fps
    still = steady(photo, move, VIEW, 1.0)
    assert still is not None
    frames = [still.shoot(i / 30) for i in range(90)]
    assert all(np.any(a != b) for a, b in zip(frames, frames[1:], strict=False))
    canvas = np.zeros((VIEW[1] + 20, VIEW[0] + 20, 3), np.uint8)
    still.shoot(1.0, dst=canvas[10 : 10 + VIEW[1], 10 : 10 + VIEW[0]])
    assert np.array_equal(canvas[10 : 10 + VIEW[1], 10 : 10 + VIEW[0]], frames[30])
    assert not canvas[:10].any() and not canvas[:, :10].any()


def test_a_zooming_move_is_warped_on_every_frame(photo):
    assert steady(photo, Move(1.0, 1.2, (300.0, 150.0), (300.0, 150.0), 3.0), VIEW, 1.4) is None


def test_a_plate_moved_at_half_size_is_doubled_once_and_looks_as_scaled_up_frames(photo):
    import cv2

    move = Move(1.0, 1.0, (200.0, 150.0), (260.0, 140.0), 3.0)
    half = steady(photo, move, VIEW, 1.2)
    assert half is not None
    whole = half.doubled()
    assert whole.view == (2 * VIEW[0], 2 * VIEW[1])
    for t in (0.0, 0.8, 2.1, 3.0):
        scaled = cv2.resize(half.shoot(t), whole.view, interpolation=cv2.INTER_LINEAR)
        assert np.abs(whole.shoot(t).astype(int) - scaled).mean() < 2.0, t
