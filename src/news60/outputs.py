"""Everything a version holds, a story's or a bulletin's alike: a clip and a cover per format, then
the files of one table (thumbnail, audio, script, captions ...), then the manifest, written last.

What differs by kind (how it is timed, who it credits, what its audio, script.json and manifest
say) is a `Kind`: STORY here, a bulletin's in news60.bulletin.outputs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Generic, TypeVar

from news60 import __version__
from news60.atomic import write_json, write_text
from news60.credits import CreditRoll, credit_roll
from news60.fingerprint import changes, content_hash
from news60.models import Canvas, Narration, Script, Timeline
from news60.provenance import disclosure_line, sign_outputs, synthetic_voice
from news60.records.manifest import (
    MANIFEST,
    ClipFormat,
    StoryRef,
    VersionManifest,
    VideoInfo,
    file_checks,
    portable,
    write_manifest,
)
from news60.script.storyfile import script_to_dict
from news60.settings import Settings
from news60.speech.mix import mix_soundtrack
from news60.speech.summary import write_audio_summary
from news60.stories import Draft, Version, now
from news60.versions import Outputs
from news60.video.cues import to_srt, to_vtt
from news60.video.formats import Format, clip_file, clip_formats, cover_file
from news60.video.render import render_video
from news60.video.theme import Theme
from news60.video.thumbnail import thumbnail_size, write_thumbnail
from news60.video.timeline import plan_timeline, shown_photos

progress = logging.getLogger("news60.progress")

P = TypeVar("P")  # what a version shows: a story's Script, or a Bulletin


@dataclass(frozen=True)
class Made(Generic[P]):
    """A version as made, for its files to be written from: what it shows, its narration, a
    timeline per format (the first sets the thumbnail, captions and soundtrack), its credits."""

    shows: P
    narration: Narration
    timelines: tuple[Timeline, ...]
    formats: tuple[Format, ...]
    roll: CreditRoll
    disclosure: str  # "AI voice" when the voice is synthetic
    settings: Settings
    theme: Theme
    draft: Draft

    @property
    def timeline(self) -> Timeline:
        return self.timelines[0]


@dataclass(frozen=True)
class Kind(Generic[P]):
    """What one kind of version does its own way; the rest is the same for every kind."""

    name: str
    plan: Callable[[P, Narration, Theme, Canvas], Timeline]  # one format's timeline
    credits: Callable[[P, Timeline], CreditRoll]  # who made what is shown and said
    audio: Callable[[Made[P], Path], Path]  # the MP3
    script: Callable[[Made[P]], dict[str, Any]]  # script.json
    manifest: Callable[[Made[P], dict[str, Path]], VersionManifest]  # before the version's own
    clips: Callable[[Made[P], dict[str, Path]], dict[str, Path]] = lambda made, files: files
    description: Callable[[Made[P]], str] | None = None  # a text for the upload, when it has one


@dataclass(frozen=True)
class Output:
    """A file of the table: its name in the manifest, its file name, and how it is written
    (None: this kind has none)."""

    name: str
    file: str
    write: Callable[[Kind[Any], Made[Any], Path], Path | None]
    beside: bool = False  # needs only the narration and timelines: written while the clips encode


def _thumbnail(kind: Kind[Any], made: Made[Any], path: Path) -> Path:
    return write_thumbnail(made.timeline, made.theme, thumbnail_size(made.formats), path)


def _audio(kind: Kind[Any], made: Made[Any], path: Path) -> Path:
    return kind.audio(made, path)


def _script(kind: Kind[Any], made: Made[Any], path: Path) -> Path:
    return write_json(path, kind.script(made))


def _srt(kind: Kind[Any], made: Made[Any], path: Path) -> Path:
    return write_text(path, to_srt(made.timeline.cues))


def _vtt(kind: Kind[Any], made: Made[Any], path: Path) -> Path:
    return write_text(path, to_vtt(made.timeline.cues))


def _description(kind: Kind[Any], made: Made[Any], path: Path) -> Path | None:
    return write_text(path, kind.description(made)) if kind.description else None


# Every file of a version after its clips and covers, in the order they are written.
OUTPUTS = (
    Output("thumbnail", "thumbnail.jpg", _thumbnail),
    Output("audio", "audio.mp3", _audio, beside=True),
    Output("script", "script.json", _script),
    Output("captions", "captions.srt", _srt),
    Output("captions_vtt", "captions.vtt", _vtt),
    Output("description", "description.txt", _description),
)
MANIFEST_FILE = "manifest"  # the manifest's own name in `files`


def write_outputs(
    kind: Kind[P],
    shows: P,
    narration: Narration,
    settings: Settings,
    theme: Theme,
    draft: Draft,
) -> Outputs:
    """Write every file into the draft's folder; the manifest, written last, lists them."""
    formats = clip_formats(settings.video)
    timelines = tuple(
        kind.plan(shows, narration, theme, canvas(narration, settings, draft, fmt))
        for fmt in formats
    )
    write_soundtrack(narration, timelines[0], settings, theme)
    roll = kind.credits(shows, timelines[0])
    disclosure = disclosure_line(narration.voice, theme.disclosure)
    made = Made(shows, narration, timelines, formats, roll, disclosure, settings, theme, draft)
    files = write_files(kind, made)
    files[MANIFEST_FILE] = draft.path(MANIFEST)
    manifest = stamped(kind.manifest(made, files), draft, formats, disclosure)
    manifest = portable(manifest, draft.final, draft.story.folder)
    # Signed last: nothing touches the files after this; then each file's size and hash.
    manifest = signed(files, manifest, roll, settings, draft.previous)
    manifest = replace(manifest, checks=file_checks(draft.staging, manifest.files))
    write_manifest(draft.path(MANIFEST), manifest)
    final = {name: draft.final / path.name for name, path in files.items()}
    return Outputs(draft.final, final, manifest)


