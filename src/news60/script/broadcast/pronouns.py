"""Which pronoun the article uses for a person ("he", "she"), and where the script may say it:
a sentence that opens on the person the sentence before opened on."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from news60.language import Profile
from news60.script.broadcast.grammar import (
    NOT_ROLE,
    bare,
    inside_quote,
    verb_within,
)
from news60.script.people import (
    SURNAME_PARTICLES,
    TITLED_NAME,
    is_title,
    named_people,
    surname_of,
)
from news60.script.quotes import read_marks

# Titles that say which: "Mr Cameron" is "he", "Ms Fluke" is "she".
_TITLE_PRONOUNS = {
    **dict.fromkeys(["mr", "sir", "lord", "king", "prince", "father"], "he"),
    **dict.fromkeys(["mrs", "ms", "miss", "dame", "lady", "queen", "princess"], "she"),
}
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
# The article says it at least this often, and never the other: one "his" may be someone else's.
EVIDENCE = 2


def title_pronoun(title: str) -> str | None:
    """ "he" for "Mr", "she" for "Mrs"; None for a title that does not say ("Dr", "Judge")."""
    return _TITLE_PRONOUNS.get(title.rstrip(".").lower()) if is_title(title) else None


def article_pronoun(surname: str, sentences: Sequence[str], known: Collection[str]) -> str | None:
    """The pronoun the article uses in the sentences about whoever it calls by this surname
    alone (no one else named in them, or only after them: see _about; and in the sentence
    after one that names them alone when it opens on a pronoun); None when it uses both or
    too seldom to tell."""
    he = she = 0
    for k, sentence in enumerate(sentences):
        about = _about(sentence, surname, known)
        if about is None:
            continue
        told = [read_marks(about).outside]  # "I" and "he" inside a quote are the speaker's
        after = sentences[k + 1] if k + 1 < len(sentences) else ""
        opens_on_pronoun = re.match(r"(?:He|She|His|Her)\b", after) is not None
        if about == sentence and opens_on_pronoun and not names_others(after, surname, known):
            told.append(read_marks(after).outside)
        for text in told:
            he += len(_HE.findall(text))
            she += len(_SHE.findall(text))
    if he >= EVIDENCE and not she:
        return "he"
    if she >= EVIDENCE and not he:
        return "she"
    return None


def _about(sentence: str, surname: str, known: Collection[str]) -> str | None:
    """What of the sentence speaks of the person only: all of it when it names no one else;
    the words before anyone else is named, when the person is named there ("When asked if he
    would warn Russia ..., Trump wore a bit of a smile, pointed his finger at Putin"); None
    when it does not name them, or names someone else first."""
    mention = re.search(rf"\b{re.escape(surname)}\b", sentence)
    if mention is None:
        return None
    starts = _others_named_at(sentence, surname, known)
    if not starts:
        return sentence
    first_other = min(starts)
    return sentence[:first_other] if mention.start() < first_other else None


def said_as_pronoun(
    sentence: str,
    previous: str,
    pronouns: dict[str, str],
    plurals: frozenset[str],
    profile: Profile,
) -> tuple[str, str]:
    """ "Mr Clarke told how ... Mr Clarke runs a company": a sentence that opens on the person
    the sentence before opened on, with no one else named there, says "He" or "She" as a
    newsreader would, when the article says which ("They" for a plural noun: "Gunmen"). The name and the pronoun go by turns, so
    the listener is never far from the name. Returns the sentence and the name it replaced."""
    here = _opening_person(sentence, profile)
    before = _opening_person(previous, profile)
    if here is None or before is None or here.surname != before.surname:
        return sentence, ""
    if here.given or names_others(previous, here.surname):
        return sentence, ""
    title = here.title or before.title
    pronoun = title_pronoun(title) if title else pronouns.get(here.surname)
    if pronoun is None and not title and here.surname.lower() in plurals:
        pronoun = "they"  # "Gunmen opened fire ... They killed at least 19 people"
    if pronoun is None:
        return sentence, ""
    return pronoun.capitalize() + sentence[here.end :], sentence[: here.end]


@dataclass(frozen=True)
class _Opening:
    """The person a sentence opens on as its subject: "Ocean scientist Dom Clarke, 25, saw"."""

    surname: str
    title: str  # "Mr", or ""
    given: bool  # given names said with the surname
    end: int  # where the name ends (its age aside included)


_OPENING_WORDS = 6  # "Dragons' Den star Duncan Bannatyne": a role and a full name at most
_ADVERBS = frozenset(["also", "now", "then", "later", "still", "previously", "recently", "once"])


def _opening_person(sentence: str, profile: Profile) -> _Opening | None:
    """Who the sentence opens on, when a name (with its role, title and given names) is its
    subject, right before its verb ("Mourinho also managed Porto")."""
    tokens = list(re.finditer(r"\S+", sentence))
    for i, token in enumerate(tokens[:_OPENING_WORDS]):
        word = token[0].rstrip(",")
        age = _AGE.match(sentence[token.start() + len(word) :])
        if (token[0].endswith(",") and not age) or i + 1 >= len(tokens):
            break
        if not (word[:1].isupper() or bare(word) in SURNAME_PARTICLES | profile.titles):
            return None
        if bare(word) in NOT_ROLE or inside_quote(sentence, token.start()):
            return None
        end = token.start() + len(word) + (age.end() if age else 0)
        rest = sentence[end:].split()
        if rest[:1] and rest[0][:1].isupper() or not _verb_next(word, rest, profile):
            continue
        title = next((t[0].rstrip(".") for t in tokens[:i] if is_title(t[0])), "")
        named = [t[0] for t in tokens[:i] if not is_title(t[0])]
        return _Opening(word, title, bool(named), end)
    return None


_AGE = re.compile(r",\s+\d{1,3},")


def _verb_next(name: str, rest: list[str], profile: Profile) -> bool:
    """The words after the name open on its verb ("told", "also managed", "runs a")."""
    if rest and bare(rest[0]) in _ADVERBS:
        rest = rest[1:]
    return verb_within([name, *rest], profile, 2) == 1


def names_others(sentence: str, surname: str, known: Collection[str] | None = None) -> bool:
    """The sentence names someone else (see _others_named_at)."""
    return bool(_others_named_at(sentence, surname, known))


def _others_named_at(
    sentence: str, surname: str, known: Collection[str] | None = None
) -> list[int]:
    """Where the sentence names someone else: anyone by a personal title ("Mrs Cameron" beside
    him), and anyone it names in full, or with `known` only those (the surnames of the people
    the article names: "Real Madrid" or "Premier League" beside "Mourinho" are no one)."""
    starts = [m.start() for m in TITLED_NAME.finditer(sentence) if m[1].split()[-1] != surname]
    if known is None:
        return starts + [s for name, s, _ in named_people(sentence) if surname_of(name) != surname]
    return starts + [
        m.start()
        for name in known
        if name != surname and (m := re.search(rf"\b{re.escape(name)}\b", sentence))
    ]
