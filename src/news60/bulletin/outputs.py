"""What a bulletin's version does its own way, plugged into the outputs every version writes
(news60.outputs): clips with chapters, the audio briefing with ID3 chapters, its script.json,
a description (the thumbnail is the top story's cover) and its manifest fields."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

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
from news60.bulletin.timeline import CardCredits, chapters, plan_bulletin
from news60.outputs import Kind, Made
from news60.records.manifest import ClosingCard, VersionManifest


def cut_of(made: Made[Bulletin]) -> Cut:
    """The bulletin as made, with its chapters: what its own files are written from."""
    bulletin, timeline = made.shows, made.timeline
    return Cut(bulletin, made.narration, timeline, tuple(chapters(bulletin, timeline)))


def with_chapters(made: Made[Bulletin], files: dict[str, Path]) -> dict[str, Path]:
    """Every clip with a chapter marker at each story's first word (covers as they are)."""
    cut = cut_of(made)
    return {
        name: add_mp4_chapters(path, cut.chapters, made.shows.heading)
        if path.suffix == ".mp4"
        else path
        for name, path in files.items()
    }


def write_audio(made: Made[Bulletin], path: Path) -> Path:
    """The audio briefing: the voice on the clip's clock, then every story's credits said aloud.
    The disclosure ("AI voice") leads the ID3 comment, as in a single story's MP3."""
    cut, settings = cut_of(made), made.settings
    bulletin, spoken = made.shows, spoken_credits(made.shows)
    tags = {
        "title": bulletin.heading,
        "artist": made.theme.brand,
        "date": bulletin.day.isoformat(),
        "comment": " | ".join(part for part in (made.disclosure, spoken) if part),
    }
    return write_briefing(
        cut.narration,
        cut.chapters,
        path,
        voice=settings.voice,
        offset=cut.timeline.narration_offset,
        credits=" ".join([sign_off(bulletin), *([f"Credits. {spoken}"] if spoken else [])]),
        lufs=settings.bulletin.loudness,
        tags=tags,
    )


def manifest_fields(made: Made[Bulletin], files: dict[str, Path]) -> VersionManifest:
    """make's manifest fields, plus segments, chapters, stories left out, credits, loudness and
    the closing card's lines as drawn."""
    manifest = bulletin_manifest(cut_of(made), files)
    timeline = made.timeline
    card = CardCredits(made.theme, (timeline.width, timeline.height))
    closing = ClosingCard(tuple(card.drawn(timeline.slides[-1].body)))
    return replace(manifest, audio_lufs=made.settings.bulletin.loudness, closing_card=closing)


BULLETIN: Kind[Bulletin] = Kind(
    name="bulletin",
    plan=plan_bulletin,
    credits=lambda bulletin, timeline: bulletin_roll(bulletin),
    audio=write_audio,
    script=lambda made: script_data(cut_of(made)),
    manifest=manifest_fields,
    clips=with_chapters,
    description=lambda made: description_text(cut_of(made)),
)
