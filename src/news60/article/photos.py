"""Download an article's photos when a clip is made: verified images or a note saying why not.

Reading a page never downloads; a photo that cannot be fetched or shown stays in the article with
its credit and its URL, and `note` says why, so it is credited by the source, not shown."""

from __future__ import annotations

import hashlib
import io
import logging
import time
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from news60.article.fetch import check_url, fetch
from news60.atomic import write_bytes
from news60.cachefiles import trim_files
from news60.errors import ArticleError
from news60.models import Article, Photo, Scene, Script
from news60.settings import ArticleSettings

log = logging.getLogger(__name__)

_EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif", "BMP": ".bmp"}


def download_photos(article: Article, folder: Path, settings: ArticleSettings) -> Article:
    """A copy of the article whose web photos are local files, or keep their URL with a note."""
    return replace(article, photos=tuple(download(p, folder, settings) for p in article.photos))


def download(photo: Photo, folder: Path, settings: ArticleSettings) -> Photo:
    """One photo as a verified local file, or unchanged with `note` saying why it cannot be shown."""
    if photo.src is None or not photo.src.startswith(("http://", "https://")):
        return photo
    try:
        return replace(photo, src=str(download_photo(photo.src, folder, settings)))
    except ArticleError as exc:
        log.warning("photo %s not downloaded: %s", photo.src, exc)
        return replace(photo, note=f"not downloaded: {_reason(exc)}")


def download_photo(url: str, folder: Path, settings: ArticleSettings) -> Path:
    """Fetch one photo and keep it when it is a whole image within the pixel limit."""
    path_stem = folder / f"photo-{hashlib.sha1(url.encode()).hexdigest()[:12]}"
    cached = (
        next(iter(sorted(folder.glob(f"{path_stem.name}.*"))), None) if folder.is_dir() else None
    )
    if cached is not None and not cached.name.startswith("."):
        cached.touch()  # recently used: the cache trims the oldest first
        return cached
    data = fetch(url, settings, accept="image/*")
    kind = image_kind(data, settings.max_pixels)
    folder.mkdir(parents=True, exist_ok=True)
    return write_bytes(path_stem.with_suffix(_EXTENSIONS.get(kind, ".img")), data)


def check_scene_urls(
    script: Script, settings: ArticleSettings, *, strict: bool, origin: str
) -> Script:
    """Before any work, scene photos given as URLs are checked as pages are (http(s), public
    hosts unless --allow-private, never link-local or metadata): a refused one stops the job
    under `strict`, else its scene falls to a card and the manifest says why."""

    def check(photo: Photo) -> Photo:
        assert photo.src is not None  # _scene_photos hands over only photos with a URL
        try:
            check_url(photo.src, settings)
        except ArticleError as exc:
            return replace(photo, note=f"not downloaded: {exc}")
        return photo

    return _scene_photos(script, check, strict, origin)


def download_scene_photos(
    script: Script, folder: Path, settings: ArticleSettings, *, strict: bool, origin: str
) -> Script:
    """A copy of an edited script whose scene photos given as URLs are local, verified files;
    one that cannot be downloaded stops the job under `strict`, else is noted and not shown."""
    return _scene_photos(script, lambda photo: download(photo, folder, settings), strict, origin)


def _scene_photos(
    script: Script, handle: Callable[[Photo], Photo], strict: bool, origin: str
) -> Script:
    """`handle` applied to every scene photo given as a URL; one it notes is an error under
    `strict`, else it leaves its scene and joins the story's photos, noted."""
    scenes: list[Scene] = []
    dropped: list[Photo] = []
    for scene in script.scenes:
        photo = scene.photo
        if photo is not None and photo.src and photo.src.startswith(("http://", "https://")):
            photo = handle(photo)
            if photo.note and strict:
                raise ArticleError(
                    f"{origin} photo {photo.src}: {photo.note}: fix or replace it, "
                    "or add --skip-missing-photos to make the clip without it"
                )
            if photo.note:
                dropped.append(photo)
                photo = None
        scenes.append(replace(scene, photo=photo))
    gone = {(p.caption, p.credit) for p in dropped}
    kept = tuple(p for p in script.photos if (p.caption, p.credit) not in gone)
    return replace(script, scenes=tuple(scenes), photos=kept + tuple(dict.fromkeys(dropped)))


def image_kind(data: bytes, max_pixels: int) -> str:
    """The format ("JPEG", "PNG", ...) of a complete image within `max_pixels`; ArticleError else.

    The size is read from the header before anything is decoded, so a decompression bomb (a
    1 MB PNG of 20000x20000) is refused without allocating it; Pillow's global limit is untouched."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ArticleError(_over_limit(width, height, max_pixels))
                image.verify()
                return image.format or "IMG"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ArticleError(f"over the pixel limit ({max_pixels} pixels)") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise ArticleError("not an image Pillow can read") from None


def trim_cache(cache: Path, settings: ArticleSettings) -> None:
    """Keep the download cache under its size and age limits, removing the oldest files first."""
    if not cache.is_dir():
        return
    files = [path for path in cache.rglob("*") if path.is_file()]
    trim_files(files, settings.cache_bytes, before=time.time() - settings.cache_days * 86400)


def _over_limit(width: int, height: int, limit: int) -> str:
    return f"over the pixel limit ({width}x{height} is more than {limit} pixels)"


def _reason(exc: ArticleError) -> str:
    """The short cause in an error message: "HTTP 404", "not an image", "over the pixel limit"."""
    text = str(exc)
    for short in ("over the pixel limit", "not an image", "did not", "larger than", "cut short"):
        if short in text:
            return text[text.index(short) :].split(":")[0]
    if "HTTP " in text:
        return "HTTP " + text.split("HTTP ", 1)[1].split(":")[0]
    return text.split(": ")[0][:120]
