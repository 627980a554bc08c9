"""Everything a job leaves behind: clip, audio summary, script, captions and the manifest."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from news60 import __version__
from news60.atomic import write_json, write_text
from news60.credits import CreditRoll, credit_roll
from news60.fingerprint import changes, content_hash
from news60.models import Narration, Outputs, Script, Timeline
from news60.provenance import disclosure_line, sign_outputs, synthetic_voice
from news60.script.storyfile import script_to_dict
from news60.settings import Settings
from news60.speech.mix import mix_soundtrack
from news60.speech.summary import write_audio_summary
from news60.stories import Draft, Version, now
from news60.video.cues import to_srt, to_vtt
from news60.video.formats import Format, clip_file, clip_formats, cover_file
from news60.video.render import render_video
from news60.video.theme import Theme
from news60.video.thumbnail import thumbnail_size, write_thumbnail
from news60.video.timeline import plan_timeline, shown_photos

progress = logging.getLogger("news60.progress")

# Times a story for one frame size: plan_timeline (a Script), or a bulletin's plan_bulletin.
Planner = Callable[..., Timeline]


def write_outputs(
    script: Script,
    narration: Narration,
    settings: Settings,
    theme: Theme,
    job: Draft,
    fingerprint: dict[str, str],
) -> Outputs:
    """Write every file into the draft's folder; the manifest, written last, lists them."""
    formats = clip_formats(settings.video)
    timelines = [plan(script, narration, settings, theme, job, fmt) for fmt in formats]
    timeline = timelines[0]
    write_soundtrack(narration, timeline, settings, theme)
    files = render_clips(timelines, formats, theme, settings, job)
    roll = credit_roll(script, shown_photos(timeline))
    disclosure = disclosure_line(narration.voice, theme.disclosure)
    files |= {
        "thumbnail": write_thumbnail(
            timeline, theme, thumbnail_size(formats), job.path("thumbnail.jpg")
        ),
        "audio": write_audio_summary(
            script,
            narration,
            settings.voice,
            job.path("audio.mp3"),
            credits=roll.spoken(),
            artist=theme.brand,
            disclosure=disclosure,
        ),
        "script": write_json(job.path("script.json"), script_to_dict(script)),
        "captions": write_text(job.path("captions.srt"), to_srt(timeline.cues)),
        "captions_vtt": write_text(job.path("captions.vtt"), to_vtt(timeline.cues)),
    }
    final = {name: job.final / path.name for name, path in files.items()}
    final["manifest"] = job.final / "manifest.json"
    manifest = build_manifest(script, narration, timeline, final)
    manifest["credits"] = roll.to_manifest()
    manifest["formats"] = format_entries(formats, final)
    manifest |= version_entry(job, fingerprint)
    manifest["disclosure"] = disclosure
    manifest = signed(files, manifest, roll, settings, job.previous)
    write_json(job.path("manifest.json"), manifest)
    return Outputs(job.final, final, manifest)


def signed(
    files: dict[str, Path],
    manifest: dict,
    roll: CreditRoll,
    settings: Settings,
    previous: Version | None,
) -> dict:
    """Sign the clips and the MP3 (the last change to them); a correction's parent is the last
    version's namesake file. The manifest says who signed, or why nothing was."""
    credentials = sign_outputs(
        files,
        manifest,
        settings.provenance,
        photos=roll.shown,
        previous=previous.folder if previous else None,
        reason=manifest.get("reason"),
    )
    return manifest | {
        "notes": manifest["notes"] + list(credentials.notes),
        "content_credentials": credentials.to_manifest(),
    }


def plan(
    story: object,
    narration: Narration,
    settings: Settings,
    theme: Theme,
    job: Draft,
    fmt: Format,
    planner: Planner = plan_timeline,
) -> Timeline:
    """The timeline of one format's clip, by `planner` (a story's or a bulletin's); every format
    shares the one soundtrack. The opening and closing cards carry the disclosure label when the
    voice is synthetic."""
    return planner(
        story,
        narration,
        theme,
        size=fmt.size,
        fps=settings.video.fps,
        audio=job.work / "soundtrack.wav",
        synthetic_voice=synthetic_voice(narration.voice),
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
    timelines: list[Timeline],
    formats: tuple[Format, ...],
    theme: Theme,
    settings: Settings,
    job: Draft,
) -> dict[str, Path]:
    """One MP4 and its cover per format: clip.mp4 and cover.jpg for the first, then clip-1x1.mp4 ..."""
    files = {}
    for index, (timeline, fmt) in enumerate(zip(timelines, formats, strict=True)):
        key, name = clip_file(index, fmt)
        progress.info("rendering %s (%dx%d, %.1f s)", name, *fmt.size, timeline.duration)
        files[key] = render_video(timeline, theme, settings.video, job.path(name))
        key, name = cover_file(index, fmt)
        files[key] = write_thumbnail(timeline, theme, fmt.size, job.path(name))
    return files


def format_entries(formats: tuple[Format, ...], files: dict[str, Path]) -> list[dict]:
    """The manifest's list of clips: format name, frame size and file."""
    entries = []
    for index, fmt in enumerate(formats):
        key = clip_file(index, fmt)[0]
        entries.append(
            {
                "format": fmt.name,
                "width": fmt.width,
                "height": fmt.height,
                "file": key,
                "path": str(files[key].resolve()),
            }
        )
    return entries


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
) -> dict:
    """What a producer, a batch runner or an uploader needs to know about the job."""
    return {
        "news60": __version__,
        "title": script.title,
        "published": script.published,
        "source_url": script.source_url,
        "duration": timeline.duration,
        "narration_seconds": round(narration.duration, 3),
        "voice": narration.voice,
        "notes": list(script.notes)
        + list(narration.notes)
        + photo_notes(script)
        + list(timeline.notes),
        "summariser": script.summariser,
        "scenes": len(script.scenes),
        "video": {"width": timeline.width, "height": timeline.height, "fps": timeline.fps},
        "files": {name: str(path.resolve()) for name, path in files.items()},
    }


def photo_notes(script: Script) -> list[str]:
    """One note for every photo the story has that the clip does not show for a reason."""
    return [
        f"photo {p.src or p.caption[:40]!r} not shown: {p.note.removeprefix('not shown: ')}"
        for p in script.photos
        if p.note
    ]


def version_entry(draft: Draft, fingerprint: dict[str, str]) -> dict:
    """Which version of which story this is, what it was made from, and what changed since the last."""
    previous = draft.previous
    old = previous.manifest.get("fingerprint") if previous else None
    changed = changes(old, fingerprint)
    return {
        "version": draft.number,
        "created": now(),
        "story": {"key": draft.story.key, "folder": str(draft.story.folder.resolve())},
        "previous": previous.folder.name if previous else None,
        "content_hash": content_hash(fingerprint),
        "fingerprint": fingerprint,
        "changes": changed,
        "reason": _reason(previous, changed),
    }


def _reason(previous, changed: list[str]) -> str | None:
    if previous is None:
        return None
    if not changed:
        return "rendered again on request (--force)"
    return f"correction: {', '.join(changed)} changed"
