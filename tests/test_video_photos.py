"""Photos in the forms newsrooms send them, and for every frame shape: rotated, odd colour modes,
broken, tiny, much wider than the frame, shown again."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from news60.models import Photo, Slide
from news60.video import photos
from news60.video.camera import view_matrix
from news60.video.layout import Layout
from news60.video.photos import inspect_photo, open_photo
from news60.video.pictures import cover_picture, whole_picture
from news60.video.theme import load_theme

FRAME = (90, 160)  # width, height: a tiny 9:16 frame


def test_exif_rotation_is_applied(tmp_path):
    # Stored landscape (red left half, blue right half) but tagged "rotate 90° clockwise".
    image = Image.new("RGB", (400, 200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 200, 200))
    exif = image.getexif()
    exif[0x0112] = 6
    image.save(tmp_path / "rotated.jpg", exif=exif)
    upright = np.asarray(open_photo(str(tmp_path / "rotated.jpg")))
    assert upright.shape[:2] == (400, 200)
    # Upright, the red half is on top: it was the left half before turning clockwise.
    assert upright[5].mean(axis=0)[0] > 200 > upright[-5].mean(axis=0)[0]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("cmyk.jpg", lambda: Image.new("CMYK", (300, 200), (0, 255, 255, 0))),
        ("palette.png", lambda: Image.new("RGB", (300, 200), (255, 0, 0)).convert("P")),
        ("alpha.webp", lambda: Image.new("RGBA", (300, 200), (255, 0, 0, 255))),
        ("grey.png", lambda: Image.new("L", (300, 200), 128)),
    ],
)
def test_every_colour_mode_becomes_rgb(tmp_path, name, make):
    make().save(tmp_path / name)
    assert open_photo(str(tmp_path / name)).mode == "RGB"


def test_a_transparent_background_is_shown_as_white(tmp_path):
    Image.new("RGBA", (300, 200), (255, 0, 0, 0)).save(tmp_path / "clear.png")
    assert np.asarray(open_photo(str(tmp_path / "clear.png"))).min() >= 250


def test_broken_and_bomb_images_are_skipped_with_a_warning(tmp_path, caplog, monkeypatch):
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    assert inspect_photo(str(tmp_path / "broken.jpg")) is None
    # Lower the limit rather than write a 100-megapixel file: the same guard trips.
    monkeypatch.setattr(photos, "MAX_PIXELS", 10_000)
    Image.new("RGB", (300, 200)).save(tmp_path / "big.png")
    assert inspect_photo(str(tmp_path / "big.png")) is None
    assert caplog.text.count("skipping photo") == 2


def test_without_faces_the_focus_is_the_detailed_part_of_the_photo(tmp_path):
    # A plain grey picture with a busy checkerboard near its right edge.
    image = Image.new("L", (1200, 400), 120)
    board = Image.fromarray((np.indices((120, 120)).sum(axis=0) // 10 % 2 * 255).astype(np.uint8))
    image.paste(board, (1000, 140))
    image.save(tmp_path / "wide.png")
    info = inspect_photo(str(tmp_path / "wide.png"))
    assert 1000 / 1200 <= info.focus[0] <= 1120 / 1200 and info.faces == 0


def striped(path, size) -> str:
    """Vertical stripes of changing colour: every column of the photo is told apart."""
    width, height = size
    x = np.linspace(0, 255, width, dtype=np.float32)
    rgb = np.stack([x, 255 - x, (x * 3) % 255], axis=-1)
    Image.fromarray(np.repeat(rgb[None], height, axis=0).astype(np.uint8)).save(path)
    return str(path)


def test_a_photo_much_wider_than_the_frame_is_shown_whole_over_a_blurred_copy(tmp_path):
    src = striped(tmp_path / "wide.png", (1500, 1000))
    info = inspect_photo(src)
    layout = Layout(270, 480)
    assert not info.fits((270, 480)) and info.fits((480, 270))
    slide = Slide("photo", 0, 3, photo=Photo(src, "", ""))
    picture = whole_picture(slide, info, layout, load_theme())
    frame = picture.draw(0.0)
    x, y, w, h = picture.box
    assert w >= 250 and h < 200  # the whole width of the photo, across the frame
    band = frame[y : y + h, x : x + w]
    # Both ends of the photo are in view: the red-ish left and the blue-green right.
    assert band[:, 2, 1].mean() > 150 and band[:, -3, 0].mean() > 150
    above = frame[: y - 2]
    assert above.max() < 140  # the blurred copy, darkened, fills the rest


def test_a_reused_photo_gets_another_crop_and_the_reverse_move(tmp_path):
    src = striped(tmp_path / "square.png", (1000, 1000))
    info, layout, theme = inspect_photo(src), Layout(270, 480), load_theme()
    first = cover_picture(
        Slide("photo", 0, 3, photo=Photo(src, "", ""), framing=0), info, layout, theme
    )
    again = cover_picture(
        Slide("photo", 0, 3, photo=Photo(src, "", ""), framing=1), info, layout, theme
    )
    assert first.move.end_zoom > first.move.start_zoom  # pushing in
    assert again.move.end_zoom < again.move.start_zoom  # pulling out
    assert again.move.start_zoom > first.move.start_zoom  # a tighter crop
    assert np.abs(first.draw(0).astype(int) - again.draw(0).astype(int)).mean() > 10


def test_the_camera_moves_every_frame_at_a_constant_speed_by_sub_pixel_steps(tmp_path):
    src = striped(tmp_path / "photo.png", (900, 1400))
    info, layout = inspect_photo(src), Layout(270, 480)
    slide = Slide("photo", 0, 3, photo=Photo(src, "", ""), framing=2)
    picture = cover_picture(slide, info, layout, load_theme())
    offsets = [
        view_matrix(picture.move, k / 30, (270, 480), photos.HEADROOM)[0, 2] for k in range(90)
    ]
    steps = np.diff(offsets)
    assert np.all(np.abs(steps) > 0)  # no frame stands still
    assert np.ptp(steps) < 1e-3 and abs(steps[0]) < 1  # even steps, under a pixel each
    frames = [picture.draw(k / 30) for k in range(5)]
    assert all(np.any(a != b) for a, b in zip(frames, frames[1:], strict=False))


def test_soft_photos_are_noted_and_tiny_ones_dropped(tmp_path):
    from pathlib import Path

    from news60.models import Narration, Scene, Script, SpokenSentence
    from news60.speech.timing import apportion
    from news60.video.timeline import plan_timeline

    Image.new("RGB", (600, 1000), "red").save(tmp_path / "small.jpg")
    Image.new("RGB", (1, 1), "red").save(tmp_path / "dot.jpg")
    scenes = tuple(
        Scene("Text here.", "Text", Photo(str(tmp_path / name), "", ""))
        for name in ("small.jpg", "dot.jpg")
    )
    spoken = tuple(
        SpokenSentence(
            "Text here.",
            i,
            2.0 * i,
            2.0 * i + 1.5,
            apportion(["Text", "here."], 2.0 * i, 2.0 * i + 1.5),
        )
        for i in range(2)
    )
    narration = Narration(Path("n.wav"), 3.5, spoken, "v", 22050)
    plan = plan_timeline(
        Script("T", scenes), narration, load_theme(), size=(1080, 1920), fps=30, audio=Path("a")
    )
    assert any("small.jpg is shown at 1.9x its size" in note for note in plan.notes)
    assert any("dot.jpg" in note and "not shown" in note for note in plan.notes)
    assert not any(
        s.photo and s.photo.src.endswith("dot.jpg") and s.kind == "photo" for s in plan.slides
    )


def test_the_shade_behind_text_on_a_white_photo_gives_white_text_4_5_to_1(tmp_path):
    from news60.video.pictures import with_shade

    Image.new("RGB", (900, 1600), "white").save(tmp_path / "white.jpg")
    src = str(tmp_path / "white.jpg")
    layout, theme = Layout(270, 480), load_theme()
    slide = Slide("photo", 0, 3, photo=Photo(src, "", ""))
    picture = cover_picture(slide, inspect_photo(src), layout, theme)
    shaded = with_shade(picture, (250, 350), layout, theme).draw(1.0)
    under = shaded[250:350].astype(np.float64) / 255
    linear = np.where(under <= 0.04045, under / 12.92, ((under + 0.055) / 1.055) ** 2.4)
    luminance = linear @ np.array([0.2126, 0.7152, 0.0722])
    assert (1.05 / (luminance.max() + 0.05)) >= 4.5
    assert shaded[:120].mean() > 240  # above the text the photo is untouched


@pytest.mark.parametrize("size", [(270, 480), (270, 270), (270, 338), (480, 270)])
def test_the_heading_under_a_photo_shown_whole_is_never_cut(tmp_path, size):
    """A long key line under a 3:1 strip keeps every word in every format (it used to end in …)."""
    from news60.video.cards import photo_heading
    from news60.video.frame import Frame

    src = striped(tmp_path / "panorama.png", (3000, 1000))
    layout, theme = Layout(*size), load_theme()
    heading = (
        "US President Donald Trump has hailed his “very, very good relationship”"  # the seed's
    )
    slide = Slide("photo", 0, 3, heading=heading, photo=Photo(src, "", ""))
    picture = whole_picture(slide, inspect_photo(src), layout, theme)
    _, (_, lines) = photo_heading(slide, Frame(layout, theme, photo_box=picture.box, on_photo=True))
    assert " ".join(lines) == heading  # every word, no "…"
    x, y, w, h = picture.box
    assert w >= size[0] * 0.5  # still a strip across the frame, not a thumbnail
