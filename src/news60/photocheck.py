"""Photos checked before any work: each local file opens as a whole image of a usable size.

A photo the producer named (--photos, a CMS export, story.json) that cannot be shown stops the job
unless they allow it (--skip-missing-photos); a photo from a web page that cannot be shown is kept
with a note, so it is still credited as "credited by the source, not shown"."""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from news60.errors import ArticleError
from news60.localfiles import NotRegularFile, open_regular
from news60.models import Photo, Script

MIN_SIDE = (
    240  # below this on its short side a photo is an icon or thumbnail: full frame it is a blur
)


def photo_problem(src: str, max_pixels: int) -> str:
    """Why the local photo at `src` cannot be shown, or "" when it can (article.max_pixels is the
    decompression-bomb limit, the same one downloads are held to)."""
    try:
        with open_regular(Path(src)) as handle:
            return _image_problem(handle, max_pixels)
    except (FileNotFoundError, NotADirectoryError):
        return "file not found"
    except NotRegularFile as exc:  # a FIFO named like a photo would hang the reader
        return str(exc.strerror)
    except ValueError:
        return "its name has a NUL byte"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"


def _image_problem(handle: BinaryIO, max_pixels: int) -> str:
    try:
        with warnings.catch_warnings(), Image.open(handle) as image:
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            width, height = image.size
            if width * height > max_pixels:
                return f"{width}x{height} is over the {max_pixels:,}-pixel limit"
            if min(width, height) < MIN_SIDE:
                return f"too small to show full frame ({width}x{height} px, under {MIN_SIDE} px)"
            image.draft("RGB", (width // 8 or 1, height // 8 or 1))  # JPEGs decode at 1/8 size
            image.load()  # a truncated file fails here, not mid-render
    except Image.DecompressionBombError:  # Pillow's own check, before ours, for the largest claims
        return f"claims more pixels than the {max_pixels:,}-pixel limit (a decompression bomb?)"
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
        return f"not a readable image ({exc})"
    return ""


def check_photos(
    photos: tuple[Photo, ...], *, strict: bool, origin: str, max_pixels: int
) -> tuple[Photo, ...]:
    """Every local photo checked: a problem is an error under `strict`, else a note on the photo."""
    return tuple(_checked(photo, strict, origin, max_pixels) for photo in photos)


def check_scene_photos(script: Script, *, strict: bool, origin: str, max_pixels: int) -> Script:
    """The story's scene photos checked; a photo that cannot be shown leaves its scene to a card."""
    scenes, dropped = [], []
    for scene in script.scenes:
        photo = _checked(scene.photo, strict, origin, max_pixels) if scene.photo else None
        if photo is not None and photo.note:
            dropped.append(photo)
            photo = None
        scenes.append(replace(scene, photo=photo))
    kept = tuple(p for p in script.photos if (p.caption, p.credit) not in _keys(dropped))
    photos = check_photos(kept, strict=False, origin=origin, max_pixels=max_pixels)
    photos += tuple(dict.fromkeys(dropped))
    return replace(script, scenes=tuple(scenes), photos=photos)


def _checked(photo: Photo, strict: bool, origin: str, max_pixels: int) -> Photo:
    if photo.note or not photo.src or "://" in photo.src:
        return photo
    problem = photo_problem(photo.src, max_pixels)
    if problem and strict:
        raise ArticleError(
            f"{origin} photo {photo.src}: {problem}: fix or replace the file, "
            "or add --skip-missing-photos to make the clip without it"
        )
    return replace(photo, note=f"not shown: {problem}") if problem else photo


def _keys(photos: list[Photo]) -> set[tuple[str, str]]:
    return {(p.caption, p.credit) for p in photos}
