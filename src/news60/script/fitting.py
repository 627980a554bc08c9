"""Fit the script to the clip: budget words by the voice's pace, then drop sentences until it fits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from news60.errors import ScriptError
from news60.models import Article, Narration, Script
from news60.script.scenes import build_script
from news60.script.speakable import display_text
from news60.script.summarisers import Pick, get_summariser
from news60.settings import ScriptSettings

log = logging.getLogger(__name__)

MAX_SPEEDUP = 1.05  # a voice sped up more than 5 % starts to sound rushed
MAX_ROUNDS = 8
WINDOW = 4.0  # the narration aims for the last WINDOW seconds before its limit


@dataclass(frozen=True)
class Limits:
    """How long the narration may run, in seconds."""

    longest: float
    shortest: float

    @classmethod
    def for_clip(cls, seconds: float, lead_in: float, end_card: float) -> Limits:
        longest = seconds - lead_in - end_card
        if longest <= 3:
            raise ScriptError(f"--seconds {seconds:g} leaves no time to speak: ask for 15 or more")
        return cls(longest, max(1.0, longest - WINDOW))


Narrate = Callable[[Script, float], Narration]  # (script, speaking-rate factor) -> narration


def fit_script(
    article: Article, settings: ScriptSettings, narrate: Narrate, *, pace: float, limits: Limits
) -> tuple[Script, Narration]:
    """Pick sentences for the time, narrate, and drop the least useful until the voice fits."""
    summariser = get_summariser(settings.summariser, settings)
    budget = None if settings.sentences else int(pace * limits.longest * 0.94)
    picks = summariser.summarise(article, budget, settings.sentences)
    if not picks:
        raise ScriptError("the summariser found no sentence to say: is the article empty?")
    grown = False
    for _ in range(MAX_ROUNDS):
        script = _script(article, picks, settings.summariser)
        narration = narrate(script, 1.0)
        if narration.duration > limits.longest:
            faster = _speed_up(script, narration, narrate, limits)
            if faster is not None:
                return script, faster
            picks = _drop_least_useful(picks)
            continue
        if narration.duration < limits.shortest and budget and not grown:
            # Our pace estimate was pessimistic: ask once for more words and try again.
            grown = True
            budget = int(budget * limits.shortest / max(narration.duration, 1.0)) + 8
            more = summariser.summarise(article, budget, None)
            if _words(more) > _words(picks):
                picks = more
                continue
        return script, narration
    raise ScriptError(f"could not fit the narration into {limits.longest:.0f} s: raise --seconds")


def _speed_up(
    script: Script, narration: Narration, narrate: Narrate, limits: Limits
) -> Narration | None:
    """The narration at most 5 % faster, if that brings it inside the limit; None otherwise."""
    needed = narration.duration / limits.longest
    if needed > MAX_SPEEDUP:
        return None
    # A voice's rate setting is not exactly proportional to its pace: aim a little beyond.
    faster = narrate(script, min(MAX_SPEEDUP, needed * 1.02))
    return faster if faster.duration <= limits.longest else None


def pick_script(article: Article, settings: ScriptSettings) -> Script:
    """Exactly `settings.sentences` sentences, without narrating (for comparing summarisers)."""
    picks = get_summariser(settings.summariser, settings).summarise(
        article, None, settings.sentences
    )
    if not picks:
        raise ScriptError("the summariser found no sentence to say: is the article empty?")
    return _script(article, picks, settings.summariser)


def _script(article: Article, picks: list[Pick], summariser: str) -> Script:
    return build_script(article, [(_display(p.text), p.index) for p in picks], summariser)


def _drop_least_useful(picks: list[Pick]) -> list[Pick]:
    if len(picks) <= 1:
        raise ScriptError("a single sentence is longer than the clip: raise --seconds")
    weakest = min(range(len(picks)), key=lambda i: (picks[i].score, -i))
    log.info("dropping to fit: %s", picks[weakest].text[:60])
    return picks[:weakest] + picks[weakest + 1 :]


def _display(sentence: str) -> str:
    """The sentence as shown on screen: ALL-CAPS lead-ins and datelines tidied."""
    return display_text(sentence)


def _words(picks: list[Pick]) -> int:
    return sum(len(p.text.split()) for p in picks)
