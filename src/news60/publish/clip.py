"""The clip a STORY_DIR names: the story folder's current version, or the version folder given."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from news60.errors import PublishError
from news60.models import Script
from news60.records.codec import RecordError
from news60.records.manifest import (
    MANIFEST,
    ClipFormat,
    VersionManifest,
    mismatches,
    read_manifest,
    sha256,
)
from news60.script.storyfile import load_story as load_script
from news60.stories import load_story


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
    manifest: VersionManifest
    script: Script | None  # None for a bulletin: its post is described from its manifest

    @property
    def voice(self) -> str:
        return self.manifest.voice

    @property
    def seconds(self) -> float:
        """The clip's length: the manifest's, else read from the MP4's own header."""
        if self.manifest.duration:
            return self.manifest.duration
        from mutagen.mp4 import MP4

        info = MP4(self.path).info
        assert info is not None  # MP4() reads the header or raises
        return float(info.length)


def load_clip(story_dir: Path, fmt: str | None = None) -> Clip:
    """The clip to post from a story folder (its current version) or a version folder; a folder
    whose files are not the ones its manifest lists (changed, swapped, cut short) is refused."""
    story_dir = Path(story_dir)
    if not (story_dir / MANIFEST).is_file():
        raise PublishError(
            f"{story_dir} is not a story folder (no {MANIFEST}): give OUT/<story> or OUT/<story>/vN"
        )
    story = load_story(story_dir)  # the one reading of the story layout (news60.stories)
    if story.folder != story_dir:  # a version folder named by the user
        return _clip(story.folder, story_dir, _manifest(story_dir), fmt, named=True)
    if story.versions or story.key:  # the story's index: post its current version
        if story.current is None:
            raise PublishError(f"{story_dir} has no finished version yet: make the clip first")
        current = story.current
        return _clip(story.folder, current.folder, current.manifest, fmt, named=False)
    return _clip(story_dir, story_dir, _manifest(story_dir), fmt, named=True)  # news60 0.1


def _clip(
    story: Path, folder: Path, manifest: VersionManifest, fmt: str | None, named: bool
) -> Clip:
    if wrong := mismatches(folder, manifest):
        raise PublishError(
            f"{folder} does not hold the files its manifest lists ({'; '.join(wrong[:3])}): "
            "make the clip again, or publish the folder news60 made"
        )
    path = _clip_file(folder, manifest, fmt)
    return Clip(
        story=story,
        folder=folder,
        version=manifest.version or None,
        named=named,
        path=path,
        size=path.stat().st_size,
        sha256=sha256(path),
        format=_entry(folder, manifest, fmt).format,
        thumbnail=_local(folder, manifest.files.get("thumbnail")),
        manifest=manifest,
        script=_script(folder, manifest),
    )


def _clip_file(folder: Path, manifest: VersionManifest, fmt: str | None) -> Path:
    """The MP4 of format `fmt` (the first format when None), in the folder where it is now."""
    entry = _entry(folder, manifest, fmt)
    path = _local(folder, manifest.files.get(entry.file))
    if path is None:
        raise PublishError(f"{folder}: the {entry.format} clip is missing: make it again")
    return path


def _local(folder: Path, file: str | None) -> Path | None:
    """A file the manifest lists, in the version folder."""
    return folder / file if file and (folder / file).is_file() else None


def _entry(folder: Path, manifest: VersionManifest, fmt: str | None) -> ClipFormat:
    """The manifest's clip of format `fmt`: by name, else a clip made with --size of that shape."""
    clips = manifest.clips()
    entry = next((c for c in clips if fmt is None or c.format == fmt), None)
    entry = entry or next((c for c in clips if _shaped(c, fmt)), None)
    if entry is None:
        made = ", ".join(c.format for c in clips)
        raise PublishError(f"{folder} has no {fmt} clip (it has {made}): pick one with --format")
    return entry


def _shaped(clip: ClipFormat, fmt: str | None) -> bool:
    """Whether a clip's frame has the aspect ratio `fmt` names ("9:16" for a 160x284 clip)."""
    ratio = _ratio(str(fmt or "").replace("x", ":"), ":")
    made = clip.width / clip.height if clip.width and clip.height else _ratio(clip.format, "x")
    # Even frame sides round a ratio: 160x284 is 9:16 within 0.2 %, 1080x1350 is 4:5 exactly.
    return ratio is not None and made is not None and abs(made / ratio - 1) < 0.01


def _ratio(name: str, sep: str) -> float | None:
    """'9:16' -> 0.5625 (with sep ':'), '160x284' -> 0.563 (with sep 'x'); None when not a ratio."""
    left, _, right = name.partition(sep)
    try:
        return float(left) / float(right)
    except (ValueError, ZeroDivisionError):
        return None


def _script(folder: Path, manifest: VersionManifest) -> Script | None:
    if manifest.kind == "bulletin":  # segments and chapters, not a story's scenes
        return None
    path = _local(folder, manifest.files.get("script")) or folder / "script.json"
    return load_script(path)


def _manifest(folder: Path) -> VersionManifest:
    try:
        return read_manifest(folder / MANIFEST)
    except RecordError as exc:
        raise PublishError(f"{exc}: make the clip again") from None
