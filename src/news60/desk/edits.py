"""A producer's fix: the desk's edit form applied to a version's script, rendered as the story's next
version through the same step as `news60 render` (its checks: photos, lengths, fitting)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from news60.errors import ScriptError
from news60.models import Photo, Scene, Script
from news60.script.storyfile import on_screen, save_story
from news60.settings import Settings, with_overrides
from news60.stories import Version
from news60.versions import Outputs
from news60.video.formats import SIZES

PHOTO_TYPES = {".jpg", ".jpeg", ".png", ".webp"}  # what a producer's upload may be
UPLOAD_BYTES = 20_000_000  # a photo upload larger than this is refused before it is kept


@dataclass(frozen=True)
class SceneEdit:
    """One scene as the form sends it back: its place, words, on-screen line and picture."""

    position: float  # the order the producer gave (scenes sorted by it)
    text: str
    caption: str
    photo: str  # "" none, "keep" as it was, or the number of one of the story's photos
    photo_caption: str = ""
    delete: bool = False


def edited_script(script: Script, edits: list[SceneEdit], key: str | None) -> Script:
    """The script with the form's scenes, in the form's order, as a producer's edit of `key`."""
    if len(edits) != len(script.scenes):
        raise ScriptError("the form does not match this version's scenes: reload the story")
    scenes = []
    for edit, scene in sorted(
        zip(edits, script.scenes, strict=True), key=lambda pair: pair[0].position
    ):
        if not edit.delete:
            scenes.append(_scene(edit, scene, script.photos))
    if not scenes:
        raise ScriptError("every scene is deleted: keep at least one scene to say")
    return replace(script, scenes=tuple(scenes), summariser="edited", key=key)


def _scene(edit: SceneEdit, scene: Scene, photos: tuple[Photo, ...]) -> Scene:
    text = " ".join(edit.text.split())
    if not text:
        raise ScriptError("a scene's words are empty: write what it says, or tick delete")
    photo = scene.photo if edit.photo == "keep" else _photo(edit.photo, photos)
    if photo is not None and edit.photo_caption.strip():
        photo = replace(photo, caption=" ".join(edit.photo_caption.split()))
    caption = on_screen(" ".join(edit.caption.split()) or text)  # as story.json would read it
    if text == " ".join(scene.text.split()):  # the words stand: so does their trace to the article
        return replace(scene, caption=caption, photo=photo)
    return Scene(text, caption, photo)


def _photo(choice: str, photos: tuple[Photo, ...]) -> Photo | None:
    if not choice:
        return None
    if choice.isdigit() and 1 <= int(choice) <= len(photos):
        return photos[int(choice) - 1]
    raise ScriptError(f"photo {choice!r} is not one of the story's photos: pick one from the list")


def add_upload(script: Script, folder: Path, name: str, data: bytes) -> tuple[Script, str]:
    """A producer's photo kept in the story's .photos/ and added to its photos; its number."""
    suffix = Path(name).suffix.lower()
    if suffix not in PHOTO_TYPES:
        raise ScriptError(f"{name!r} is not a photo news60 shows: upload a JPEG, PNG or WebP")
    if len(data) > UPLOAD_BYTES:
        raise ScriptError(f"{name!r} is larger than {UPLOAD_BYTES} bytes: upload a smaller copy")
    dest = folder / ".photos" / f"upload-{secrets.token_hex(6)}{suffix}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    from news60.atomic import write_bytes

    write_bytes(dest, data)
    photo = Photo(str(dest), "", "")
    return replace(script, photos=(*script.photos, photo)), str(len(script.photos) + 1)


def render_settings(settings: Settings, version: Version) -> Settings:
    """The desk's settings with the version's own frame sizes, formats, frame rate and voice, so
    a fix looks like the clip it corrects."""
    manifest = version.manifest
    video = manifest.video
    names = tuple(f.format for f in manifest.formats)
    custom = bool(names) and not all(n in SIZES for n in names)
    overrides = {
        "video": {
            "formats": names if names and not custom else None,
            "width": video.width if custom else None,
            "height": video.height if custom else None,
            "fps": video.fps or None,
        },
        "voice": {"name": manifest.voice or None},
    }
    return with_overrides(settings, f"{version.folder} manifest", **overrides)


def render_edit(script: Script, settings: Settings, work: Path) -> Outputs:
    """The edited script saved as a story.json and rendered as the story's next version."""
    from news60.pipeline import render_story

    path = save_story(script, work / f"edit-{secrets.token_hex(4)}.json")
    try:
        return render_story(path, settings)
    finally:
        path.unlink(missing_ok=True)
