"""The clip a STORY_DIR names: the story folder's current version, or the version folder given."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from news60.errors import PublishError
from news60.models import Script
from news60.script.storyfile import script_from_dict

MANIFEST = "manifest.json"
_VERSION = re.compile(r"^v(\d+)$")


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


def load_clip(story_dir: Path, fmt: str | None = None) -> Clip:
    """The clip to post from a story folder (its current version) or a version folder."""
    story_dir = Path(story_dir)
    manifest = _read(story_dir / MANIFEST, story_dir)
    if "versions" in manifest:  # the story's index: post its current version
        folder = _current_folder(story_dir, manifest)
        return _clip(story_dir, folder, _read(folder / MANIFEST, folder), fmt, named=False)
    if _VERSION.match(story_dir.name) and (story_dir.parent / MANIFEST).is_file():
        return _clip(story_dir.parent, story_dir, manifest, fmt, named=True)
    return _clip(story_dir, story_dir, manifest, fmt, named=True)


def _current_folder(story: Path, index: dict) -> Path:
    name = index.get("folder") or (f"v{index['current']}" if index.get("current") else None)
    if not name or not (story / name / MANIFEST).is_file():
        raise PublishError(f"{story} has no finished version yet: make the clip first")
    return story / name


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
        format=fmt or _formats(manifest)[0].get("format", "9:16"),
        thumbnail=_local(folder, manifest.get("files", {}).get("thumbnail")),
        manifest=manifest,
        script=_script(folder, manifest),
    )


def _clip_file(folder: Path, manifest: dict, fmt: str | None) -> Path:
    """The MP4 of format `fmt` (the first format when None), wherever the folder now lives."""
    formats = _formats(manifest)
    entry = next((f for f in formats if fmt is None or f.get("format") == fmt), None)
    if entry is None:
        made = ", ".join(str(f.get("format")) for f in formats)
        raise PublishError(f"{folder} has no {fmt} clip (it has {made}): pick one with --format")
    path = _local(folder, entry.get("path") or manifest.get("files", {}).get(entry.get("file")))
    if path is None:
        raise PublishError(f"{folder}: the {entry.get('format')} clip is missing: make it again")
    return path


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
