"""The Profile record and the registry that picks one by language code."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True, eq=False)  # one per language: compared and hashed by identity
class Profile:
    """Everything the script writer needs to know about one language."""

    code: str  # ISO 639-1, as Article.language has it
    name: str
    # Verbs that report speech, past -> present ("said" -> "says"): the house tense turns one
    # into the other; the keys also find attributions ("..., police said.").
    reporting: Mapping[str, str]
    # A participle opening a clause's tail and its past form, by who does it: the main clause's
    # subject (", saying ...", ", killing ...") or the event itself (", leaving 3 dead").
    agent_participles: Mapping[str, str]
    event_participles: Mapping[str, str]
    # Wire agencies and broadcasters whose tag opens a dateline ("(AP) —", "(WSVN) -").
    agencies: frozenset[str]
    titles: frozenset[str]  # lower-cased words of a title before a name ("president", "chief")
    negations: frozenset[str]  # words that turn a statement round: a rewrite must keep them all
    subject_pronouns: frozenset[str]
    determiners: frozenset[str]  # words that open a noun phrase ("the", "a", "his")
    openers: frozenset[str]  # common words a sentence opens with, never names ("here", "most")
    # Conjunctions that join two clauses and what the second sentence opens with once split
    # ("but" stays: the contrast is the news; "and" goes).
    coordinators: Mapping[str, str]
    # Conjunctions that open a clause hanging off a main one ("as the leaders met").
    clause_conjunctions: frozenset[str]
    # Words a sentence opens on to answer the one before ("But ...", "However ...", "That ..."):
    # what that one ends on is what they answer, so it is still said last.
    answering: frozenset[str]
    # Pronouns a sentence opens on for a thing the one before named ("It is produced ...").
    pointing: frozenset[str]
    # Words only a speaker says of themselves ("I", "my"), as written: outside quotation marks
    # in a story told in the third person, they are someone's words printed without marks.
    first_person: frozenset[str]
    auxiliaries: frozenset[str]  # finite verbs that are always verbs ("was", "will", "has")
    irregular_past: frozenset[str]  # finite past forms without -ed ("won", "fled", "said")
    present_verbs: frozenset[str]  # common present forms news writes in ("says", "want", "faces")
    measures: frozenset[str]  # units a bracketed conversion is written in ("km", "kph", "lbs")
    # Cues for the story's arc, each a pattern over a sentence: why it happened or matters, the
    # other side or the reaction, what happens next.
    cause: re.Pattern[str]
    reaction: re.Pattern[str]
    next_steps: re.Pattern[str]
    # Page furniture read aloud inside a sentence ("WATCH:", "READ MORE:", "Click here to ...").
    furniture: re.Pattern[str]
    # Abbreviations said in full and never read as a sentence's end ("Oct. 25" -> "October 25").
    spelled_out: Mapping[str, str]
    # Titles written without their stop before a name ("Mr. Trump" -> "Mr Trump"), as British
    # broadcasters write them: a stop there reads as a sentence's end to any splitter after us.
    stopless_titles: Mapping[str, str]
    # The places a party tag abbreviates ("(R-TX)": "TX" -> "Texas"), said in full.
    party_places: Mapping[str, str]
    default_voice: str

    @cached_property
    def reporting_forms(self) -> frozenset[str]:
        """Every form of a reporting verb, past and present ("said", "says")."""
        return frozenset(self.reporting) | frozenset(self.reporting.values())
