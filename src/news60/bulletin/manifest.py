"""What a bulletin's files say about it: script.json, the description block and the manifest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from news60.bulletin.chapters import chapter_list, description, platform_notes
from news60.bulletin.fitting import narration_script
from news60.bulletin.models import Bulletin, Cut, Segment
from news60.bulletin.timeline import segment_roll
from news60.credits import CreditRoll
from news60.models import Reporting
from news60.outputs import build_manifest
from news60.records.codec import to_data
from news60.records.manifest import Chapter, Credits, SegmentEntry, StoryCredits, VersionManifest

FORMAT = "news60/bulletin@1"


def script_data(cut: Cut) -> dict[str, Any]:
    """What is said and shown, segment by segment, with when each starts and ends."""
    bulletin = cut.bulletin
    return {
        "format": FORMAT,
        "title": bulletin.title,
        "date": bulletin.day.isoformat(),
        "segments": to_data(segment_entries(cut)),
        "chapters": to_data(chapter_entries(cut)),
        "text": narration_script(bulletin).text,
    }


def bulletin_manifest(cut: Cut, files: dict[str, Path]) -> VersionManifest:
    """make's manifest, plus the segments, chapters, stories left out and every story's credits."""
    bulletin = cut.bulletin
    manifest = build_manifest(narration_script(bulletin), cut.narration, cut.timeline, files)
    notes = [f"left out {x.source}: {x.reason}" for x in bulletin.left_out]
    notes += [f"{s.item.source}: {n}" for s in bulletin.segments for n in s.item.notes]
    return replace(
        manifest,
        kind="bulletin",
        date=bulletin.day.isoformat(),
        published=bulletin.day.isoformat(),
        segments=segment_entries(cut),
        chapters=chapter_entries(cut),
        left_out=bulletin.left_out,
        description=description_text(cut),
        chapter_list=tuple(chapter_list(cut.chapters)),
        credits=all_credits(bulletin),
        notes=(*manifest.notes, *notes, *platform_notes(cut.chapters)),
    )


def segment_entries(cut: Cut) -> tuple[SegmentEntry, ...]:
    """Each segment: its story's source, kicker, headline, what is said, photo, times, credits."""
    stories = cut.chapters[:-1]  # before the credits
    return tuple(
        replace(segment_entry(number, segment), start=mark.start, end=mark.end)
        for number, (segment, mark) in enumerate(
            zip(cut.bulletin.segments, stories, strict=True), 1
        )
    )


def segment_entry(number: int, segment: Segment) -> SegmentEntry:
    article = segment.item.article
    return SegmentEntry(
        number=number,
        kicker=segment.kicker,
        kind=article.kind,
        label=article.label,
        date=segment.item.date.isoformat() if segment.item.date else None,
        published=article.published,
        modified=article.modified,
        headline=segment.headline,
        text=segment.text,
        units=segment.units[: segment.said],
        source=segment.item.source,
        source_url=article.source_url,
        also=segment.item.also,
        photo=segment.photo,
        credits=segment_roll(segment).to_manifest(),
    )


def chapter_entries(cut: Cut) -> tuple[Chapter, ...]:
    return cut.chapters


def description_text(cut: Cut) -> str:
    """Chapters for the upload's description, then each story's credit lines."""
    return description(cut.chapters, credit_lines(cut.bulletin))


def credit_lines(bulletin: Bulletin) -> list[str]:
    """Every story's credit lines, each after its kicker: 'WeWork | Reporting: ...', and its
    source: 'WeWork | Source: https://...'."""
    return [
        f"{s.kicker or s.headline} | {line}"
        for s in bulletin.segments
        for line in [
            *segment_roll(s).description_lines(),
            *([f"Source: {s.item.article.source_url}"] if s.item.article.source_url else []),
        ]
    ]


def spoken_credits(bulletin: Bulletin) -> str:
    """'WeWork: Reporting: Jane Doe. Photos: PA Images. Michigan: ...' for the audio briefing."""
    return " ".join(
        f"{s.kicker or s.headline}: {text}"
        for s in bulletin.segments
        if (text := segment_roll(s).spoken())
    )


def all_credits(bulletin: Bulletin) -> Credits:
    """Every story's credits as one roll (the manifest's usual shape), and story by story."""
    stories = tuple(story_credits(s) for s in bulletin.segments)
    merged = bulletin_roll(bulletin).to_manifest()
    return replace(merged, lines=tuple(credit_lines(bulletin)), stories=stories)


def story_credits(segment: Segment) -> StoryCredits:
    """A segment's story and its credits, for the manifest's story-by-story list."""
    own = segment_roll(segment).to_manifest()
    return StoryCredits(
        segment.headline, segment.item.source, own.reporting, own.photos, own.not_shown, own.lines
    )


def bulletin_roll(bulletin: Bulletin) -> CreditRoll:
    """Every story's reporting and photos as one roll: what the closing card and the signature name."""
    rolls = [segment_roll(s) for s in bulletin.segments]
    return CreditRoll(
        Reporting(
            authors=_union(r.reporting.authors for r in rolls),
            contributors=_union(r.reporting.contributors for r in rolls),
            agencies=_union(r.reporting.agencies for r in rolls),
        ),
        tuple(p for r in rolls for p in r.shown),
        tuple(p for r in rolls for p in r.not_shown),
    )


def _union(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in groups for name in group))
