"""The bulletin as timed data: the ident, a slide per segment from its first word, the closing
credits; each slide is a chapter."""

from __future__ import annotations

from pathlib import Path

from news60.bulletin.models import Bulletin, Chapter, Segment
from news60.credits import CreditRoll, credit_roll
from news60.models import Narration, Scene, Script, Slide, Timeline
from news60.video.cues import plan_cues
from news60.video.theme import Theme

CLOSING = 4.0  # seconds of closing credits: five stories' names take longer to read than one's
CLOSE_GAP = 0.2  # the closing card comes this long after the last word


def plan_bulletin(
    bulletin: Bulletin,
    narration: Narration,
    theme: Theme,
    *,
    size: tuple[int, int],
    fps: int,
    audio: Path,
) -> Timeline:
    """Ident, segments following the voice, closing credits; captions from the narration."""
    offset = theme.lead_in
    starts = segment_starts(bulletin, narration, offset)
    close = round(offset + narration.sentences[-1].end + CLOSE_GAP, 3)
    duration = round(close + CLOSING, 3)
    slides = [
        Slide("title", 0.0, starts[0], heading=bulletin.title, body=bulletin.spoken_date),
        *segment_slides(bulletin, [*starts, close]),
        Slide("credits", close, duration, heading="Credits", body=closing_body(bulletin)),
    ]
    return Timeline(
        width=size[0],
        height=size[1],
        fps=fps,
        duration=duration,
        slides=tuple(slides),
        cues=plan_cues(narration.sentences, offset),
        audio=audio,
        narration_offset=offset,
    )


def segment_slides(bulletin: Bulletin, times: list[float]) -> list[Slide]:
    """A slide per segment from its first word to the next one's: kicker, headline, photo."""
    return [
        Slide("scene", start, end, heading=s.headline, photo=s.photo, kicker=s.kicker)
        for s, start, end in zip(bulletin.segments, times, times[1:], strict=False)
    ]


def segment_starts(bulletin: Bulletin, narration: Narration, offset: float) -> list[float]:
    """When each segment's first word is heard, in clip time (scene 0 is the ident)."""
    return [
        round(offset + narration.scene_span(i + 1)[0], 3) for i in range(len(bulletin.segments))
    ]


def chapters(bulletin: Bulletin, timeline: Timeline) -> list[Chapter]:
    """One chapter per slide: the ident, each story as 'KICKER: headline', the credits."""
    titles = [bulletin.heading]
    titles += [chapter_title(s) for s in bulletin.segments] + ["Credits"]
    return [
        Chapter(title, slide.start, slide.end)
        for title, slide in zip(titles, timeline.slides, strict=True)
    ]


def chapter_title(segment: Segment) -> str:
    return f"{segment.kicker}: {segment.headline}" if segment.kicker else segment.headline


def story_script(segment: Segment) -> Script:
    """A segment as a one-scene script: what its credit roll is made from."""
    article = segment.item.article
    return Script(
        title=article.title,
        scenes=(Scene(segment.text, segment.headline, segment.photo),),
        photos=article.photos,
        reporting=article.reporting,
        published=article.published,
        source_url=article.source_url,
    )


def segment_roll(segment: Segment) -> CreditRoll:
    """Who reported the story and who took the photo shown under it."""
    shown = [segment.photo] if segment.photo is not None else []
    return credit_roll(story_script(segment), shown)


def closing_body(bulletin: Bulletin) -> str:
    """The closing card: each story's kicker, then its credits, one section a line."""
    lines = []
    for segment in bulletin.segments:
        lines.append(segment.kicker.upper() or segment.headline)
        lines += [f"{head}: {', '.join(names)}" for head, names in segment_roll(segment).sections()]
    return "\n".join(lines)
