"""The shot list: a hook, each scene's photos or cards at the pace of the voice, and the end card."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from news60.models import Narration, Photo, QuoteCard, Script, Slide, Word
from news60.speech.timing import apportion
from news60.video.chronology import DATE, Point, dated_points
from news60.video.photos import MAX_UPSCALE, SOFT_UPSCALE, PhotoInfo, inspect_photo, upscale_note
from news60.video.theme import Theme
from news60.video.typography import HOOK_WORDS, cover_line, hook_line

# A figure worth a card of its own: money, a percentage, a large or counted amount (not a year).
FIGURE = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s?(?:bn|m|k|million|billion|trillion)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|per ?cent\b|percent\b)"
    r"|\b\d[\d.]*\s(?:million|billion|trillion)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)
MIN_SHOT = 1.2  # seconds: a shorter stretch joins its neighbour rather than flash by
END_GAP = 0.2  # the end card comes this long after the last word


@dataclass(frozen=True)
class Stage:
    """What planning works from: the scenes' timed words, usable photos and the clip's labels."""

    words: tuple[tuple[Word, ...], ...]  # per scene, in clip time
    photos: dict[str, PhotoInfo]
    points: tuple[Point, ...]
    kicker: str
    close: float  # when the end card starts
    size: tuple[int, int]  # the frame's


def key_figure(text: str) -> str | None:
    """The first figure in `text` that deserves a key-figure card, if any."""
    match = FIGURE.search(text)
    return match.group(0).strip() if match else None


def scene_words(script: Script, narration: Narration, offset: float) -> list[tuple[Word, ...]]:
    """Every scene's spoken words with their times in the clip (spread by length if untimed)."""
    words: list[list[Word]] = [[] for _ in script.scenes]
    for sentence in narration.sentences:
        timed = sentence.words or apportion(sentence.text.split(), sentence.start, sentence.end)
        words[sentence.scene].extend(Word(w.text, w.start + offset, w.end + offset) for w in timed)
    return [tuple(w) for w in words]


def usable_photos(script: Script, size: tuple[int, int]) -> tuple[dict[str, PhotoInfo], list[str]]:
    """The scenes' photos that can be shown at `size`, and notes on those that cannot."""
    usable, notes = {}, []
    for src in dict.fromkeys(s.photo.src for s in script.scenes if s.photo and s.photo.src):
        info = inspect_photo(src)
        if info is None:
            notes.append(f"photo {src} could not be read: a card is shown instead")
            continue
        factor = info.upscale(size, contain=not info.fits(size))
        if factor > MAX_UPSCALE:
            notes.append(upscale_note(src, factor, shown=False))
            continue
        usable[src] = info
    return usable, notes


def soft_photo_notes(slides: list[Slide], stage: Stage) -> list[str]:
    """A note for each photo shown more than SOFT_UPSCALE times its size, at its largest."""
    largest: dict[str, float] = {}
    for slide in slides:
        info = stage.photos.get(slide.photo.src or "") if slide.photo else None
        if info is not None:
            full_bleed = slide.kind == "hook" or info.fits(stage.size)
            factor = info.upscale(stage.size, contain=not full_bleed)
            largest[slide.photo.src] = max(factor, largest.get(slide.photo.src, 0.0))
    return [upscale_note(src, f) for src, f in largest.items() if f > SOFT_UPSCALE]


def plan_shots(script: Script, stage: Stage, theme: Theme) -> list[Slide]:
    """The hook, then every scene's shots (a push into each new scene), then the end card."""
    hook = plan_hook(script, stage, theme)
    slides, uses = [hook], Counter([hook.photo.src] if hook.photo else [])
    starts = [w[0].start if w else stage.close for w in stage.words]
    for i, scene in enumerate(script.scenes):
        begin = hook.end if i == 0 else starts[i]
        end = starts[i + 1] if i + 1 < len(starts) else stage.close
        if end - begin < 1 / 30:
            continue  # a first scene said within the hook: the hook covers it
        photo = scene.photo if scene.photo and scene.photo.src in stage.photos else None
        if photo is not None:
            shots = photo_shots(i, photo, scene.caption, (begin, end), stage, theme, uses)
        else:
            shots = card_shots(i, scene.caption, scene.text, (begin, end), stage, theme, slides)
        if i > 0 and theme.transitions.push:
            shots[0] = replace(shots[0], entry="push")
        slides.extend(shots)
    return slides


