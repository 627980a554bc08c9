"""Fit the script to the clip: budget words by the voice's pace, then drop sentences until it fits.
The loop (narrate, speed up a little or drop, narrate again) also fits a bulletin's line-up.

What the loop narrates is only measured: a draft's sentences spoken (each once, then from the
speech cache) and their durations added up with the pauses; the fitted draft is laid into a
narration track once, by the caller."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from news60.errors import ScriptError
from news60.language import profile_for
from news60.models import Article, Script, TracedSentence
from news60.script.broadcast import LONGEST, finish_script, people_in
from news60.script.broadcast.arc import arc_notes
from news60.script.scenes import build_script
from news60.script.speakable import display_text
from news60.script.summarisers import Pick, Summariser, get_summariser
from news60.script.summarisers.story import article_sentences, says_again
from news60.settings import ScriptSettings

log = logging.getLogger(__name__)

MAX_SPEEDUP = 1.05  # a voice sped up more than 5 % starts to sound rushed
MAX_ROUNDS = 8
WINDOW = 4.0  # the narration aims for the last WINDOW seconds before its limit
# A script under this share of its time had room for any unit the story could say (a unit is
# a few sentences of 30 words at most), so nothing it lacks was left out for time.
SHORT_SHARE = 0.5


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


class Measured(Protocol):
    """A narration, or what it will be: how long it runs."""

    @property
    def duration(self) -> float: ...


D = TypeVar("D")  # what is fitted: a script's picks, a bulletin's line-up
M = TypeVar("M", bound=Measured)  # what a narration of it measures: a Narration, speech's Spoken
Narrate = Callable[[Script, float], M]  # (script, speaking-rate factor) -> its narration, measured


def fit_script(
    article: Article,
    settings: ScriptSettings,
    narrate: Callable[[Script, float], M],
    *,
    pace: float,
    limits: Limits,
) -> tuple[Script, M]:
    """Pick whole units for the time, narrate, and drop the least important until the voice fits."""
    summariser = get_summariser(settings.summariser, settings)
    budget = None if settings.sentences else int(pace * limits.longest * 0.94)
    picks = summariser.summarise(article, budget, settings.sentences)
    if not picks:
        raise ScriptError("the summariser found no sentence to say: is the article empty?")
    picker = _Picker(article, settings.summariser, summariser, budget, limits, settings.tense)
    say = lambda draft, rate: narrate(draft.script, rate)  # noqa: E731
    fitted, narration, rate = fit_loop(
        picker.chosen(picks), say, picker.drop, limits, grow=picker.grow, rounds=MAX_ROUNDS
    )
    # Far short of its time, the script left nothing out for time: what it lacks, it could not
    # say (a dev page: "another side ... for time" under a 25-second script).
    filled = narration.duration >= SHORT_SHARE * limits.longest
    return replace(_with_arc_notes(fitted.script, article, filled), rate=rate), narration


def _with_arc_notes(script: Script, article: Article, filled: bool) -> Script:
    """The script with the manifest's notes on its arc: said once, of the script as fitted."""
    units = [text for text, _ in article_sentences(article)]
    notes = arc_notes(script.text, units, profile_for(article.language), filled=filled)
    return replace(script, notes=notes)


@dataclass(frozen=True)
class _Chosen:
    """Picks and the script they make."""

    picks: list[Pick]
    script: Script


@dataclass
class _Picker:
    """An article's picks as scripts: fewer by the measured pace, or (once) more by the summariser."""

    article: Article
    name: str  # the summariser's name, as the script records it
    summariser: Summariser
    budget: int | None
    limits: Limits
    tense: str = "said"
    grown: bool = False

    def chosen(self, picks: list[Pick]) -> _Chosen:
        script = _script(self.article, picks, self.name, self.tense)
        # A person introduced at first mention lengthens the line that names them: a unit
        # that now runs past LONGEST words is left out, as it would have been before. A unit
        # whose line says again what the script said is left out too.
        long = _too_long(picks, script) | _repeated(picks, script)
        if long:
            picks = [p for p in picks if p.unit not in long]
            script = _script(self.article, picks, self.name, self.tense)
        return _Chosen(picks, script)

    def drop(self, draft: _Chosen, narration: Measured) -> _Chosen:
        """The measured pace says how many words must go: drop units until that many have."""
        pace = _words(draft.picks) / narration.duration
        words = int(pace * (self.limits.longest - 0.5 * WINDOW))
        return self.chosen(drop_to_fit(draft.picks, words))

    def grow(self, draft: _Chosen, narration: Measured) -> _Chosen | None:
        """When the narration falls short, our pace estimate was pessimistic: ask once for more."""
        if narration.duration >= self.limits.shortest or not self.budget or self.grown:
            return None
        self.grown = True
        share = (self.limits.longest - 0.5 * WINDOW) / max(narration.duration, 1.0)
        more = self.summariser.summarise(self.article, int(self.budget * share), None)
        return self.chosen(more) if _words(more) > _words(draft.picks) else None


