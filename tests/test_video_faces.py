"""Photos pan toward faces: a real face photo at the edge of a wide picture stays in the crop."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from news60.models import Photo, Slide
from news60.video.camera import view_matrix
from news60.video.layout import Layout
from news60.video.photos import HEADROOM, detect_faces, inspect_photo
from news60.video.pictures import cover_picture
from news60.video.theme import load_theme

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
@pytest.mark.parametrize("framing", range(4))
def test_the_face_stays_in_view_in_every_framing_of_a_full_bleed_shot(wide_photo, size, framing):
    width, height = size
    info = inspect_photo(str(wide_photo))
    assert info.faces == 1
    slide = Slide("hook", 0, 4, photo=Photo(str(wide_photo), "", ""), framing=framing)
    picture = cover_picture(slide, info, Layout(width, height), load_theme())
    scale = picture.pixels.shape[1] / info.width
    fx, fy, fw, fh = (v * scale for v in detect_faces(Image.open(wide_photo))[0])
    for t in np.linspace(0, 4, 9):
        matrix = view_matrix(picture.move, float(t), size, HEADROOM)
        left, top = matrix[0, 2], matrix[1, 2]
        right, bottom = left + matrix[0, 0] * width, top + matrix[1, 1] * height
        assert left <= fx and fx + fw <= right, (t, left, right, fx)
        assert top <= fy and fy + fh <= bottom, (t, top, bottom, fy)
    # Without the face, a centred crop would have missed it: the test has teeth.
    centre = picture.pixels.shape[1] / 2
    assert centre - matrix[0, 0] * width / 2 > fx + fw
