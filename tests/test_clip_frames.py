"""Frames a viewer sees, checked as a designer would: the photo's credit read back while it is
shown, a panorama filling the frame's height as it pans, text clear of faces in 16:9, the logo and
the AI-voice label below the platforms' top bar and on screen long enough to read."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_frames import DISCLOSURE, read_text

from news60.models import Narration, Photo, Reporting, Scene, Script, SpokenSentence
from news60.speech.timing import apportion
from news60.video.compositor import DISCLOSURE_SECONDS, Compositor
from news60.video.layout import TOP_BAR
from news60.video.photos import detect_faces
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline

data = pytest.importorskip("skimage.data", reason="scikit-image ships the astronaut photo")
TEXTS = [
    "The city council has approved a new bridge across the river after a decade of delays.",
    "Engineers say the crossing will carry trams as well as cars and bicycles from next year.",
    "Work starts in spring and should take four years, officials said after the long vote.",
]
CAPTIONS = ["Council approves a new bridge", "Trams will cross it too", "Work starts in spring"]
CREDIT = "Jane Doe/Reuters"


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> dict[str, Path]:
    """A face (Eileen Collins' NASA portrait) and a 4:1 panorama: top red, bottom blue, striped."""
    folder = tmp_path_factory.mktemp("photos")
    face = folder / "face.jpg"
    Image.fromarray(data.astronaut()).save(face, quality=92)
    x = np.linspace(0, 1, 2400, dtype=np.float32)
    stripes = (np.sin(x * 90) * 60 + 120)[None, :].repeat(600, axis=0)
    rgb = np.stack([stripes, stripes, stripes], axis=-1)
    rgb[:40] = (220, 20, 20)
    rgb[-40:] = (20, 20, 220)
    panorama = folder / "panorama.jpg"
    Image.fromarray(rgb.astype(np.uint8)).save(panorama, quality=95)
    return {"face": face, "panorama": panorama}


def timeline(photo: Path, size: tuple[int, int], synthetic: bool = True):
    """Three scenes over one photo (credited), voiced by evenly spaced words."""
    shown = Photo(str(photo), "The new bridge", CREDIT)
    scenes = tuple(Scene(t, c, shown) for t, c in zip(TEXTS, CAPTIONS, strict=True))
    script = Script("Council approves new bridge", scenes, reporting=Reporting(agencies=("AFP",)))
    sentences, t = [], 0.0
    for i, text in enumerate(TEXTS):
        d = len(text.split()) * 0.38
        sentences.append(SpokenSentence(text, i, t, t + d, apportion(text.split(), t, t + d)))
        t += d + 0.5
    narration = Narration(Path("n.wav"), t, tuple(sentences), "piper:test", 22050)
    return plan_timeline(
        script, narration, load_theme(), size=size, fps=30, audio=Path("a.wav"),
        synthetic_voice=synthetic,
    )  # fmt: skip


def photo_slides(plan) -> list[int]:
    return [i for i, s in enumerate(plan.slides) if s.photo is not None and s.kind != "hook"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["9:16", "16:9"])
def test_the_photos_credit_is_read_on_screen_while_it_is_shown(photos, size, tmp_path):
    plan = timeline(photos["face"], size)
    compositor = Compositor(plan, load_theme())
    for index in (0, *photo_slides(plan)[::2]):  # the hook and every other photo shot
        slide = plan.slides[index]
        picture = compositor.shot(index).picture
        assert picture.credit is not None
        x, y, w, h = picture.credit.x, picture.credit.y, *picture.credit.size
        at = (slide.start + slide.end) / 2
        frame = tmp_path / f"credit-{index}.png"
        Image.fromarray(compositor.frame_at(at)).save(frame)
        read = read_text(frame, (x - 10, y - 6, x + w + 10, y + h + 6))
        assert "Jane Doe" in read and "Reuters" in read, (index, read)


def test_a_panorama_fills_the_frame_height_while_it_pans(photos):
    plan = timeline(photos["panorama"], (270, 480))
    compositor = Compositor(plan, load_theme())
    for index in photo_slides(plan):
        slide, picture = plan.slides[index], compositor.shot(index).picture
        assert picture.box is None and picture.backdrop is None  # no strip over a blurred copy
        first, last = picture.draw(0.0), picture.draw(slide.end - slide.start - 1 / 30)
        for frame in (first, last):
            # The photo's red top and blue bottom bands sit at the frame's own top and bottom.
            assert frame[0, :, 0].mean() > 150 and frame[0, :, 2].mean() < 90
            assert frame[-1, :, 2].mean() > 150 and frame[-1, :, 0].mean() < 90
        # It moves across: the stripes shift sideways from the first frame to the last.
        middle = slice(200, 280)
        assert np.abs(first[middle].astype(int) - last[middle].astype(int)).mean() > 10


def test_in_16x9_no_text_box_overlaps_a_face(photos):
    plan = timeline(photos["face"], (1920, 1080))
    compositor = Compositor(plan, load_theme())
    checked = 0
    for index, slide in enumerate(plan.slides[:-1]):
        shot = compositor.shot(index)
        first = compositor.runs[index][0]
        text = [(u.x, u.y, *u.size) for u in compositor.shot(first).text.units]
        text += [compositor.captions.area(), (shot.picture.credit.x, shot.picture.credit.y,
                                              *shot.picture.credit.size)]  # fmt: skip
        for t in (0.1, (slide.end - slide.start) / 2):
            faces = detect_faces(Image.fromarray(shot.picture.draw(t)))
            checked += len(faces)
            for fx, fy, fw, fh in faces:
                for x, y, w, h in text:
                    clear = fx + fw <= x or x + w <= fx or fy + fh <= y or y + h <= fy
                    assert clear, (index, slide.kind, (fx, fy, fw, fh), (x, y, w, h))
    assert checked >= 4  # the face was found in the frames checked: the test has teeth


@pytest.mark.parametrize("size", [(1080, 1920), (1080, 1080), (1920, 1080), (1080, 1350)], ids=str)
def test_the_logo_and_label_sit_below_the_top_bar_and_stay_two_seconds(photos, size):
    plan = timeline(photos["face"], size)
    compositor = Compositor(plan, load_theme())
    top = TOP_BAR * size[1]
    for patch in (compositor.bug, *compositor.labels):
        ink = np.argwhere(255 - patch.inverse_alpha[..., 0] > 24)
        assert patch.y + ink[:, 0].min() >= top, (patch.y, top)
    label = compositor.labels[0]
    x, y, w, h = label.x, label.y, *label.size
    assert DISCLOSURE_SECONDS >= 2.0
    end = plan.slides[-1]
    assert end.end - end.start >= 2.0
    opening = [k / 30 for k in range(0, 61, 5)]
    closing = [end.start + k / 30 for k in range(0, round((end.end - end.start) * 30), 10)]
    for at in opening:
        region = compositor.frame_at(at)[y : y + h, x : x + w].astype(int)
        alone = compositor.shot(compositor.slide_at(at)).picture.draw(at)[y : y + h, x : x + w]
        assert np.abs(region - alone.astype(int)).mean() > 20, at  # the label is drawn over it
    label = compositor.labels[1]
    x, y, w, h = label.x, label.y, *label.size
    for at in closing:
        region = compositor.frame_at(at)[y : y + h, x : x + w]
        assert (region.min(axis=-1) > 200).mean() > 0.03, at  # its white letters and outline


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_the_label_reads_on_the_first_frame_and_a_recorded_voice_has_none(photos, tmp_path):
    plan = timeline(photos["face"], (1080, 1920))
    compositor = Compositor(plan, load_theme())
    label = compositor.labels[0]
    frame = tmp_path / "first.png"
    Image.fromarray(compositor.frame_at(0.0)).save(frame)
    box = (label.x - 10, label.y - 10, label.x + label.size[0] + 10, label.y + label.size[1] + 10)
    assert DISCLOSURE.search(read_text(frame, box))
    assert Compositor(timeline(photos["face"], (1080, 1920), False), load_theme()).labels is None


@pytest.mark.parametrize("size", [(1080, 1080), (960, 540)], ids=str)
def test_the_cover_line_sits_clear_of_the_face(photos, size):
    from news60.video.photos import inspect_photo
    from news60.video.thumbnail import draw_cover

    plan = timeline(photos["face"], size)
    cover = np.asarray(draw_cover(plan, load_theme(), size))
    faces = detect_faces(Image.fromarray(cover))
    assert faces and inspect_photo(str(photos["face"])).faces == 1
    x, y, w, h = faces[0]
    # The white cover line is below the face: the face's rows hold none of its letters (the
    # middle columns, away from the logo at the top left).
    middle = slice(size[0] // 4, size[0] * 3 // 4)
    white = (cover[:, middle].min(axis=-1) > 235).mean(axis=1)
    line_rows = np.flatnonzero(white > 0.08)
    assert line_rows.size and line_rows.min() > y + h // 2, (line_rows.min(), (y, h))
