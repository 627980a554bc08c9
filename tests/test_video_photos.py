"""Photos in the forms newsrooms send them: rotated, CMYK, palette, alpha, WebP, huge, broken."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from news60.video import photos
from news60.video.photos import load_photo

FRAME = (90, 160)  # width, height: a tiny 9:16 frame


def test_exif_rotation_is_applied(tmp_path):
    # Stored landscape (red left half, blue right half) but tagged "rotate 90° clockwise".
    image = Image.new("RGB", (400, 200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 200, 200))
    exif = image.getexif()
    exif[0x0112] = 6
    image.save(tmp_path / "rotated.jpg", exif=exif)
    prepared = load_photo(str(tmp_path / "rotated.jpg"), *FRAME)
    top, bottom = prepared.pixels[5, :, :].mean(axis=0), prepared.pixels[-5, :, :].mean(axis=0)
    # Upright, the red half is on top: it was the left half before turning clockwise.
    assert top[0] > 200 > bottom[0] and bottom[2] > 200


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("cmyk.jpg", lambda: Image.new("CMYK", (300, 200), (0, 255, 255, 0))),
        ("palette.png", lambda: Image.new("RGB", (300, 200), (255, 0, 0)).convert("P")),
        ("alpha.webp", lambda: Image.new("RGBA", (300, 200), (255, 0, 0, 255))),
        ("grey.png", lambda: Image.new("L", (300, 200), 128)),
    ],
)
def test_every_colour_mode_becomes_rgb_covering_the_frame(tmp_path, name, make):
    make().save(tmp_path / name)
    prepared = load_photo(str(tmp_path / name), *FRAME)
    assert prepared.pixels.dtype == np.uint8 and prepared.pixels.shape[2] == 3
    assert prepared.crop(0.5, *FRAME).shape == (FRAME[1], FRAME[0], 3)


def test_a_transparent_background_is_shown_as_white(tmp_path):
    Image.new("RGBA", (300, 200), (255, 0, 0, 0)).save(tmp_path / "clear.png")
    assert load_photo(str(tmp_path / "clear.png"), *FRAME).pixels.min() >= 250


def test_broken_and_bomb_images_are_skipped_with_a_warning(tmp_path, caplog, monkeypatch):
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    assert load_photo(str(tmp_path / "broken.jpg"), *FRAME) is None
    # Lower the limit rather than write a 100-megapixel file: the same guard trips.
    monkeypatch.setattr(photos, "MAX_PIXELS", 10_000)
    Image.new("RGB", (300, 200)).save(tmp_path / "big.png")
    assert load_photo(str(tmp_path / "big.png"), *FRAME) is None
    assert caplog.text.count("skipping photo") == 2


def test_without_faces_the_pan_heads_for_the_detailed_part_of_the_photo(tmp_path):
    # A plain grey picture with a busy checkerboard near its right edge.
    image = Image.new("L", (1200, 400), 120)
    board = Image.fromarray((np.indices((120, 120)).sum(axis=0) // 10 % 2 * 255).astype(np.uint8))
    image.paste(board, (1000, 140))
    image.save(tmp_path / "wide.png")
    x, y = photos.salient_point(Image.open(tmp_path / "wide.png"))
    assert 1000 <= x <= 1120 and 140 <= y <= 260
    prepared = load_photo(str(tmp_path / "wide.png"), *FRAME)
    assert prepared.end[0] > prepared.start[0]  # drifting right, toward the detail
