"""The shot list: a hook, each scene's photos or cards at the pace of the voice, and the end card."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, replace

from news60.models import Cue, Narration, OnScreen, Photo, QuoteCard, Script, Slide, Word
from news60.speech.timing import apportion
from news60.video.chronology import DATE, Point, dated_points
from news60.video.lines import (
    figure_line,
    figure_noun,
    fresh,
    key_figure,
    key_line,
    said_at,
    story_headline,
)
from news60.video.photos import MAX_UPSCALE, SOFT_UPSCALE, PhotoInfo, inspect_photo, upscale_note
from news60.video.theme import Theme
from news60.video.typography import hook_line

REPORTED = "This report"  # the timeline's label for the story's own date
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
    cues: tuple[Cue, ...] = ()  # the burned-in captions, in clip time


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
        src = slide.photo.src if slide.photo else None
        info = stage.photos.get(src or "") if src is not None else None
        if src is not None and info is not None:
            full_bleed = slide.kind == "hook" or info.fits(stage.size)
            factor = (
                _fill_upscale(info, stage.size) if full_bleed else info.upscale(stage.size, True)
            )
            largest[src] = max(factor, largest.get(src, 0.0))
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
        earlier = [s.heading for s in slides]
        if photo is not None:
            line = fresh([scene.caption], earlier)
            shots = photo_shots(i, photo, line, (begin, end), stage, theme, uses)
        else:
            line = fresh([scene.caption, key_line(scene.text)], earlier)
            shots = card_shots(i, line, scene.text, (begin, end), stage, theme, slides)
        if i > 0 and theme.transitions.push:
            shots[0] = replace(shots[0], entry="push")
        slides.extend(shots)
    return slides


def plan_hook(script: Script, stage: Stage, theme: Theme) -> Slide:
    """The strongest picture, moving from frame 0, under the story in at most seven words (who
    and what): a photo (faces first, never a soft one when a sharp one is there), else a key
    figure with its noun on a card."""
    first = stage.words[0] if stage.words else ()
    later = [w[0].start for w in stage.words[1:] if w]
    limit = min([theme.transitions.hook, *later[:1]])
    cut = max((w.start for w in first if 1.0 <= w.start <= limit), default=limit)
    line = hook_line(story_headline(script))
    hook = Slide("hook", 0.0, cut, heading=line, kicker=stage.kicker)
    photo = hook_photo(script, stage)
    if photo is not None and _info(stage, photo).faces:
        return replace(hook, photo=photo)
    figure = next((f for s in script.scenes if (f := figure_line(s.text))), None)
    if figure and figure.split()[0] not in line:  # a line that gives the figure needs no second
        return replace(hook, body=figure)
    return replace(hook, photo=photo)


def hook_photo(script: Script, stage: Stage) -> Photo | None:
    """The scenes' photo to open on: one that fills the frame, crisp before soft, faces first,
    then the sharpest."""
    shown = [s.photo for s in script.scenes if s.photo and s.photo.src in stage.photos]
    # Full-bleed, a photo may be too small to fill the frame: not the hook then.
    fill = [p for p in shown if _fill_upscale(_info(stage, p), stage.size) <= MAX_UPSCALE]

    def strength(photo: Photo) -> tuple[bool, bool, float]:
        info = _info(stage, photo)
        return not info.soft(stage.size), info.faces > 0, info.sharpness(stage.size)

    return max(fill, key=strength, default=None)


def _info(stage: Stage, photo: Photo) -> PhotoInfo:
    """What the stage knows of a photo it shows (every such photo has an address)."""
    return stage.photos[photo.src or ""]


def _fill_upscale(info: PhotoInfo, size: tuple[int, int]) -> float:
    """How much a photo is enlarged to fill the frame: a panorama at full height, else covering it."""
    return info.upscale(size, contain=info.pans(size))


def photo_shots(
    scene: int,
    photo: Photo,
    caption: OnScreen,
    span: tuple[float, float],
    stage: Stage,
    theme: Theme,
    uses: Counter[str | None],
) -> list[Slide]:
    """A photo scene: a new framing every few seconds. A quote is over all of them (the captions
    give way while it is said); a key line only over the framings after its words are said (it
    sums them up while the voice goes on), or none."""
    said_by = span[0] if isinstance(caption, QuoteCard) else said_at(caption, stage.cues, span)
    shots: list[Slide] = []
    for begin, end in split_span(span, stage.words[scene], theme.motion.framing):
        framing = uses[photo.src]
        uses[photo.src] += 1
        heading = str(caption) if begin >= said_by - 1e-6 else ""
        shots.append(
            Slide("photo", begin, end, heading=heading, photo=photo, scene=scene, framing=framing)
        )
    return shots


def card_shots(
    scene: int,
    line: OnScreen,
    text: str,
    span: tuple[float, float],
    stage: Stage,
    theme: Theme,
    earlier: list[Slide],
) -> list[Slide]:
    """A scene without a photo: its key line or quote (with no line of its own, the story's topic
    and date as a label), then a key figure or the timeline when said; a new framing at least
    every `card_change` seconds."""
    words = stage.words[scene]
    if isinstance(line, QuoteCard):
        base = Slide("quote", 0, 0, heading=line.quote, body=line.speaker, scene=scene)
        anchors: list[Slide] = []
    else:
        base = Slide("key", 0, 0, heading=line, scene=scene, kicker="" if line else stage.kicker)
        anchors = _anchors(scene, text, words, stage, theme, earlier)
    shots: list[Slide] = []
    for piece in _fill(span, anchors, base):
        parts = split_span((piece.start, piece.end), words, theme.motion.card_change)
        for k, (begin, end) in enumerate(parts):
            shots.append(replace(piece, start=begin, end=end, framing=k))
    return shots


def _anchors(
    scene: int,
    text: str,
    words: tuple[Word, ...],
    stage: Stage,
    theme: Theme,
    earlier: list[Slide],
) -> list[Slide]:
    """Cards tied to a moment of the voice: a key figure with its noun (unless the hook or an
    earlier card showed it), the timeline when a date is said."""
    anchors: list[Slide] = []
    hold = theme.motion.card_change
    figure = key_figure(text)
    noun = figure_noun(text, figure) if figure else ""
    shown = any(figure in f"{s.heading} {s.body}" for s in earlier) if figure else True
    said_at = _word_at(words, figure) if figure and not shown else None
    if figure and said_at is not None:  # (said_at is found only for a figure)
        anchors.append(
            Slide("figure", said_at, said_at + hold, heading=figure, body=noun, scene=scene)
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
    """The span as the base card until the first anchored card, then each anchored card until the
    next one or the span's end (the base's line never comes back: it would be shown twice); a
    stretch shorter than MIN_SHOT joins its neighbour."""
    begin, end = span
    starts: list[tuple[float, Slide]] = []
    for anchor in anchors:
        start = max(anchor.start, starts[-1][0] + MIN_SHOT if starts else begin)
        if end - start >= MIN_SHOT:
            starts.append((begin if start - begin < MIN_SHOT else start, anchor))
    if not starts or starts[0][0] > begin:
        starts.insert(0, (begin, base))
    stops = [t for t, _ in starts[1:]] + [end]
    return [replace(card, start=t, end=stop) for (t, card), stop in zip(starts, stops, strict=True)]


def split_span(
    span: tuple[float, float], words: tuple[Word, ...], every: float
) -> list[tuple[float, float]]:
    """Cut a span into stretches of at most about `every` seconds, each starting on a word."""
    begin, end = span
    count = max(1, math.ceil((end - begin) / every - 0.05))
    cuts = [begin]
    for k in range(1, count):
        target = begin + k * (end - begin) / count
        options = [w.start for w in words if cuts[-1] + MIN_SHOT <= w.start <= end - MIN_SHOT]
        # A word near the even cut keeps the stretches even; with none near, the even cut itself.
        near = [t for t in options if abs(t - target) <= 0.3]
        cuts.append(min(near, key=lambda t: abs(t - target)) if near else target)
    return list(zip(cuts, [*cuts[1:], end], strict=True))


def story_points(script: Script) -> tuple[Point, ...]:
    """The dates the narration mentions, and the publication date with the headline's gist."""
    texts = [s.text for s in script.scenes]
    # The story's own date is labelled as the report, not with the headline the hook showed.
    return tuple(dated_points(texts, script.published, now=REPORTED))
