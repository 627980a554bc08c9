"""The clip a STORY_DIR names: the story folder's current version, or the version folder given."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from news60.errors import PublishError
from news60.models import Script
from news60.script.storyfile import script_from_dict
from news60.stories import load_story

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Clip:
    """One rendered clip of one version of a story, as it will be posted."""

    story: Path  # the story folder: it holds the uploads ledger
    folder: Path  # the version folder (the story folder itself for a render without versions)
    version: int | None  # None for a folder news60 0.1 wrote, which has no versions
    named: bool  # the user named this version folder, rather than the story's current version
    path: Path
    size: int
    sha256: str
    format: str
    thumbnail: Path | None
    manifest: dict
    script: Script | None  # None for a bulletin: its post is described from its manifest

    @property
    def voice(self) -> str:
        return str(self.manifest.get("voice") or "")

    @property
    def seconds(self) -> float:
        """The clip's length: the manifest's, else read from the MP4's own header."""
        if self.manifest.get("duration"):
            return float(self.manifest["duration"])
        from mutagen.mp4 import MP4

        return float(MP4(self.path).info.length)


def load_clip(story_dir: Path, fmt: str | None = None) -> Clip:
    """The clip to post from a story folder (its current version) or a version folder."""
    story_dir = Path(story_dir)
    manifest = _read(story_dir / MANIFEST, story_dir)
    story = load_story(story_dir)  # the one reading of the story layout (news60.stories)
    if story.folder != story_dir:  # a version folder named by the user
        return _clip(story.folder, story_dir, manifest, fmt, named=True)
    if "versions" in manifest:  # the story's index: post its current version
        if story.current is None:
            raise PublishError(f"{story_dir} has no finished version yet: make the clip first")
        current = story.current
        return _clip(story.folder, current.folder, current.manifest, fmt, named=False)
    return _clip(story_dir, story_dir, manifest, fmt, named=True)  # news60 0.1: no versions


def _clip(story: Path, folder: Path, manifest: dict, fmt: str | None, named: bool) -> Clip:
    path = _clip_file(folder, manifest, fmt)
    version = manifest.get("version")
    return Clip(
        story=story,
        folder=folder,
        version=int(version) if version is not None else None,
        named=named,
        path=path,
        size=path.stat().st_size,
        sha256=file_sha256(path),
        format=str(_entry(folder, manifest, fmt).get("format", "9:16")),
        thumbnail=_local(folder, manifest.get("files", {}).get("thumbnail")),
        manifest=manifest,
        script=_script(folder, manifest),
    )


def _clip_file(folder: Path, manifest: dict, fmt: str | None) -> Path:
    """The MP4 of format `fmt` (the first format when None), wherever the folder now lives."""
    entry = _entry(folder, manifest, fmt)
    path = _local(folder, entry.get("path") or manifest.get("files", {}).get(entry.get("file")))
    if path is None:
        raise PublishError(f"{folder}: the {entry.get('format')} clip is missing: make it again")
    return path


def _entry(folder: Path, manifest: dict, fmt: str | None) -> dict:
    """The manifest's clip of format `fmt`: by name, else a clip made with --size of that shape."""
    formats = _formats(manifest)
    entry = next((f for f in formats if fmt is None or f.get("format") == fmt), None)
    entry = entry or next((f for f in formats if _shaped(f, fmt)), None)
    if entry is None:
        made = ", ".join(str(f.get("format")) for f in formats)
        raise PublishError(f"{folder} has no {fmt} clip (it has {made}): pick one with --format")
    return entry


def _shaped(entry: dict, fmt: str | None) -> bool:
    """Whether a clip's frame has the aspect ratio `fmt` names ("9:16" for a 160x284 clip)."""
    ratio = _ratio(str(fmt or "").replace("x", ":"), ":")
    width, height = entry.get("width"), entry.get("height")
    made = width / height if width and height else _ratio(str(entry.get("format", "")), "x")
    # Even frame sides round a ratio: 160x284 is 9:16 within 0.2 %, 1080x1350 is 4:5 exactly.
    return bool(ratio and made) and abs(made / ratio - 1) < 0.01


def _ratio(name: str, sep: str) -> float | None:
    """'9:16' -> 0.5625 (with sep ':'), '160x284' -> 0.563 (with sep 'x'); None when not a ratio."""
    left, _, right = name.partition(sep)
    try:
        return float(left) / float(right)
    except (ValueError, ZeroDivisionError):
        return None


def _formats(manifest: dict) -> list[dict]:
    """The manifest's clips; a manifest from before formats existed lists only `files.clip`."""
    return manifest.get("formats") or [{"format": "9:16", "file": "clip"}]


def _local(folder: Path, recorded: str | None) -> Path | None:
    """A file the manifest lists, found by its recorded path or, after a move, by name in `folder`."""
    if not recorded:
        return None
    for path in (Path(recorded), folder / Path(recorded).name):
        if path.is_file():
            return path
    return None


def _script(folder: Path, manifest: dict) -> Script | None:
    if manifest.get("kind") == "bulletin":  # segments and chapters, not a story's scenes
        return None
    path = _local(folder, manifest.get("files", {}).get("script")) or folder / "script.json"
    return script_from_dict(_read(path, folder), str(path))


def _read(path: Path, folder: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PublishError(
            f"{folder} is not a story folder (no {path.name}): give OUT/<story> or OUT/<story>/vN"
        ) from None
    except (OSError, ValueError) as exc:
        raise PublishError(f"{path} cannot be read ({exc}): make the clip again") from None
    if not isinstance(data, dict):
        raise PublishError(f"{path} is not a news60 manifest: make the clip again")
    return data


def file_sha256(path: Path) -> str:
    """The clip's identity in the uploads ledger: the same bytes are the same clip."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
