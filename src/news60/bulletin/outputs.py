"""Everything a bulletin leaves behind, as `make` does: a clip per format with chapters, the audio
briefing with ID3 chapters, script, captions, the ident as thumbnail, a description, the manifest."""

from __future__ import annotations

import logging
from pathlib import Path

from news60.atomic import write_json, write_text
from news60.bulletin.briefing import write_briefing
from news60.bulletin.chapters import add_mp4_chapters, description
from news60.bulletin.fitting import ident_line, narration_script
from news60.bulletin.models import Bulletin, Chapter
from news60.bulletin.timeline import chapters, plan_bulletin, segment_roll
from news60.credits import CreditRoll
from news60.models import Narration, Outputs, Reporting, Timeline
from news60.outputs import build_manifest, format_entries, music_bed, render_clips, version_entry
from news60.settings import Settings
from news60.speech.mix import mix_soundtrack
from news60.stories import Draft
from news60.video.cues import to_srt, to_vtt
from news60.video.formats import clip_formats
from news60.video.theme import Theme
from news60.video.thumbnail import thumbnail_size, write_thumbnail

progress = logging.getLogger("news60.progress")

FORMAT = "news60/bulletin@1"


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
    timelines = [
        plan_bulletin(
            bulletin,
            narration,
            theme,
            size=f.size,
            fps=settings.video.fps,
            audio=job.work / "soundtrack.wav",
        )
        for f in formats
    ]
    timeline = timelines[0]
    marks = chapters(bulletin, timeline)
    mix_soundtrack(
        narration,
        offset=timeline.narration_offset,
        duration=timeline.duration,
        music=music_bed(settings, theme),
        dest=timeline.audio,
    )
    files = render_clips(timelines, formats, theme, settings, job)
    for name in files:
        add_mp4_chapters(files[name], marks, bulletin.title)
    files |= other_files(bulletin, narration, timeline, marks, settings, theme, job, formats)
    final = {name: job.final / path.name for name, path in files.items()}
    final["manifest"] = job.final / "manifest.json"
    manifest = bulletin_manifest(bulletin, narration, timeline, marks, final)
    manifest["formats"] = format_entries(formats, final)
    manifest["audio_lufs"] = settings.bulletin.loudness
    manifest |= version_entry(job, fingerprint)
    write_json(job.path("manifest.json"), manifest)
    return Outputs(job.final, final, manifest)


def other_files(
    bulletin, narration, timeline, marks, settings, theme, job, formats
) -> dict[str, Path]:
    """The briefing MP3, script, captions, thumbnail (the ident) and the description."""
    spoken = " ".join(
        f"{s.kicker or s.headline}: {text}"
        for s in bulletin.segments
        if (text := segment_roll(s).spoken())
    )
    tags = {
        "title": f"{bulletin.title}, {bulletin.spoken_date}",
        "artist": theme.brand,
        "date": bulletin.day.isoformat(),
        "comment": spoken,
    }
    audio = write_briefing(
        narration,
        marks,
        job.path("audio.mp3"),
        voice=settings.voice,
        offset=timeline.narration_offset,
        credits=f"Credits. {spoken}" if spoken else "",
        lufs=settings.bulletin.loudness,
        tags=tags,
    )
    size = thumbnail_size(formats)
    return {
        "thumbnail": write_thumbnail(timeline.slides[0], theme, size, job.path("thumbnail.jpg")),
        "audio": audio,
        "script": write_json(job.path("script.json"), script_data(bulletin, timeline, marks)),
        "captions": write_text(job.path("captions.srt"), to_srt(timeline.cues)),
        "captions_vtt": write_text(job.path("captions.vtt"), to_vtt(timeline.cues)),
        "description": write_text(job.path("description.txt"), description_text(bulletin, marks)),
    }


def description_text(bulletin: Bulletin, marks: list[Chapter]) -> str:
    """Chapters for the upload's description, then each story's credit lines."""
    return description(marks, credit_lines(bulletin))


def credit_lines(bulletin: Bulletin) -> list[str]:
    """Every story's credit lines, each after its kicker: 'WeWork | Reporting: ...'."""
    return [
        f"{s.kicker or s.headline} | {line}"
        for s in bulletin.segments
        for line in segment_roll(s).description_lines()
    ]


def script_data(bulletin: Bulletin, timeline: Timeline, marks: list[Chapter]) -> dict:
    """What is said and shown, segment by segment, with when each starts and ends."""
    return {
        "format": FORMAT,
        "title": bulletin.title,
        "date": bulletin.day.isoformat(),
        "ident": ident_line(bulletin),
        "segments": segment_entries(bulletin, marks),
        "chapters": chapter_entries(marks),
        "text": narration_script(bulletin).text,
    }


def segment_entries(bulletin: Bulletin, marks: list[Chapter]) -> list[dict]:
    """Each segment: its story's source, kicker, headline, what is said, photo, times, credits."""
    entries = []
    for number, (segment, mark) in enumerate(zip(bulletin.segments, marks[1:], strict=False), 1):
        article = segment.item.article
        photo = segment.photo
        entries.append(
            {
                "number": number,
                "kicker": segment.kicker,
                "headline": segment.headline,
                "text": segment.text,
                "units": list(segment.units[: segment.said]),
                "start": round(mark.start, 3),
                "end": round(mark.end, 3),
                "source": segment.item.source,
                "source_url": article.source_url,
                "also": list(segment.item.also),
                "photo": {"src": photo.src, "caption": photo.caption, "credit": photo.credit}
                if photo
                else None,
                "credits": segment_roll(segment).to_manifest(),
            }
        )
    return entries


def chapter_entries(marks: list[Chapter]) -> list[dict]:
    return [{"title": m.title, "start": round(m.start, 3), "end": round(m.end, 3)} for m in marks]


def bulletin_manifest(
    bulletin: Bulletin,
    narration: Narration,
    timeline: Timeline,
    marks: list[Chapter],
    files: dict[str, Path],
) -> dict:
    """make's manifest, plus the segments, chapters, stories left out and every story's credits."""
    manifest = build_manifest(narration_script(bulletin), narration, timeline, files)
    manifest |= {
        "kind": "bulletin",
        "date": bulletin.day.isoformat(),
        "published": bulletin.day.isoformat(),
        "segments": segment_entries(bulletin, marks),
        "chapters": chapter_entries(marks),
        "left_out": [{"source": x.source, "reason": x.reason} for x in bulletin.left_out],
        "description": description_text(bulletin, marks),
        "credits": all_credits(bulletin),
    }
    manifest["notes"] += [f"left out {x.source}: {x.reason}" for x in bulletin.left_out]
    return manifest


def all_credits(bulletin: Bulletin) -> dict:
    """The credits of every story as one roll (the manifest's usual shape), and story by story."""
    rolls = [segment_roll(s) for s in bulletin.segments]
    merged = CreditRoll(
        Reporting(
            authors=_union(r.reporting.authors for r in rolls),
            contributors=_union(r.reporting.contributors for r in rolls),
            agencies=_union(r.reporting.agencies for r in rolls),
        ),
        tuple(p for r in rolls for p in r.shown),
        tuple(p for r in rolls for p in r.not_shown),
    )
    stories = [
        {"headline": s.headline, "source": s.item.source, **r.to_manifest()}
        for s, r in zip(bulletin.segments, rolls, strict=True)
    ]
    return merged.to_manifest() | {"lines": credit_lines(bulletin), "stories": stories}


def _union(groups) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in groups for name in group))
