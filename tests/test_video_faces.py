"""Photos pan toward faces: a real face photo at the edge of a wide picture stays in the crop."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from news60.video.photos import detect_faces, load_photo

data = pytest.importorskip("skimage.data", reason="scikit-image ships the astronaut photo")


@pytest.fixture(scope="module")
def wide_photo(tmp_path_factory):
    """Eileen Collins' portrait (public domain, shipped with scikit-image) at the left of a wide canvas."""
    face = Image.fromarray(data.astronaut()).resize((800, 800), Image.LANCZOS)
    rng = np.random.default_rng(6)
    ground = rng.integers(90, 140, size=(800, 2600, 3), dtype=np.uint8)
    canvas = Image.fromarray(ground)
    canvas.paste(face, (0, 0))
    path = tmp_path_factory.mktemp("faces") / "wide.jpg"
    canvas.save(path, quality=92)
    return path


def test_the_cascade_finds_the_astronauts_face(wide_photo):
    faces = detect_faces(Image.open(wide_photo))
    assert len(faces) == 1
    x, y, w, h = faces[0]
    assert x + w < 800 and 100 < w < 400


@pytest.mark.parametrize("size", [(270, 480), (480, 270)], ids=["9:16", "16:9"])
def test_the_face_stays_inside_the_crop_for_the_whole_pan(wide_photo, size):
    width, height = size
    photo = load_photo(str(wide_photo), width, height)
    faces = detect_faces(Image.fromarray(photo.pixels))
    assert len(faces) == 1
    fx, fy, fw, fh = faces[0]
    for progress in np.linspace(0, 1, 31):
        x, y = photo.offset(float(progress))
        assert x <= fx and fx + fw <= x + width, (progress, x, faces[0])
        assert y <= fy and fy + fh <= y + height, (progress, y, faces[0])
        assert photo.crop(float(progress), width, height).shape == (height, width, 3)
    # Without the face, a centred crop would have missed it: the test has teeth.
    centre = (photo.pixels.shape[1] - width) // 2
    assert centre > fx + fw or centre + width < fx
