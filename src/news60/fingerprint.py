"""What a render depends on, hashed part by part: a re-run with equal hashes has nothing new to make,
and the parts that differ say what a correction changed (headline, text, photos, credits, settings)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path

from news60.localfiles import open_regular
from news60.models import Article, Photo, Script
from news60.settings import Settings
from news60.video.theme import DEFAULT_THEME


def article_fingerprint(article: Article, settings: Settings) -> dict[str, str]:
    """Hashes of the article's headline, text, photos and credits, and of the render settings."""
    return {
        "headline": _hash(article.title),
        "text": _hash([article.standfirst, article.paragraphs]),
        "photos": _hash([_photo_identity(p) for p in article.photos]),
        "credits": _hash(asdict(article.reporting)),
        "settings": settings_hash(settings),
    }


def script_fingerprint(script: Script, settings: Settings) -> dict[str, str]:
    """The same parts for an edited story.json: its scenes are the text."""
    scenes = [
        [s.text, str(s.caption), _photo_identity(s.photo) if s.photo else None]
        for s in script.scenes
    ]
    return {
        "headline": _hash(script.title),
        "text": _hash(scenes),
        "photos": _hash([_photo_identity(p) for p in script.photos]),
        "credits": _hash(asdict(script.reporting)),
        "settings": settings_hash(settings),
    }


def content_hash(fingerprint: dict[str, str]) -> str:
    """One hash of every part."""
    return _hash(sorted(fingerprint.items()))


def changes(old: Mapping[str, str] | None, new: Mapping[str, str]) -> list[str]:
    """The parts that differ ("text", "photos" ...); none when there was nothing before."""
    if not old:
        return []
    return [part for part, value in new.items() if old.get(part) != value]


def settings_hash(settings: Settings) -> str:
    """What in the settings changes the clip: script, voice and video, and the theme file's content."""
    video = {k: v for k, v in asdict(settings.video).items() if k not in ("threads",)}
    theme = settings.video.theme or DEFAULT_THEME
    return _hash([asdict(settings.script), asdict(settings.voice), video, _file_hash(Path(theme))])


def _photo_identity(photo: Photo) -> list[str | None]:
    """A photo by its content when it is a local file, else by its address; caption and credit too."""
    content = _file_hash(Path(photo.src)) if photo.src and "://" not in photo.src else photo.src
    return [content, photo.caption, photo.credit]


def _file_hash(path: Path) -> str:
    try:
        with open_regular(path) as handle:  # a FIFO where a photo was is not waited on
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, ValueError):
        return f"missing:{path}"


def _hash(value: object) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:16]
