"""Photos a producer supplies with --photos DIR: each credited from a sidecar file or its EXIF tags."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from news60.errors import ArticleError
from news60.models import Photo

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
SIDECAR = "photos.json"  # {"file.jpg": {"caption": "...", "credit": "..."}}


def photos_from_folder(folder: Path) -> tuple[Photo, ...]:
    """Every image in `folder`, in name order, with its caption and credit."""
    if not folder.is_dir():
        raise ArticleError(f"--photos {folder} is not a folder: give a folder of image files")
    sidecar = _read_sidecar(folder / SIDECAR)
    photos = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES):
        photos.append(_photo(path, sidecar.get(path.name, {})))
    if not photos:
        raise ArticleError(f"--photos {folder} holds no images (jpg, png, webp ...): add some")
    return tuple(photos)


def _photo(path: Path, notes: dict) -> Photo:
    try:
        with Image.open(path) as image:
            exif = image.getexif()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        # photocheck names the problem; the producer decides (--skip-missing-photos).
        exif = Image.Exif()
    caption = notes.get("caption") or _tag(exif, "ImageDescription") or _caption_from_name(path)
    credit = notes.get("credit") or _tag(exif, "Artist") or _tag(exif, "Copyright")
    if not credit:
        # A press photo shown without its credit is a licensing breach: make the gap visible.
        log.warning(
            "%s has no credit: add it to %s or the photo's EXIF Artist tag", path.name, SIDECAR
        )
    return Photo(str(path.resolve()), caption, credit)


def _read_sidecar(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ArticleError(f"{path} is not valid JSON ({exc}): fix it or remove it") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise ArticleError(f'{path} must map file names to {{"caption": ..., "credit": ...}}')
    return data


def _tag(exif: Image.Exif, name: str) -> str:
    tag = next(key for key, value in ExifTags.TAGS.items() if value == name)
    value = exif.get(tag, "")
    return value.strip().strip("\x00") if isinstance(value, str) else ""


def _caption_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
