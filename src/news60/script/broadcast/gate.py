"""The gate every rewritten sentence passes before it is aired: its numbers, names and quotes
are in the article sentences it came from, word for word, its negations are all still there,
and it adds no word of substance that they do not hold."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from news60.language import Profile
from news60.script.faithfulness import (
    editors_words,
    party_names,
    said_in_full,
    stem,
    untraceable,
)

_WORD = re.compile(r"[A-Za-z][\w'’-]*|n't")
# Words the writer itself may add: the openers of split sentences, "or" before an acronym, the
# pieces of an attribution moved first, a number sign ("#1"); a party tag's words are traced
# to the tag (faithfulness.party_names).
_WRITER_LIST = (
    "that there it its they he she his her their was were is are asked said says say also but "
    "and so yet the a an or of according to in on when who which then came comes because "
    "trying number"
)
_WRITER_WORDS = frozenset(_WRITER_LIST.split())


def untraced(
    text: str,
    sources: Sequence[str],
    profile: Profile,
    dropped: str = "",
    *,
    negations_of: str | None = None,
) -> str | None:
    """Why `text` cannot be aired as a rewrite of `sources` (None when it can): a number, name
    or quote they lack, a negation lost or added (`dropped` holds words a rule dropped on
    purpose, an aside or a dateline), or a word of substance they do not hold. A model's
    retelling (`negations_of`: the sentence it retells most) may use words of its own."""
    source = editors_words(" ".join(sources))
    full = said_in_full(source, profile)
    words = f"{source} {full} {full.replace('-', ' ')} {party_names(full)}"
    missing = [
        term for term in untraceable(text, source, profile) if stem(term) not in _added(profile)
    ]
    if missing:
        return f"“{missing[0]}” is not in the article's sentence"
    kept = _negations(negations_of if negations_of is not None else source, profile)
    if _negations(text, profile) != kept - _negations(dropped, profile):
        return "a negation would be lost or added"
    if negations_of is not None:
        return None
    allowed = {stem(w) for w in _WORD.findall(words)} | _added(profile)
    new = [w for w in _WORD.findall(text) if stem(w) not in allowed]
    if new:
        return f"“{new[0]}” is not in the article's sentence"
    return None


def _negations(text: str, profile: Profile) -> Counter[str]:
    """How many negations the text holds ("not", "didn't" and "never" alike)."""
    words = [w.lower() for w in _WORD.findall(text.replace("’", "'"))]
    return Counter("not" for w in words if w in profile.negations or w.endswith("n't"))


def _added(profile: Profile) -> set[str]:
    """Stems of the words a rewrite may bring in without stating anything new."""
    words = set(_WRITER_WORDS) | set(profile.agent_participles.values())
    words |= set(profile.event_participles.values()) | set(profile.reporting.values())
    words |= {verb[:-1] for verb in profile.reporting.values()}  # "say", "tell"
    return {stem(w) for w in words}