def fit_loop(
    draft: D,
    say: Callable[[D, float], M],
    drop: Callable[[D, M], D],
    limits: Limits,
    *,
    grow: Callable[[D, M], D | None] = lambda draft, narration: None,
    rounds: int | None = None,
) -> tuple[D, M, float]:
    """Narrate the draft; while it runs over, speed the voice up (at most 5 %) or else `drop`
    something and narrate again; when it fits, `grow` may offer a longer draft to try. Returns
    the draft, its narration and the speaking-rate factor; gives up after `rounds` narrations."""
    for _ in range(rounds) if rounds else itertools.count():
        narration = say(draft, 1.0)
        if narration.duration > limits.longest:
            faster = speed_up(draft, narration, say, limits)
            if faster is not None:
                return draft, *faster
            draft = drop(draft, narration)
            continue
        if (longer := grow(draft, narration)) is not None:
            draft = longer
            continue
        return draft, narration, 1.0
    raise ScriptError(f"could not fit the narration into {limits.longest:.0f} s: raise --seconds")


def speed_up(
    draft: D, narration: M, say: Callable[[D, float], M], limits: Limits
) -> tuple[M, float] | None:
    """The narration at most 5 % faster and its rate, if that brings it inside the limit."""
    needed = narration.duration / limits.longest
    if needed > MAX_SPEEDUP:
        return None
    # A voice's rate setting is not exactly proportional to its pace: aim a little beyond.
    # Rounded as story.json records it, so a render narrates at exactly the rate fitted here.
    rate = round(min(MAX_SPEEDUP, needed * 1.02), 4)
    faster = say(draft, rate)
    return (faster, rate) if faster.duration <= limits.longest else None


def pick_script(article: Article, settings: ScriptSettings) -> Script:
    """Exactly `settings.sentences` sentences, without narrating (for comparing summarisers)."""
    picks = get_summariser(settings.summariser, settings).summarise(
        article, None, settings.sentences
    )
    if not picks:
        raise ScriptError("the summariser found no sentence to say: is the article empty?")
    script = _script(article, picks, settings.summariser, settings.tense)
    return _with_arc_notes(script, article, filled=True)


def _script(article: Article, picks: list[Pick], summariser: str, tense: str = "said") -> Script:
    """The picks as scenes, finished by the broadcast writer in the order they are said."""
    profile = profile_for(article.language)
    written = [p.lines or (TracedSentence(_display(p.text), ()),) for p in picks]
    sentences = article_sentences(article)
    cast = people_in(sentences, profile)
    finished = finish_script([line for lines in written for line in lines], cast, profile, tense)
    grouped, at = [], 0
    for lines in written:
        grouped.append(tuple(finished[at : at + len(lines)]))
        at += len(lines)
    pairs = [
        (" ".join(line.text for line in lines), p.index)
        for lines, p in zip(grouped, picks, strict=True)
    ]
    return build_script(article, pairs, summariser, [p.unit for p in picks], grouped)


def _too_long(picks: list[Pick], script: Script) -> set[int]:
    """Units, other than the lead's and those another pick requires, with a line said past
    LONGEST words."""
    required = {r for p in picks for r in p.requires}
    lead = picks[0].unit if picks else -1
    unit_at = {p.index: p.unit for p in picks}
    long = set()
    for line in (line for scene in script.scenes for line in scene.lines):
        # The line's own sentence comes first in its places; a name's introduction after it.
        unit = unit_at.get(line.places[0], -1) if line.places else -1
        if len(line.text.split()) > LONGEST and unit >= 0 and unit != lead:
            long |= {unit} - required
    return long


def _repeated(picks: list[Pick], script: Script) -> set[int]:
    """Units, other than the lead's and those another pick requires, with a line that says
    again what one line before it said: a caption run into the story retelling the lead
    ("Medvedev blasted the Obama administration ... 'a second Cold War that nobody needs'
    Nerves fraying."), heard once as a split of it."""
    required = {r for p in picks for r in p.requires}
    lead = picks[0].unit if picks else -1
    unit_at = {p.index: p.unit for p in picks}
    said: list[str] = []
    repeated = set()
    for line in (line for scene in script.scenes for line in scene.lines):
        unit = unit_at.get(line.places[0], -1) if line.places else -1
        if unit not in (-1, lead) and any(says_again(line.text, e) for e in said):
            repeated |= {unit} - required
        said.append(line.text)
    return repeated


def drop_to_fit(picks: list[Pick], words: int) -> list[Pick]:
    """Drop whole units, least important first, until at most `words` remain (at least one);
    then put back the most important dropped units that still fit."""
    kept = list(picks)
    while _words(kept) > words:
        kept = _drop_least_useful(kept)
    return _refill(picks, kept, words)


def _refill(picks: list[Pick], kept: list[Pick], words: int) -> list[Pick]:
    """Dropping a long unit can leave room for a shorter, less important one (a 35-word quote
    gone, 17 words to spare): dropped units whose requirements are kept go back in, the most
    important first, while they fit in `words`."""
    keys = [_unit(p, i) for i, p in enumerate(picks)]
    kept_ids = {id(p) for p in kept}
    chosen = {key for p, key in zip(picks, keys, strict=True) if id(p) in kept_ids}
    room = words - _words(kept)
    dropped = sorted(set(keys) - chosen, key=lambda u: (-_score(picks, keys, u), keys.index(u)))
    for unit in dropped:
        members = [p for p, key in zip(picks, keys, strict=True) if key == unit]
        needs = {(r, -1) for p in members for r in p.requires}
        if needs <= chosen and _words(members) <= room:
            chosen.add(unit)
            room -= _words(members)
    return [p for p, key in zip(picks, keys, strict=True) if key in chosen]


def _score(picks: list[Pick], keys: list[tuple[int, int]], unit: tuple[int, int]) -> float:
    return max(p.score for p, key in zip(picks, keys, strict=True) if key == unit)


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