def write_files(kind: Kind[P], made: Made[P]) -> dict[str, Path]:
    """The clips and covers, then the table's files; those needing only the narration (the
    audio) are written on a second thread while the clips encode."""
    draft = made.draft
    with ThreadPoolExecutor(1) as beside:
        early = {
            o.name: beside.submit(o.write, kind, made, draft.path(o.file))
            for o in OUTPUTS
            if o.beside
        }
        clips = render_clips(made.timelines, made.formats, made.theme, made.settings, draft)
        files = kind.clips(made, clips)
        for output in OUTPUTS:
            if output.beside:
                path = early[output.name].result()
            else:
                path = output.write(kind, made, draft.path(output.file))
            if path is not None:
                files[output.name] = path
    return files


def signed(
    files: dict[str, Path],
    manifest: VersionManifest,
    roll: CreditRoll,
    settings: Settings,
    previous: Version | None,
) -> VersionManifest:
    """Sign the clips and the MP3 (the last change to them); a correction's parent is the last
    version's namesake file. The manifest says who signed, or why nothing was."""
    credentials = sign_outputs(
        {name: path for name, path in files.items() if name != MANIFEST_FILE},
        manifest,
        settings.provenance,
        photos=roll.shown,
        previous=previous.folder if previous else None,
        reason=manifest.reason,
    )
    return replace(
        manifest,
        notes=(*manifest.notes, *credentials.notes),
        content_credentials=credentials.to_manifest(),
    )


def canvas(narration: Narration, settings: Settings, draft: Draft, fmt: Format) -> Canvas:
    """What one format's clip is planned for; every format shares the one soundtrack, and the
    opening and closing cards carry the disclosure label when the voice is synthetic."""
    return Canvas(
        fmt.size,
        settings.video.fps,
        draft.work / "soundtrack.wav",
        synthetic_voice(narration.voice),
    )


def plan_story(script: Script, narration: Narration, theme: Theme, canvas: Canvas) -> Timeline:
    """A story's timeline for one format (news60.video.timeline)."""
    return plan_timeline(
        script,
        narration,
        theme,
        size=canvas.size,
        fps=canvas.fps,
        audio=canvas.audio,
        synthetic_voice=canvas.synthetic_voice,
    )


def write_soundtrack(
    narration: Narration, timeline: Timeline, settings: Settings, theme: Theme
) -> Path:
    """The one soundtrack every format's clip plays: the voice on the timeline's clock, the bed."""
    return mix_soundtrack(
        narration,
        offset=timeline.narration_offset,
        duration=timeline.duration,
        music=music_bed(settings, theme),
        dest=timeline.audio,
    )


