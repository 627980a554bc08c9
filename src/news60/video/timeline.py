"""Plan the clip as timed data: which shot shows when, the text over it, and the caption cues."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from news60.credits import credit_roll, source_name
from news60.models import Cue, Narration, Photo, Script, Slide, Timeline
from news60.script.kicker import topic_kicker
from news60.video.cues import plan_cues
from news60.video.echo import echoes, line_runs, shared
from news60.video.emoji import EMOJI, emoji_font, strip_emoji
from news60.video.layout import Layout
from news60.video.storyboard import (
    END_GAP,
    Stage,
    plan_shots,
    scene_words,
    soft_photo_notes,
    story_points,
    usable_photos,
)
from news60.video.theme import Theme
from news60.video.typesetting import family, font
from news60.video.typography import screen_text

EMOJI_NOTE = "emoji taken out of on-screen text: install fonts-noto-color-emoji to show them"


def plan_timeline(
    script: Script,
    narration: Narration,
    theme: Theme,
    *,
    size: tuple[int, int],
    fps: int,
    audio: Path,
    synthetic_voice: bool = True,
) -> Timeline:
    """The hook, each scene's shots following the voice, then the end card; the caption cues."""
    offset = theme.lead_in
    close = offset + narration.duration + END_GAP
    duration = round(offset + narration.duration + theme.end_card, 3)
    photos, notes = usable_photos(script, size)
    cues = caption_cues(narration, theme, size)  # measured once: 0.3 s of line breaking
    stage = Stage(
        words=tuple(scene_words(script, narration, offset)),
        photos=photos,
        points=story_points(script),
        kicker=kicker_text(script),
        close=close,
        size=size,
        cues=cues[0],
    )
    shots = plan_shots(script, stage, theme)
    if script.source_url and shots:
        # The outlet beside the hook's topic and date: where the story comes from, said at once.
        shots[0] = replace(shots[0], kicker=f"{shots[0].kicker}\t{source_name(script.source_url)}")
    notes += soft_photo_notes(shots, stage)
    roll = credit_roll(script, [shot.photo for shot in shots if shot.photo is not None])
    body = "\n".join(roll.card_lines())
    end = end_card(theme, close, duration, body, script.published)
    slides = [*shots, end]
    return assemble_timeline(
        slides,
        narration,
        theme,
        notes,
        size,
        fps,
        audio,
        synthetic_voice=synthetic_voice,
        measured=cues,
    )


def end_card(theme: Theme, start: float, end: float, body: str, published: str | None) -> Slide:
    """The closing card: the brand, the credits, the date."""
    return Slide("end", start, end, heading=theme.brand, body=body, kicker=display_date(published))


def assemble_timeline(
    slides: list[Slide],
    narration: Narration,
    theme: Theme,
    notes: list[str],
    size: tuple[int, int],
    fps: int,
    audio: Path,
    *,
    synthetic_voice: bool,
    measured: tuple[tuple[Cue, ...], bool] | None = None,
) -> Timeline:
    """The slides (their text ready for the screen) and the caption cues (`measured`: caption_cues'
    answer, when the caller has it already) on one clock: the voice starts after the theme's
    lead-in, the clip ends with the last slide."""
    slides, dropped = on_screen(slides)
    cues, dropped_in_cues = measured or caption_cues(narration, theme, size)
    cues = give_way(cues, slides)
    return Timeline(
        width=size[0],
        height=size[1],
        fps=fps,
        duration=slides[-1].end,
        slides=tuple(slides),
        cues=cues,
        audio=audio,
        narration_offset=theme.lead_in,
        synthetic_voice=synthetic_voice,
        notes=(*notes, *([EMOJI_NOTE] if dropped or dropped_in_cues else [])),
    )


def caption_cues(
    narration: Narration, theme: Theme, size: tuple[int, int]
) -> tuple[tuple[Cue, ...], bool]:
    """The caption cues, their lines measured in the caption font; and whether emoji were taken out."""
    layout = Layout(*size)
    face = font(family(theme, "body"), layout.type_px(theme.type, "caption"))
    cues = plan_cues(
        narration.sentences, theme.lead_in, measure=face.getlength, width=caption_width(layout)
    )
    if emoji_font() is not None or not any(EMOJI.search(c.text) for c in cues):
        return cues, False
    return tuple(_without_emoji(cue) for cue in cues), True


def give_way(cues: tuple[Cue, ...], slides: list[Slide]) -> tuple[Cue, ...]:
    """The captions, those that say what a card above shows at the same time left out of the
    picture (kept for the subtitle files): a quote card is read once, in its own type."""
    hidden: set[int] = set()
    for start, end, lines in line_runs(slides):
        for line in lines:
            hidden |= _saying(line, cues, (start, end), hidden)
    return tuple(replace(c, shown=False) if i in hidden else c for i, c in enumerate(cues))


def _saying(
    line: str, cues: tuple[Cue, ...], span: tuple[float, float], hidden: set[int]
) -> set[int]:
    """The cues to leave out beside `line` over `span`: each one mostly made of the line's words,
    then, one by one, those sharing most of them until the captions left no longer show it."""
    near = [i for i, c in enumerate(cues) if c.start < span[1] and c.end > span[0]]
    gone = {i for i in near if echoes(cues[i].text, line)}
    while True:
        shown = [i for i in near if i not in hidden | gone]
        if not shown or not echoes(line, " ".join(cues[i].text for i in shown)):
            return gone
        gone.add(max(shown, key=lambda i: shared(line, cues[i].text)))


def _without_emoji(cue: Cue) -> Cue:
    words = tuple(replace(w, text=strip_emoji(w.text)) for w in cue.words)
    lines = [" ".join(strip_emoji(w) for w in line.split()) for line in cue.text.split("\n")]
    text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
    return replace(cue, text=text, words=tuple(w for w in words if w.text) or cue.words[:1])


def caption_width(layout: Layout) -> int:
    """The caption block's text width: fixed for the whole clip, inside the block's padding."""
    return layout.text_width - 2 * layout.px(14)


def on_screen(slides: list[Slide]) -> tuple[list[Slide], bool]:
    """Every slide's text with curly quotes, and emoji out when they cannot be drawn."""
    out, dropped = [], False
    for slide in slides:
        heading, lost_heading = screen_text(slide.heading)
        body_lines = [screen_text(line) for line in slide.body.split("\n")]
        dropped = dropped or lost_heading or any(lost for _, lost in body_lines)
        body = "\n".join(text for text, _ in body_lines)
        out.append(_replace(slide, heading, body))
    return out, dropped


def _replace(slide: Slide, heading: str, body: str) -> Slide:
    return replace(slide, heading=heading, body=body)


def kicker_text(script: Script) -> str:
    """The topic and the date, "G20 · 28 JUNE 2019"; either alone when the other is unknown; an
    opinion piece, review or sponsored story says so first ("OPINION · UBER · 1 FEBRUARY 2015")."""
    scenes = "\n".join(scene.text for scene in script.scenes)  # the first line is the lead
    topic = topic_kicker(script.title, scenes, [p.caption for p in script.photos])
    date = display_date(script.published).upper()
    return " · ".join(part for part in (script.label, topic, date) if part)


def display_date(published: str | None) -> str:
    """'2019-06-28T09:30:00Z' as '28 June 2019'; anything unparseable is shown as given."""
    if not published:
        return ""
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    return f"{moment.day} {moment:%B %Y}"


def shown_photos(timeline: Timeline) -> list[Photo]:
    """The photos a clip shows, in order of appearance."""
    return [slide.photo for slide in timeline.slides if slide.photo is not None]
