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
    """Pick whole units for the time, narrate, and drop the least important until the voice fits."""
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
            # The measured pace says how many words must go: drop units until that many have.
            pace = _words(picks) / narration.duration
            picks = drop_to_fit(picks, int(pace * (limits.longest - 0.5 * WINDOW)))
            continue
        if narration.duration < limits.shortest and budget and not grown:
            # Our pace estimate was pessimistic: ask once for more words and try again.
            grown = True
            budget = int(budget * (limits.longest - 0.5 * WINDOW) / max(narration.duration, 1.0))
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
    pairs = [(_display(p.text), p.index) for p in picks]
    return build_script(article, pairs, summariser, [p.unit for p in picks])


def drop_to_fit(picks: list[Pick], words: int) -> list[Pick]:
    """Drop whole units, least important first, until at most `words` remain (at least one)."""
    kept = list(picks)
    while _words(kept) > words:
        kept = _drop_least_useful(kept)
    return kept


def _drop_least_useful(picks: list[Pick]) -> list[Pick]:
    """Without the least important unit that no kept unit requires; never the first (the lead)."""
    units = list(dict.fromkeys(_unit(p, i) for i, p in enumerate(picks)))
    if len(units) <= 1:
        raise ScriptError("a single sentence is longer than the clip: raise --seconds")
    required = {(r, -1) for p in picks for r in p.requires}
    score = {_unit(p, i): p.score for i, p in enumerate(picks)}
    lead = max(units, key=lambda u: (score[u], -units.index(u)))
    droppable = [u for u in units if u not in required and u != lead]
    weakest = min(droppable, key=lambda u: (score[u], -units.index(u)))
    kept = [p for i, p in enumerate(picks) if _unit(p, i) != weakest]
    log.info("dropping to fit: %d sentence(s)", len(picks) - len(kept))
    return kept


def _unit(pick: Pick, position: int) -> tuple[int, int]:
    """The unit a pick belongs to; a pick of no unit is a unit of its own."""
    return (pick.unit, -1) if pick.unit >= 0 else (-1, position)


def _display(sentence: str) -> str:
    """The sentence as shown on screen: ALL-CAPS lead-ins and datelines tidied."""
    return display_text(sentence)


def _words(picks: list[Pick]) -> int:
    return sum(len(p.text.split()) for p in picks)
