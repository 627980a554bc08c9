"""The broadcast writer: the article's chosen sentences rewritten for the ear, in its own words.

Two passes. `write_sentence` works on one sentence alone: print clutter out (datelines, tags,
brackets, list markers, page labels), the source named first, long sentences split where a
clause ends. `finish_script` works on the script in the order it is said: people introduced at
first mention as the article introduces them, reporting verbs in the house tense. Every rewrite
is traced (which article sentences, which rules), and a rewrite that fails the gate (a number,
name, quote or negation it cannot trace) is not aired: the article's words are kept instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from news60.language import Profile
from news60.models import Rewrite, TracedSentence
from news60.script.broadcast.attribution import attribution_first, house_tense
from news60.script.broadcast.cast import Cast, Person, people_in
from news60.script.broadcast.clauses import LONGEST, split_for_ear
from news60.script.broadcast.clutter import CLUTTER_RULES
from news60.script.broadcast.gate import untraced
from news60.script.broadcast.grammar import NO_CASING, Casing, subordinate_alone
from news60.script.broadcast.naming import introduce
from news60.script.broadcast.trim import trim_for_ear
from news60.script.speakable import display_text

__all__ = [
    "LONGEST",
    "Cast",
    "Casing",
    "Person",
    "finish_script",
    "people_in",
    "subordinate_alone",
    "trim_long",
    "write_sentence",
]


@dataclass(frozen=True)
class _Draft:
    """A sentence part way through the writer: its pieces, the notes, the words dropped."""

    pieces: tuple[str, ...]
    rewrites: tuple[Rewrite, ...] = ()
    dropped: str = ""


def write_sentence(
    text: str,
    source: str,
    place: int,
    profile: Profile,
    *,
    first: bool = False,
    quote_run: bool = False,
    casing: Casing = NO_CASING,
    leaned_on: bool = False,
    pointed_at: bool = False,
) -> tuple[TracedSentence, ...]:
    """One article sentence (`text` as cleaned for the screen, `source` as the article has it)
    as the sentences a newsreader says; `quote_run`: it belongs to a quote that runs over several
    sentences, whose attribution stays where it is; `casing`: how the article writes its words
    (a moved attribution lower-cases only common words, and moves nothing it cannot tell);
    `leaned_on`: the next sentence answers this one ("But ...", "That ..."), so what this one
    ends on is still said last; `pointed_at`: the next sentence opens on "It" or "They" for
    something this one says, so this one is said whole when it is short (POINTED_WORDS)."""
    draft = _Draft((text,))
    stages: tuple[Callable[[_Draft], _Draft], ...] = (
        lambda d: _clean(d, profile, first),
        lambda d: _attribute(d, profile, quote_run, casing),
        lambda d: _split(d, profile, first, leaned_on, pointed_at),
    )
    for stage in stages:
        draft = _gated(draft, stage(draft), source, profile)
    return tuple(
        TracedSentence(piece, (source,), (place,), draft.rewrites) for piece in draft.pieces
    )


def _gated(before: _Draft, after: _Draft, source: str, profile: Profile) -> _Draft:
    """The stage's result when it traces to the source; else the draft before it, noted."""
    if after.pieces == before.pieces:
        return after
    reason = untraced(" ".join(after.pieces), [source], profile, after.dropped)
    if reason is None:
        return after
    fallback = Rewrite(
        "fallback", f"kept the article's words: the rewrite failed the check ({reason})"
    )
    return replace(before, rewrites=before.rewrites + (fallback,))


def _clean(draft: _Draft, profile: Profile, first: bool) -> _Draft:
    """Every clutter rule over the sentence; a bracketed clause becomes a sentence after it."""
    (text,) = draft.pieces[:1]
    notes: list[str] = []
    dropped: list[str] = []
    after: list[str] = []
    for rule in CLUTTER_RULES:
        cleaned = rule(text, profile, first)
        text = cleaned.text
        notes += cleaned.notes
        dropped.append(cleaned.dropped)
        after += cleaned.after
    shown = display_text(text)
    spaced = " ".join(text.split())  # a double space closed up is no rewrite to note
    if shown != spaced:
        notes.append(_display_note(spaced, shown))
        dropped.append(spaced[: max(0, len(spaced) - len(shown))])
    rewrites = tuple(Rewrite("clutter", note) for note in notes)
    # "(Medtronic officials say ...)" whole in brackets: its clause is all there is to say.
    pieces = tuple(piece for piece in (shown, *after) if piece.strip()) or (shown,)
    return _Draft(pieces, draft.rewrites + rewrites, " ".join(d for d in dropped if d))


def _display_note(before: str, after: str) -> str:
    if before.lower() == after.lower():
        return "put the shouted opening in sentence case"
    return f"dropped the byline or dateline “{before[: len(before) - len(after)].strip()}”"


def _attribute(draft: _Draft, profile: Profile, quote_run: bool, casing: Casing) -> _Draft:
    pieces, notes = [], []
    for piece in draft.pieces:
        moved, note = attribution_first(piece, profile, quote_run, casing)
        pieces.append(moved)
        notes += [note] if note else []
    rewrites = tuple(Rewrite("attribution", note) for note in notes)
    return replace(draft, pieces=tuple(pieces), rewrites=draft.rewrites + rewrites)


