"""The bulletin as timed data: the ident, each segment's shots from its first word, the closing
credits; a chapter per story."""

from __future__ import annotations

from dataclasses import replace

from news60.bulletin.fitting import narration_script
from news60.bulletin.models import Bulletin, Chapter, Segment
from news60.credits import CreditRoll, credit_roll
from news60.models import Canvas, Narration, Photo, Scene, Script, Slide, Timeline, Word
from news60.video.storyboard import Stage, scene_words, soft_photo_notes, split_span, usable_photos
from news60.video.theme import Theme
from news60.video.timeline import assemble_timeline, end_card

CLOSING = 4.0  # seconds of closing credits: five stories' names take longer to read than one's
CLOSE_GAP = 0.2  # the closing card comes this long after the last word


def plan_bulletin(
    bulletin: Bulletin, narration: Narration, theme: Theme, canvas: Canvas
) -> Timeline:
    """Ident, segments following the voice, closing credits; captions from the narration."""
    size = canvas.size
    offset = theme.lead_in
    close = round(offset + narration.sentences[-1].end + CLOSE_GAP, 3)
    script = narration_script(bulletin)
    photos, notes = usable_photos(script, size)
    stage = Stage(tuple(scene_words(script, narration, offset)), photos, (), "", close, size)
    starts = segment_starts(bulletin, narration, offset)
    shots = segment_shots(bulletin, [*starts, close], stage, theme)
    ident = Slide("hook", 0.0, starts[0], heading=bulletin.title, kicker=bulletin.spoken_date)
    notes += soft_photo_notes(shots, stage)
    closing = end_card(
        theme, close, round(close + CLOSING, 3), closing_body(bulletin), bulletin.day.isoformat()
    )
    slides = [ident, *shots, closing]
    return assemble_timeline(
        slides,
        narration,
        theme,
        notes,
        size,
        canvas.fps,
        canvas.audio,
        synthetic_voice=canvas.synthetic_voice,
    )


def segment_shots(
    bulletin: Bulletin, times: list[float], stage: Stage, theme: Theme
) -> list[Slide]:
    """Each segment from its first word to the next one's, pushed in: its kicker, headline and
    photo (or a card), a new framing every few seconds under the same text."""
    shots = []
    for i, (segment, start, end) in enumerate(
        zip(bulletin.segments, times, times[1:], strict=False)
    ):
        photo = _shown(segment.photo, stage)
        every = theme.motion.framing if photo else theme.motion.card_change
        words: tuple[Word, ...] = stage.words[i + 1]  # scene 0 is the ident
        base = Slide(
            "segment", start, end, heading=segment.headline, photo=photo, kicker=segment.kicker
        )
        for k, (begin, until) in enumerate(split_span((start, end), words, every)):
            entry = "push" if k == 0 and theme.transitions.push else "cut"
            shots.append(replace(base, start=begin, end=until, scene=i + 1, framing=k, entry=entry))
    return shots


def _shown(photo: Photo | None, stage: Stage) -> Photo | None:
    """The segment's photo when it can be shown at the frame's size, else None (a card)."""
    return photo if photo is not None and photo.src in stage.photos else None


def segment_starts(bulletin: Bulletin, narration: Narration, offset: float) -> list[float]:
    """When each segment's first word is heard, in clip time (scene 0 is the ident)."""
    return [
        round(offset + narration.scene_span(i + 1)[0], 3) for i in range(len(bulletin.segments))
    ]


def chapters(bulletin: Bulletin, timeline: Timeline) -> list[Chapter]:
    """The ident, each story as 'KICKER: headline' from its first shot to its last, the credits."""
    slides = timeline.slides
    spans = [(slides[0].start, slides[0].end)]
    for scene in range(1, len(bulletin.segments) + 1):
        shots = [s for s in slides if s.kind == "segment" and s.scene == scene]
        spans.append((shots[0].start, shots[-1].end))
    spans.append((slides[-1].start, slides[-1].end))
    titles = [bulletin.heading, *map(chapter_title, bulletin.segments), "Credits"]
    return [Chapter(title, a, b) for title, (a, b) in zip(titles, spans, strict=True)]


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
