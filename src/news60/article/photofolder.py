"""Photos a producer supplies with --photos DIR: each credited from a sidecar file or its EXIF tags."""

from __future__ import annotations

import logging
from pathlib import Path

from PIL import ExifTags, Image, UnidentifiedImageError

from news60.errors import ArticleError
from news60.localfiles import load_json, open_regular, read_input
from news60.models import Photo

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
SIDECAR = "photos.json"  # {"file.jpg": {"caption": "...", "credit": "..."}}
SIDECAR_BYTES = 5_000_000  # captions and credits for thousands of photos
LABEL_CHARS = 1_000  # a caption or credit; longer is a paste gone wrong


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


def _photo(path: Path, notes: dict[str, str]) -> Photo:
    try:
        with open_regular(path) as handle, Image.open(handle) as image:
            exif = image.getexif()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        # photocheck names the problem (a FIFO too); the producer decides (--skip-missing-photos).
        exif = Image.Exif()
    caption = notes.get("caption") or _tag(exif, "ImageDescription") or _caption_from_name(path)
    credit = notes.get("credit") or _tag(exif, "Artist") or _tag(exif, "Copyright")
    if not credit:
        # A press photo shown without its credit is a licensing breach: make the gap visible.
        log.warning(
            "%s has no credit: add it to %s or the photo's EXIF Artist tag", path.name, SIDECAR
        )
    return Photo(str(path.resolve()), caption, credit)


def _read_sidecar(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    raw = read_input(
        path, SIDECAR_BYTES, what="photo credits", hint="fix it or remove it", error=ArticleError
    )
    try:
        data = load_json(raw.decode("utf-8-sig"))
    except ValueError as exc:  # not UTF-8, not JSON, nested too deeply
        raise ArticleError(f"{path} is not valid JSON ({exc}): fix it or remove it") from None
    if not isinstance(data, dict) or not all(_entry_ok(v) for v in data.values()):
        raise ArticleError(
            f'{path} must map file names to {{"caption": "...", "credit": "..."}} '
            f"(text of at most {LABEL_CHARS} characters each)"
        )
    return data


def _entry_ok(entry: object) -> bool:
    """A sidecar entry: an object whose caption and credit, when given, are short strings."""
    if not isinstance(entry, dict):
        return False
    values = [entry.get(k) for k in ("caption", "credit") if entry.get(k) is not None]
    return all(isinstance(v, str) and len(v) <= LABEL_CHARS for v in values)


def _tag(exif: Image.Exif, name: str) -> str:
    tag = next(key for key, value in ExifTags.TAGS.items() if value == name)
    value = exif.get(tag, "")
    return value.strip().strip("\x00") if isinstance(value, str) else ""


def _caption_from_name(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
