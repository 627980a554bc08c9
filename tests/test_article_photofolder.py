import json

import pytest
from PIL import Image

from news60.article.photofolder import photos_from_folder
from news60.errors import ArticleError


def save(path, exif: dict | None = None):
    image = Image.new("RGB", (64, 48), (10, 120, 200))
    data = image.getexif()
    for tag, value in (exif or {}).items():
        data[tag] = value
    image.save(path, exif=data)


def test_credits_come_from_the_sidecar_then_exif(tmp_path, caplog):
    save(tmp_path / "b_crowd-at-summit.jpg")
    save(tmp_path / "a.jpg", {0x013B: "Jane Doe/Reuters", 0x010E: "Leaders arrive"})
    save(tmp_path / "c.jpg")
    (tmp_path / "photos.json").write_text(json.dumps({"c.jpg": {"caption": "Cap", "credit": "AP"}}))
    (tmp_path / "notes.txt").write_text("not a photo")
    photos = photos_from_folder(tmp_path)
    assert [(p.caption, p.credit) for p in photos] == [
        ("Leaders arrive", "Jane Doe/Reuters"),
        ("B crowd at summit", ""),
        ("Cap", "AP"),
    ]
    assert "b_crowd-at-summit.jpg has no credit" in caplog.text


def test_an_unreadable_image_is_named_and_an_empty_folder_is_an_error(tmp_path):
    from news60.photocheck import check_photos

    (tmp_path / "broken.jpg").write_bytes(b"nope")
    photos = photos_from_folder(tmp_path)  # listed, so the check can name it
    with pytest.raises(ArticleError, match="broken.jpg: not a readable image"):
        check_photos(photos, strict=True, origin="--photos", max_pixels=80_000_000)
    assert (
        "not a readable image"
        in check_photos(photos, strict=False, origin="x", max_pixels=80_000_000)[0].note
    )
    (tmp_path / "broken.jpg").unlink()
    with pytest.raises(ArticleError, match="holds no images"):
        photos_from_folder(tmp_path)
    with pytest.raises(ArticleError, match="is not a folder"):
        photos_from_folder(tmp_path / "missing")
