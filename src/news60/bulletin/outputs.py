"""Everything a bulletin leaves behind, as `make` does: a clip per format with chapters, the audio
briefing with ID3 chapters, script, captions, the top story's cover as thumbnail, a description, the
manifest."""

from __future__ import annotations

from pathlib import Path

from news60.atomic import write_json, write_text
from news60.bulletin.briefing import write_briefing
from news60.bulletin.chapters import add_mp4_chapters
from news60.bulletin.fitting import sign_off
from news60.bulletin.manifest import (
    bulletin_manifest,
    bulletin_roll,
    description_text,
    script_data,
    spoken_credits,
)
from news60.bulletin.models import Bulletin, Cut
from news60.bulletin.timeline import Credits, chapters, plan_bulletin
from news60.models import Narration, Outputs
from news60.outputs import (
    format_entries,
    plan,
    render_clips,
    signed,
    version_entry,
    write_soundtrack,
)
from news60.provenance import disclosure_line
from news60.settings import Settings
from news60.stories import Draft
from news60.video.cues import to_srt, to_vtt
from news60.video.formats import Format, clip_formats
from news60.video.theme import Theme
from news60.video.thumbnail import thumbnail_size, write_thumbnail


def write_bulletin(
    bulletin: Bulletin,
    narration: Narration,
    settings: Settings,
    theme: Theme,
    job: Draft,
    fingerprint: dict[str, str],
) -> Outputs:
    """Write every file into the draft; the manifest, written last, lists them."""
    formats = clip_formats(settings.video)
    timelines = [plan(bulletin, narration, settings, theme, job, f, plan_bulletin) for f in formats]
    cut = Cut(bulletin, narration, timelines[0], tuple(chapters(bulletin, timelines[0])))
    write_soundtrack(narration, cut.timeline, settings, theme)
    files = render_clips(timelines, formats, theme, settings, job)  # each clip and its cover
    files = {
        name: add_mp4_chapters(path, cut.chapters, bulletin.heading)
        if path.suffix == ".mp4"
        else path
        for name, path in files.items()
    }
    disclosure = disclosure_line(narration.voice, theme.disclosure)
    files |= {"audio": write_audio(cut, settings, theme, job, disclosure)}
    files |= write_texts(cut, theme, formats, job)
    final = {name: job.final / path.name for name, path in files.items()}
    final["manifest"] = job.final / "manifest.json"
    manifest = bulletin_manifest(cut, final) | {"audio_lufs": settings.bulletin.loudness}
    size = (cut.timeline.width, cut.timeline.height)
    manifest["closing_card"] = {"lines": Credits(theme, size).drawn(cut.timeline.slides[-1].body)}
    manifest |= {"formats": format_entries(formats, final)} | version_entry(job, fingerprint)
    manifest["disclosure"] = disclosure
    # Signed last: the chapters are already muxed in, and nothing touches the files after this.
    manifest = signed(files, manifest, bulletin_roll(bulletin), settings, job.previous)
    write_json(job.path("manifest.json"), manifest)
    return Outputs(job.final, final, manifest)


def write_audio(cut: Cut, settings: Settings, theme: Theme, job: Draft, disclosure: str) -> Path:
    """The audio briefing: the voice on the clip's clock, then every story's credits said aloud.
    `disclosure` ("AI voice") leads the ID3 comment, as in a single story's MP3."""
    bulletin, spoken = cut.bulletin, spoken_credits(cut.bulletin)
    tags = {
        "title": bulletin.heading,
        "artist": theme.brand,
        "date": bulletin.day.isoformat(),
        "comment": " | ".join(part for part in (disclosure, spoken) if part),
    }
    return write_briefing(
        cut.narration,
        cut.chapters,
        job.path("audio.mp3"),
        voice=settings.voice,
        offset=cut.timeline.narration_offset,
        credits=" ".join([sign_off(bulletin), *([f"Credits. {spoken}"] if spoken else [])]),
        lufs=settings.bulletin.loudness,
        tags=tags,
    )


def write_texts(cut: Cut, theme: Theme, formats: tuple[Format, ...], job: Draft) -> dict[str, Path]:
    """Script, captions, thumbnail (the top story's cover) and the description block."""
    size = thumbnail_size(formats)
    return {
        "thumbnail": write_thumbnail(cut.timeline, theme, size, job.path("thumbnail.jpg")),
        "script": write_json(job.path("script.json"), script_data(cut)),
        "captions": write_text(job.path("captions.srt"), to_srt(cut.timeline.cues)),
        "captions_vtt": write_text(job.path("captions.vtt"), to_vtt(cut.timeline.cues)),
        "description": write_text(job.path("description.txt"), description_text(cut)),
    }