def plan_hook(script: Script, stage: Stage, theme: Theme) -> Slide:
    """The strongest picture, moving from frame 0, with a hook line of at most seven words."""
    first = stage.words[0] if stage.words else ()
    later = [w[0].start for w in stage.words[1:] if w]
    limit = min([theme.transitions.hook, *later[:1]])
    cut = max((w.start for w in first if 1.0 <= w.start <= limit), default=limit)
    hook = Slide("hook", 0.0, cut, heading=hook_line(script.title), kicker=stage.kicker)
    faces = [s.photo for s in script.scenes if s.photo and _faces(s.photo, stage)]
    # Full-bleed, a photo much wider than the frame may be too small to fill it: not the hook then.
    faces = [
        p for p in faces if stage.photos[p.src].upscale(stage.size, contain=False) <= MAX_UPSCALE
    ]
    if faces:
        return replace(hook, photo=max(faces, key=lambda p: _faces(p, stage)))
    figure = next((f for s in script.scenes if (f := key_figure(s.text))), None)
    if figure:
        return replace(hook, body=figure)
    quote = next((s.caption for s in script.scenes if isinstance(s.caption, QuoteCard)), None)
    if quote and len(quote.quote.split()) <= HOOK_WORDS:
        return replace(hook, heading=f"“{quote.quote}”", body=quote.speaker)
    shown = next((s.photo for s in script.scenes if s.photo and s.photo.src in stage.photos), None)
    return replace(hook, photo=shown)


def _faces(photo: Photo, stage: Stage) -> int:
    info = stage.photos.get(photo.src or "")
    return info.faces if info else 0


def photo_shots(scene, photo, caption, span, stage, theme, uses: Counter) -> list[Slide]:
    """A photo scene: a new framing every few seconds, the key line held over all of them."""
    shots = []
    for begin, end in split_span(span, stage.words[scene], theme.motion.framing):
        framing = uses[photo.src]
        uses[photo.src] += 1
        shots.append(
            Slide(
                "photo", begin, end, heading=str(caption), photo=photo, scene=scene, framing=framing
            )
        )
    return shots


def card_shots(scene, caption, text, span, stage, theme, earlier) -> list[Slide]:
    """A scene without a photo: its key line or quote, a key figure or the timeline when said."""
    words = stage.words[scene]
    if isinstance(caption, QuoteCard):
        base = Slide("quote", 0, 0, heading=caption.quote, body=caption.speaker, scene=scene)
        anchors = []
    else:
        base = Slide("key", 0, 0, heading=caption, scene=scene)
        anchors = _anchors(scene, caption, text, words, stage, theme, earlier)
    pieces = _fill(span, anchors, base)
    shots = []
    for piece in pieces:
        parts = split_span((piece.start, piece.end), words, theme.motion.card_change)
        for k, (begin, end) in enumerate(parts):
            shots.append(replace(piece, start=begin, end=end, framing=k))
    return shots


def _anchors(scene, caption, text, words, stage, theme, earlier) -> list[Slide]:
    """Cards tied to a moment of the voice: a key figure, the timeline when a date is said."""
    anchors = []
    hold = theme.motion.card_change
    figure = key_figure(text)
    said = _word_at(words, figure) if figure else None
    if said is not None:
        anchors.append(
            Slide("figure", said, said + hold, heading=figure, body=caption, scene=scene)
        )
    date = DATE.search(text)
    shown_before = any(s.kind == "timeline" for s in earlier)
    if date and len(stage.points) >= 2 and not shown_before:
        at = _word_at(words, date.group(0).split()[-1])
        if at is not None:
            body = "\n".join(f"{p.date}\t{p.label}" for p in stage.points)
            anchors.append(
                Slide("timeline", at, at + hold, heading=date.group(0), body=body, scene=scene)
            )
    return sorted(anchors, key=lambda s: s.start)


def _word_at(words: tuple[Word, ...], token: str) -> float | None:
    """When the word containing `token`'s first word is said."""
    first = token.split()[0]
    return next((w.start for w in words if first in w.text), None)


def _fill(span: tuple[float, float], anchors: list[Slide], base: Slide) -> list[Slide]:
    """The span as the base card, with anchored cards in place; short stretches join a neighbour."""
    begin, end = span
    pieces, cursor = [], begin
    for anchor in anchors:
        start, stop = max(anchor.start, cursor), min(anchor.end, end)
        if stop - start < MIN_SHOT:
            continue
        if start - cursor >= MIN_SHOT:
            pieces.append(replace(base, start=cursor, end=start))
        elif pieces:
            pieces[-1] = replace(pieces[-1], end=start)
        else:
            start = cursor
        pieces.append(replace(anchor, start=start, end=stop))
        cursor = stop
    if end - cursor >= MIN_SHOT or not pieces:
        pieces.append(replace(base, start=cursor, end=end))
    else:
        pieces[-1] = replace(pieces[-1], end=end)
    return pieces


def split_span(
    span: tuple[float, float], words: tuple[Word, ...], every: float
) -> list[tuple[float, float]]:
    """Cut a span into stretches of about `every` seconds, each starting on a word."""
    begin, end = span
    count = max(1, round((end - begin) / every))
    cuts = [begin]
    for k in range(1, count):
        target = begin + k * (end - begin) / count
        options = [w.start for w in words if cuts[-1] + MIN_SHOT <= w.start <= end - MIN_SHOT]
        if options:
            cuts.append(min(options, key=lambda t: abs(t - target)))
    return list(zip(cuts, [*cuts[1:], end], strict=True))


def story_points(script: Script) -> tuple[Point, ...]:
    """The dates the narration mentions, and the publication date with the headline's gist."""
    texts = [s.text for s in script.scenes]
    return tuple(dated_points(texts, script.published, now=cover_line(script.title)))
