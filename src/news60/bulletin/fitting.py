"""Fit the bulletin to its slot: every story its lead; then, story by story in running order, one
more unit while the voice still fits; when the leads alone run over, the last stories go first."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TypeVar

from news60.bulletin.lineup import MIN_STORIES
from news60.bulletin.models import Bulletin, LeftOut, Segment
from news60.errors import ScriptError
from news60.models import Narration, Scene, Script
from news60.script.fitting import Limits, Narrate, fit_loop
from news60.speech.narration import Spoken

progress = logging.getLogger("news60.progress")

SHORTEST_SHARE = 52 / 60  # a bulletin under 52 s of a minute sounds cut short

# What the bulletin is fitted with: speech's Spoken (when making) or a Narration. Either carries
# notes and scene spans, which fitting reads and adds to.
N = TypeVar("N", Spoken, Narration)


def bulletin_slot(seconds: float, lead_in: float, closing: float) -> Limits:
    """How long the bulletin's narration may run, and how short it may fall, in seconds."""
    longest = seconds - lead_in - closing
    if longest <= 10:
        raise ScriptError(
            f"--seconds {seconds:g} leaves no time for a bulletin: ask for 30 or more"
        )
    return Limits(longest, seconds * SHORTEST_SHARE - lead_in - closing)


def fit_bulletin(bulletin: Bulletin, speak: Narrate[N], slot: Limits) -> tuple[Bulletin, N]:
    """The bulletin whose narration fits the slot, and that narration (measured, not estimated)."""
    narration: N
    bulletin, narration, speedup = _leads_that_fit(bulletin, speak, slot)
    full: set[int] = set()
    while len(full) < len(bulletin.segments):
        for i, segment in enumerate(bulletin.segments):
            if i in full or segment.said >= len(segment.units):
                full.add(i)
                continue
            longer = _with_segment(bulletin, i, replace(segment, said=segment.said + 1))
            trial = speak(narration_script(longer), speedup)
            if trial.duration <= slot.longest:
                bulletin, narration = longer, trial
            else:
                full.add(i)
    if narration.duration < slot.shortest:
        note = (
            f"the stories hold {narration.duration:.0f} s of narration, short of "
            f"{slot.shortest:.0f} s: add stories for a full bulletin"
        )
        narration = replace(narration, notes=(*narration.notes, note))
    return bulletin, narration


def _leads_that_fit(
    bulletin: Bulletin, speak: Narrate[N], slot: Limits
) -> tuple[Bulletin, N, float]:
    """Each story's lead alone; the last stories left out (with a note) until the leads fit."""
    say = lambda bulletin, rate: speak(narration_script(bulletin), rate)  # noqa: E731
    return fit_loop(bulletin, say, _without_last, slot)


def _without_last(bulletin: Bulletin, narration: N) -> Bulletin:
    if len(bulletin.segments) <= MIN_STORIES:
        raise ScriptError(
            f"the leads of the first {len(bulletin.segments)} stories run {narration.duration:.0f} s, "
            "more than the bulletin holds: raise --seconds"
        )
    last = bulletin.segments[-1]
    start, end = narration.scene_span(len(bulletin.segments) - 1)
    reason = f"its lead ({end - start:.1f} s) does not fit: the stories before it fill the bulletin"
    progress.info("left out %s: %s", last.item.source, reason)
    return replace(
        bulletin,
        segments=bulletin.segments[:-1],
        left_out=(*bulletin.left_out, LeftOut(last.item.source, reason)),
    )


def _with_segment(bulletin: Bulletin, index: int, segment: Segment) -> Bulletin:
    segments = list(bulletin.segments)
    segments[index] = segment
    return replace(bulletin, segments=tuple(segments))


def sign_off(bulletin: Bulletin) -> str:
    """What the audio briefing says before its credits: 'News in 60 seconds, for Friday, 28 June.'
    (the clip opens on its top story, with the date in the kicker, not on a spoken ident)."""
    return f"{bulletin.title.rstrip('.!?:;, ')}, for {bulletin.spoken_date}."


def narration_script(bulletin: Bulletin) -> Script:
    """What is said, as a script: one scene per segment, the top story first."""
    scenes = tuple(Scene(s.text, s.headline, s.photo) for s in bulletin.segments)
    return Script(title=bulletin.heading, scenes=scenes, published=bulletin.day.isoformat())