def render_clips(
    timelines: tuple[Timeline, ...],
    formats: tuple[Format, ...],
    theme: Theme,
    settings: Settings,
    job: Draft,
) -> dict[str, Path]:
    """One MP4 and its cover per format: clip.mp4 and cover.jpg for the first, then clip-1x1.mp4 ..."""
    files: dict[str, Path] = {}
    for index, (timeline, fmt) in enumerate(zip(timelines, formats, strict=True)):
        key, name = clip_file(index, fmt)
        progress.info("rendering %s (%dx%d, %.1f s)", name, *fmt.size, timeline.duration)
        files[key] = render_video(timeline, theme, settings.video, job.path(name))
        key, name = cover_file(index, fmt)
        files[key] = write_thumbnail(timeline, theme, fmt.size, job.path(name))
    return files


def format_entries(formats: tuple[Format, ...]) -> tuple[ClipFormat, ...]:
    """The manifest's list of clips: format name, frame size and its name in `files`."""
    return tuple(
        ClipFormat(fmt.name, fmt.width, fmt.height, clip_file(index, fmt)[0])
        for index, fmt in enumerate(formats)
    )


def music_bed(settings: Settings, theme: Theme) -> Path | None:
    """The theme's bed unless --music names another file or says none."""
    choice = settings.video.music
    if choice is None:
        return theme.music
    if choice.lower() == "none":
        return None
    return Path(choice)


def build_manifest(
    script: Script, narration: Narration, timeline: Timeline, files: dict[str, Path]
) -> VersionManifest:
    """What a producer, a batch runner or an uploader needs to know about the version: what it
    says and shows, how long, in which voice, with what notes, in which files."""
    return VersionManifest(
        news60=__version__,
        title=script.title,
        published=script.published,
        source_url=script.source_url,
        duration=timeline.duration,
        narration_seconds=round(narration.duration, 3),
        voice=narration.voice,
        notes=(*script.notes, *narration.notes, *photo_notes(script), *timeline.notes),
        summariser=script.summariser,
        scenes=len(script.scenes),
        video=VideoInfo(timeline.width, timeline.height, timeline.fps),
        files={name: path.name for name, path in files.items()},
    )


def photo_notes(script: Script) -> list[str]:
    """One note for every photo the story has that the clip does not show for a reason."""
    return [
        f"photo {p.src or p.caption[:40]!r} not shown: {p.note.removeprefix('not shown: ')}"
        for p in script.photos
        if p.note
    ]


def stamped(
    manifest: VersionManifest, draft: Draft, formats: tuple[Format, ...], disclosure: str
) -> VersionManifest:
    """The manifest with its clips, its disclosure, which version of which story it is, what it
    was made from, and what changed since the last version."""
    previous, fingerprint = draft.previous, draft.fingerprint
    changed = changes(previous.manifest.fingerprint if previous else None, fingerprint)
    return replace(
        manifest,
        formats=format_entries(formats),
        version=draft.number,
        created=now(),
        story=StoryRef(draft.story.key),
        previous=previous.folder.name if previous else None,
        content_hash=content_hash(fingerprint),
        fingerprint=fingerprint,
        changes=tuple(changed),
        reason=_reason(previous, changed),
        disclosure=disclosure,
    )


def _reason(previous: Version | None, changed: list[str]) -> str | None:
    if previous is None:
        return None
    if not changed:
        return "rendered again on request (--force)"
    return f"correction: {', '.join(changed)} changed"


def story_manifest(made: Made[Script], files: dict[str, Path]) -> VersionManifest:
    """A story's manifest: what it says and shows, and its credits."""
    manifest = build_manifest(made.shows, made.narration, made.timeline, files)
    return replace(manifest, credits=made.roll.to_manifest())


def story_audio(made: Made[Script], path: Path) -> Path:
    """The audio summary: headline, narration, the credits said aloud."""
    return write_audio_summary(
        made.shows,
        made.narration,
        made.settings.voice,
        path,
        credits=made.roll.spoken(),
        artist=made.theme.brand,
        disclosure=made.disclosure,
    )


STORY: Kind[Script] = Kind(
    name="story",
    plan=plan_story,
    credits=lambda script, timeline: credit_roll(script, shown_photos(timeline)),
    audio=story_audio,
    script=lambda made: script_to_dict(made.shows, made.draft.final, made.draft.story.folder),
    manifest=story_manifest,
)
