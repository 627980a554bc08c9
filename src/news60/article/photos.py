"""Download the photos of a web article into a folder, keeping only real images."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import replace
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from news60.article.fetch import fetch
from news60.atomic import write_bytes
from news60.errors import ArticleError
from news60.models import Article, Photo, Script
from news60.settings import ArticleSettings

log = logging.getLogger(__name__)

_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "BMP": ".bmp"}


def download_photos(article: Article, photo_dir: Path, settings: ArticleSettings) -> Article:
    """A copy of the article whose web photos are verified local files; failures dropped."""
    photos: list[Photo] = []
    for photo in article.photos:
        if photo.src is None or not photo.src.startswith(("http://", "https://")):
            photos.append(photo)
            continue
        path = download_photo(photo.src, photo_dir, settings)
        if path is not None:
            photos.append(replace(photo, src=str(path)))
    return replace(article, photos=tuple(photos))


def download_photo(url: str, photo_dir: Path, settings: ArticleSettings) -> Path | None:
    """Fetch one photo and save it when Pillow recognises it as an image; None otherwise."""
    try:
        data = fetch(url, settings, accept="image/*")
    except ArticleError as exc:
        log.warning("skipping photo: %s", exc)
        return None
    kind = _image_kind(data)
    if kind is None:
        log.warning("skipping photo %s: not an image Pillow can read", url)
        return None
    photo_dir.mkdir(parents=True, exist_ok=True)
    path = (
        photo_dir
        / f"photo-{hashlib.sha1(url.encode()).hexdigest()[:12]}{_EXTENSIONS.get(kind, '.img')}"
    )
    return write_bytes(path, data)


def download_scene_photos(script: Script, photo_dir: Path, settings: ArticleSettings) -> Script:
    """A copy of an edited script whose scene photos given as URLs are local, verified files."""
    scenes = []
    for scene in script.scenes:
        photo = scene.photo
        if photo is not None and photo.src and photo.src.startswith(("http://", "https://")):
            path = download_photo(photo.src, photo_dir, settings)
            photo = replace(photo, src=str(path)) if path is not None else None
        scenes.append(replace(scene, photo=photo))
    return replace(script, scenes=tuple(scenes))


def _image_kind(data: bytes) -> str | None:
    """The image format ("JPEG", "PNG", ...) when the bytes are a complete image, else None."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            return image.format
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return None
