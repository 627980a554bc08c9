"""The bulletin as timed data: each segment's shots from its first word (the top story from the
first frame), the closing credits; a chapter per story."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from news60.bulletin.airing import shown_date
from news60.bulletin.fitting import narration_script
from news60.bulletin.models import Bulletin, Chapter, Segment
from news60.credits import CreditRoll, credit_roll, organisations, photo_agency
from news60.models import Canvas, Narration, Photo, Scene, Script, Slide, Timeline
from news60.video.layout import Layout
from news60.video.linebreaks import balanced_lines
from news60.video.segment import KICKER_SCALE
from news60.video.storyboard import Stage, scene_words, soft_photo_notes, split_span, usable_photos
from news60.video.theme import Theme
from news60.video.timeline import assemble_timeline, end_card
from news60.video.typesetting import family, font

CLOSING = 4.0  # seconds of closing credits: five stories' names take longer to read than one's
CLOSE_GAP = 0.2  # the closing card comes this long after the last word


def plan_bulletin(
    bulletin: Bulletin, narration: Narration, theme: Theme, canvas: Canvas
) -> Timeline:
    """The top story from the first frame (no still ident: its picture moves, the day's date in
    its kicker), each segment following the voice, the closing credits; captions from the voice."""
    size = canvas.size
    offset = theme.lead_in
    close = round(offset + narration.sentences[-1].end + CLOSE_GAP, 3)
    script = narration_script(bulletin)
    photos, notes = usable_photos(script, size)
    stage = Stage(tuple(scene_words(script, narration, offset)), photos, (), "", close, size)
    starts = [0.0, *segment_starts(bulletin, narration, offset)[1:]]
    shots = segment_shots(bulletin, [*starts, close], stage, theme)
    notes += soft_photo_notes(shots, stage)
    closing = end_card(
        theme,
        close,
        round(close + CLOSING, 3),
        closing_body(bulletin, CardCredits(theme, size)),
        bulletin.day.isoformat(),
    )
    slides = [*shots, closing]
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
    photo (or a card), a new framing every few seconds under the same text. The top story carries
    the day's date in its kicker and arrives by a cut (nothing came before it)."""
    fits = Kickers(theme, stage.size)
    shots = []
    for i, (segment, start, end) in enumerate(
        zip(bulletin.segments, times, times[1:], strict=False)
    ):
        photo = _shown(segment.photo, stage)
        every = theme.motion.framing if photo else theme.motion.card_change
        parts = segment_kicker(segment, bulletin.day)
        if i == 0:  # the day's date, with its weekday when the topic still fits beside it
            day = bulletin.day
            kicker = fits.first([bulletin.spoken_date, *parts], [f"{day.day} {day:%B}", *parts])
        else:
            kicker = fits.first(parts)
        base = Slide("segment", start, end, heading=segment.headline, photo=photo, kicker=kicker)
        for k, (begin, until) in enumerate(split_span((start, end), stage.words[i], every)):
            entry = "push" if k == 0 and i > 0 and theme.transitions.push else "cut"
            shots.append(replace(base, start=begin, end=until, scene=i, framing=k, entry=entry))
    return shots


SEP = " · "  # between the parts of a kicker: "OPINION · UBER · 27 JUNE"


def segment_kicker(segment: Segment, day: dt.date) -> list[str]:
    """The parts of a segment's kicker, most needed first: its label ("OPINION"), its date when
    it is not the bulletin's day, its topic."""
    item = segment.item
    parts = [item.article.label, shown_date(item.date, day), segment.kicker]
    return [part for part in parts if part]


@dataclass(frozen=True)
class Kickers:
    """Kickers measured in the pill's type (video.segment draws them): parts dropped from the end
    until one fits."""

    theme: Theme
    size: tuple[int, int]

    def first(self, parts: list[str], *others: list[str]) -> str:
        """The first of `parts` and `others` that fits the frame's text width whole; else the
        longest run of `parts`, from the first, that fits."""
        for option in (parts, *others):
            if self._fits(SEP.join(option)):
                return SEP.join(option)
        for count in range(len(parts) - 1, 0, -1):
            if self._fits(SEP.join(parts[:count])):
                return SEP.join(parts[:count])
        return parts[0] if parts else ""

    def _fits(self, text: str) -> bool:
        layout = Layout(*self.size)
        size = round(layout.type_px(self.theme.type, "label") * KICKER_SCALE)
        face = font(family(self.theme, "headline"), size)
        return face.getlength(text.upper()) <= layout.text_width - 2 * round(
            layout.px(18) * KICKER_SCALE
        )


