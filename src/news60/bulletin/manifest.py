"""What a bulletin's files say about it: script.json, the description block and the manifest."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from news60.bulletin.chapters import chapter_list, description, platform_notes
from news60.bulletin.fitting import narration_script
from news60.bulletin.models import Bulletin, Cut, Segment
from news60.bulletin.timeline import segment_roll
from news60.credits import CreditRoll
from news60.models import Reporting
from news60.outputs import build_manifest

FORMAT = "news60/bulletin@1"


def script_data(cut: Cut) -> dict:
    """What is said and shown, segment by segment, with when each starts and ends."""
    bulletin = cut.bulletin
    return {
        "format": FORMAT,
        "title": bulletin.title,
        "date": bulletin.day.isoformat(),
        "segments": segment_entries(cut),
        "chapters": chapter_entries(cut),
        "text": narration_script(bulletin).text,
    }


def bulletin_manifest(cut: Cut, files: dict[str, Path]) -> dict:
    """make's manifest, plus the segments, chapters, stories left out and every story's credits."""
    bulletin = cut.bulletin
    manifest = build_manifest(narration_script(bulletin), cut.narration, cut.timeline, files)
    manifest |= {
        "kind": "bulletin",
        "date": bulletin.day.isoformat(),
        "published": bulletin.day.isoformat(),
        "segments": segment_entries(cut),
        "chapters": chapter_entries(cut),
        "left_out": [{"source": x.source, "reason": x.reason} for x in bulletin.left_out],
        "description": description_text(cut),
        "chapter_list": chapter_list(cut.chapters),
        "credits": all_credits(bulletin),
    }
    manifest["notes"] += [f"left out {x.source}: {x.reason}" for x in bulletin.left_out]
    manifest["notes"] += [f"{s.item.source}: {n}" for s in bulletin.segments for n in s.item.notes]
    manifest["notes"] += platform_notes(cut.chapters)
    return manifest


def segment_entries(cut: Cut) -> list[dict]:
    """Each segment: its story's source, kicker, headline, what is said, photo, times, credits."""
    stories = cut.chapters[:-1]  # before the credits
    return [
        segment_entry(number, segment) | {"start": mark.start, "end": mark.end}
        for number, (segment, mark) in enumerate(
            zip(cut.bulletin.segments, stories, strict=True), 1
        )
    ]


def segment_entry(number: int, segment: Segment) -> dict:
    photo, article = segment.photo, segment.item.article
    return {
        "number": number,
        "kicker": segment.kicker,
        "kind": article.kind,
        "label": article.label,
        "date": segment.item.date.isoformat() if segment.item.date else None,
        "published": article.published,
        "modified": article.modified,
        "headline": segment.headline,
        "text": segment.text,
        "units": list(segment.units[: segment.said]),
        "source": segment.item.source,
        "source_url": segment.item.article.source_url,
        "also": list(segment.item.also),
        "photo": {"src": photo.src, "caption": photo.caption, "credit": photo.credit}
        if photo
        else None,
        "credits": segment_roll(segment).to_manifest(),
    }


def chapter_entries(cut: Cut) -> list[dict]:
    return [{"title": c.title, "start": c.start, "end": c.end} for c in cut.chapters]


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


def all_credits(bulletin: Bulletin) -> dict:
    """Every story's credits as one roll (the manifest's usual shape), and story by story."""
    stories = [
        {"headline": s.headline, "source": s.item.source, **segment_roll(s).to_manifest()}
        for s in bulletin.segments
    ]
    merged = bulletin_roll(bulletin).to_manifest()
    return merged | {"lines": credit_lines(bulletin), "stories": stories}


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
