"""Frames reach x264 as I420 converted by news60, with the numbers ffmpeg's own conversion gives."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest
from PIL import Image, ImageDraw

from news60.video.yuv import planes_size, to_i420

data = pytest.importorskip("skimage.data", reason="scikit-image ships the astronaut photo")


def frame(width: int, height: int) -> np.ndarray:
    """A real photo with a red plate and white and yellow text over it, as a clip frame has."""
    picture = Image.fromarray(data.astronaut()).resize((width, height))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((4, height * 2 // 3, width - 4, height - 8), fill=(200, 20, 30))
    draw.text((8, height * 2 // 3 + 4), "Council votes 7-2", fill=(255, 255, 255))
    draw.text((8, height * 2 // 3 + 20), "AP / Jo Bloggs", fill=(255, 230, 0))
    return np.asarray(picture).copy()


def ffmpegs(rgb: np.ndarray) -> np.ndarray:
    """ffmpeg's own rgb24 to yuv420p conversion, as it ran inside the encoder before."""
    height, width = rgb.shape[:2]
    command = ["ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24"]
    command += ["-s", f"{width}x{height}", "-i", "-", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-"]
    out = subprocess.run(command, input=rgb.tobytes(), capture_output=True, check=True).stdout
    return np.frombuffer(out, np.uint8)


# 160x270: a height that is not a multiple of 4, so a chroma plane ends mid-row (4:5 at 1080 wide).
@pytest.mark.parametrize("size", [(160, 284), (160, 270), (540, 960)])
def test_i420_is_what_ffmpeg_converts_luma_within_a_level_chroma_within_a_few(size):
    rgb = frame(*size)
    ours, theirs = to_i420(rgb).reshape(-1).astype(int), ffmpegs(rgb).astype(int)
    assert len(ours) == len(theirs) == planes_size(*size)
    luma = size[0] * size[1]
    assert np.abs(ours[:luma] - theirs[:luma]).max() <= 1
    chroma = np.abs(ours[luma:] - theirs[luma:])
    assert chroma.mean() < 0.5 and np.percentile(chroma, 99) <= 6  # tiny text: sharp edges
    assert 10 * np.log10(255**2 / np.mean(chroma.astype(float) ** 2)) > 45


def test_the_planes_are_written_into_the_buffer_given():
    rgb = frame(160, 284)
    buffer = np.zeros((284 * 3 // 2, 160), np.uint8)
    assert to_i420(rgb, into=buffer) is buffer
    assert np.array_equal(buffer, to_i420(rgb))