def _shown(photo: Photo | None, stage: Stage) -> Photo | None:
    """The segment's photo when it can be shown at the frame's size, else None (a card)."""
    return photo if photo is not None and photo.src in stage.photos else None


def segment_starts(bulletin: Bulletin, narration: Narration, offset: float) -> list[float]:
    """When each segment's first word is heard, in clip time."""
    return [round(offset + narration.scene_span(i)[0], 3) for i in range(len(bulletin.segments))]


def chapters(bulletin: Bulletin, timeline: Timeline) -> list[Chapter]:
    """Each story as 'KICKER: headline' from its first shot to its last, then the credits."""
    slides = timeline.slides
    spans = []
    for scene in range(len(bulletin.segments)):
        shots = [s for s in slides if s.kind == "segment" and s.scene == scene]
        spans.append((shots[0].start, shots[-1].end))
    spans.append((slides[-1].start, slides[-1].end))
    titles = [*map(chapter_title, bulletin.segments), "Credits"]
    return [Chapter(title, a, b) for title, (a, b) in zip(titles, spans, strict=True)]


def chapter_title(segment: Segment) -> str:
    """'Sudan: United States to Lift Sudan Sanctions'; 'OPINION · Uber: ...' for opinion."""
    head = SEP.join(part for part in (segment.item.article.label, segment.kicker) if part)
    return f"{head}: {segment.headline}" if head else segment.headline


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
        kind=article.kind,
    )


def segment_roll(segment: Segment) -> CreditRoll:
    """Who reported the story and who took the photo shown under it."""
    shown = [segment.photo] if segment.photo is not None else []
    return credit_roll(story_script(segment), shown)


@dataclass(frozen=True)
class CardCredits:
    """The closing card's credit lines measured in its type: each fits in CARD_LINES lines."""

    theme: Theme
    size: tuple[int, int]

    def line(self, heading: str, names: Sequence[str]) -> str:
        """'Reporting: AP, AFP, Jane Doe and more': as many names as fit, in order."""
        for count in range(len(names), 0, -1):
            more = " and more" if count < len(names) else ""
            text = f"{heading}: {', '.join(names[:count])}{more}"
            if self._wrapped(text) is not None:
                return text
        return f"{heading}: {names[0]}" if names else ""

    def drawn(self, body: str) -> list[str]:
        """The card's credit lines as the end card draws them, each body line wrapped."""
        return [part for line in body.splitlines() for part in self._wrapped(line) or [line]]

    def _wrapped(self, text: str) -> list[str] | None:
        layout = Layout(*self.size)
        face = font(family(self.theme, "small"), layout.type_px(self.theme.type, "label"))
        return balanced_lines(text, face.getlength, layout.text_width, CARD_LINES)


CARD_LINES = 2  # lines each credit line may take on the closing card: two sections, four lines


def closing_body(bulletin: Bulletin, credits: CardCredits) -> str:
    """The closing card, readable in its seconds: who reported and whose photos, organisations
    first ("Reporting: AP, AFP, Grist, Jane Doe and more"); the full list is in the description
    and the manifest."""
    rolls = [segment_roll(s) for s in bulletin.segments]
    reporting = _unique(
        [n for r in rolls for n in organisations(r.reporting)]
        + [n for r in rolls for n in r.reporting.authors + r.reporting.contributors]
    )
    photos = _unique([photo_agency(c) for r in rolls for c in r.photo_credits])
    lines = [credits.line("Reporting", reporting) if reporting else ""]
    lines.append(credits.line("Photos", photos) if photos else "")
    return "\n".join(line for line in lines if line)


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))
