"""What travels between the client and a worker, so that workers need no shared filesystem:
a Job carries the article, its photos' bytes and the previous version; Rendered carries the files."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from news60.atomic import write_bytes
from news60.batch.planning import Planned
from news60.errors import News60Error
from news60.localfiles import read_regular
from news60.models import Article, Photo
from news60.records.manifest import read_manifest
from news60.settings import Settings
from news60.stories import INDEX, Draft, Story, Version

PHOTOS = "photos"
PREVIOUS = "previous"
MUSIC = "music"
PARENT_MEDIA = {".mp4", ".mp3"}  # what the provenance signer opens as the previous version's parent
MEDIA_BYTES = 500_000_000  # a photo or music bed sent to a worker; checked files are far smaller


class StoryFailed(News60Error):
    """A story could not be rendered on its worker; the message is the reason (and it pickles)."""


@dataclass(frozen=True)
class Job:
    """One story to render on a worker: everything it needs, nothing that points at the client."""

    id: str  # the story folder's name in DIR
    key: str
    article: Article  # showable local photos point into `files` as "photos/<name>"
    prints: dict[str, str]
    settings: Settings  # `out` is set by the worker; the photo folder is already in the article
    previous: int | None = None  # the current version's number; its manifest and media in `files`
    files: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Rendered:
    """A finished version folder, file by file (its manifest names them: nothing to relocate),
    and which worker made it."""

    id: str
    files: dict[str, bytes]
    worker: dict[str, Any]  # worker_stats(): which process, its stories and memory


def pack_job(planned: Planned, draft: Draft) -> Job:
    """The job for a planned story's draft: photos and --music read into memory, the previous
    version too."""
    files: dict[str, bytes] = {}
    photos = tuple(
        _packed(photo, index, files) for index, photo in enumerate(planned.article.photos)
    )
    settings = planned.settings
    music = settings.video.music
    if music and music.lower() != "none":
        files[f"{MUSIC}/{Path(music).name}"] = read_regular(Path(music).expanduser(), MEDIA_BYTES)
    current = draft.previous
    if current is not None:
        files |= _previous_files(current)
    return Job(
        id=draft.story.folder.name,
        key=draft.story.key or planned.request.key,
        article=replace(planned.article, photos=photos),
        prints=draft.fingerprint,
        settings=replace(settings, article=replace(settings.article, photos=None)),
        previous=current.number if current else None,
        files=files,
    )


def unpack_job(job: Job, root: Path) -> tuple[Article, Settings, Story]:
    """On the worker: the job's files written under `root`, paths pointed at them, the story mirrored."""
    for name, data in job.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        write_bytes(root / name, data)
    photos = tuple(
        replace(p, src=str(root / p.src)) if p.src and p.src.startswith(f"{PHOTOS}/") else p
        for p in job.article.photos
    )
    video = job.settings.video
    if video.music and video.music.lower() != "none":
        video = replace(video, music=str(root / MUSIC / Path(video.music).name))
    settings = replace(job.settings, out=root / "out", video=video)
    return replace(job.article, photos=photos), settings, _mirror(job, root)


def read_version(folder: Path, job: Job, worker: dict[str, Any]) -> Rendered:
    """A version folder the worker published, ready to send back."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
    return Rendered(job.id, files, worker)


def _packed(photo: Photo, index: int, files: dict[str, bytes]) -> Photo:
    """A showable local photo travels as bytes; URLs (downloaded by the worker) and notes as they are."""
    if not photo.showable or not photo.src:  # (a showable photo has a path)
        return photo
    name = f"{PHOTOS}/{index:02d}-{Path(photo.src).name}"
    files[name] = read_regular(Path(photo.src), MEDIA_BYTES)
    return replace(photo, src=name)


def _previous_files(current: Version) -> dict[str, bytes]:
    files = {f"{PREVIOUS}/{INDEX}": (current.folder / INDEX).read_bytes()}
    for path in current.folder.iterdir():
        if path.suffix in PARENT_MEDIA and path.is_file():
            files[f"{PREVIOUS}/{path.name}"] = path.read_bytes()
    return files


def _mirror(job: Job, root: Path) -> Story:
    """The story as the worker sees it: its current version (manifest and media) moved into place."""
    folder = root / "out" / job.id
    folder.mkdir(parents=True, exist_ok=True)
    if job.previous is None:
        return Story(folder, job.key)
    version_folder = folder / f"v{job.previous}"
    (root / PREVIOUS).rename(version_folder)
    manifest = read_manifest(version_folder / INDEX)
    return Story(folder, job.key, (Version(job.previous, version_folder, manifest),))