def _split(
    draft: _Draft, profile: Profile, lead: bool, leaned_on: bool, pointed_at: bool
) -> _Draft:
    pieces, notes = [], []
    for piece in draft.pieces:
        more, why = split_for_ear(piece, profile, lead=lead)
        if pointed_at and len(piece.split()) <= POINTED_WORDS and len(draft.pieces) == 1:
            # "... a processing plant, where the feed is produced. It is produced amid swarms
            # of flies": "It" points into the sentence the listener just heard whole.
            more, why = [piece], []
        if leaned_on and len(piece.split()) <= LONGEST and _ends_elsewhere(piece, more):
            # "... fled to Lebanon. Lebanon is a country of 4 million. But the government puts
            # the total at 1 million": the next sentence would answer the wrong one.
            more, why = [piece], []
        pieces += more
        notes += why
    rewrites = tuple(Rewrite("split", note) for note in notes)
    return replace(draft, pieces=tuple(pieces), rewrites=draft.rewrites + rewrites)


# A sentence "It" points into is said whole up to this length; longer, it is split even so
# ("It was around midnight when ..." may point at nothing, and a long sentence loses the ear).
POINTED_WORDS = 24


def _ends_elsewhere(text: str, pieces: list[str]) -> bool:
    """The last piece is not the sentence's own last words: a clause taken out and said after
    ("Lebanon is a country of 4 million"), or a tail said in other words ("That left ...")."""

    def plain(words: str) -> list[str]:
        return [w.strip(".,;:!?").lower() for w in words.split()]

    last, whole = plain(pieces[-1]), plain(text)
    return len(pieces) > 1 and whole[-len(last) :] != last


def trim_long(lines: Sequence[TracedSentence], profile: Profile) -> tuple[TracedSentence, ...]:
    """The sentences, those still over LONGEST words cut of verbless colour when that brings
    them under it (the lead is always said, so it cannot be left out instead; a later unit
    that still runs long is left out)."""
    trimmed = []
    for line in lines:
        text, notes = trim_for_ear(line.text, profile, LONGEST)
        # A cut that leaves the sentence too long to say is no gain: the article's words stay.
        # A cut phrase that held a negation ("with no injuries") is refused by the gate.
        short = len(text.split()) <= LONGEST
        if notes and short and untraced(text, [line.text], profile) is None:
            rewrites = tuple(Rewrite("trim", note) for note in notes)
            line = replace(line, text=text, rewrites=line.rewrites + rewrites)
        trimmed.append(line)
    return tuple(trimmed)


def finish_script(
    lines: Sequence[TracedSentence], cast: Cast, profile: Profile, tense: str
) -> list[TracedSentence]:
    """The script's sentences in the order said, with people introduced at first mention and by
    surname after it, and reporting verbs in the house tense ("said" keeps the article's)."""
    follows = [k > 0 and _follows(lines[k - 1], line) for k, line in enumerate(lines)]
    named = introduce([line.text for line in lines], cast, profile, follows)
    finished = []
    for line, said in zip(lines, named, strict=True):
        text, who = said.text, said.introduced
        rewrites = list(line.rewrites)
        sources = list(line.sources)
        for person in who:
            rewrites.append(
                Rewrite("name", f"introduced as the article does: “{person.introduction}”")
            )
            sources += [person.source] if person.source not in sources else []
        rewrites += [
            Rewrite("name", f"said the surname alone once introduced: “{full}”")
            for full in said.shortened
        ]
        rewrites += [
            Rewrite("name", f"said the whole name, as the article always does: “{name}”")
            for name in said.said_whole
        ]
        if said.pronoun_for:
            pronoun = f"said “{text.split()[0]}” for “{said.pronoun_for}”"
            rewrites.append(Rewrite("name", f"{pronoun}, who opened the sentence before"))
        text, note = house_tense(text, tense, profile)
        rewrites += [Rewrite("tense", note)] if note else []
        # This pass rewrites the written sentence: it may add only who the article says people are.
        said_before = [line.text, *(person.introduction for person in who), *said.said_whole]
        reason = untraced(text, said_before, profile) if text != line.text else None
        if reason is not None:
            note = f"kept the sentence as written: the rewrite failed the check ({reason})"
            finished.append(replace(line, rewrites=line.rewrites + (Rewrite("fallback", note),)))
            continue
        places = line.places + tuple(p.place for p in who if p.place not in line.places)
        finished.append(TracedSentence(text, tuple(sources), places, tuple(rewrites)))
    return finished


def _follows(before: TracedSentence, line: TracedSentence) -> bool:
    """The line goes on from the one said before it: another piece of the same article
    sentence, or the article's next sentence after one said whole. "He" there points back
    where the article's own name did (after a jump in the article, or a piece of a longer
    sentence, the listener may have lost who the last sentence was about)."""
    if not before.places or not line.places:
        return False
    step = line.places[0] - before.places[-1]
    return step == 0 or (step == 1 and "split" not in {r.rule for r in before.rewrites})
