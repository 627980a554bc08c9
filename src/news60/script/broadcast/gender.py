"""Which pronoun the article itself uses for a person ("he", "she"), so the script may say it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from news60.script.people import is_title, named_people
from news60.script.quotes import read_marks

# Titles that say which: "Mr Cameron" is "he", "Ms Fluke" is "she".
_TITLE_PRONOUNS = {
    **dict.fromkeys(["mr", "sir", "lord", "king", "prince", "father"], "he"),
    **dict.fromkeys(["mrs", "ms", "miss", "dame", "lady", "queen", "princess"], "she"),
}
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.I)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.I)
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+[A-Z]")
# The article says it at least this often, and never the other: one "his" may be someone else's.
EVIDENCE = 2


def title_pronoun(title: str) -> str | None:
    """ "he" for "Mr", "she" for "Mrs"; None for a title that does not say ("Dr", "Judge")."""
    return _TITLE_PRONOUNS.get(title.rstrip(".").lower()) if is_title(title) else None


def article_pronoun(name: str, surname: str, sentences: Sequence[str]) -> str | None:
    """The pronoun the article uses in the sentences about this person alone (no one else
    named in them, and in the sentence after one that names them when it opens on a pronoun);
    None when it uses both or too seldom to tell."""
    he = she = 0
    for k, sentence in enumerate(sentences):
        if not re.search(rf"\b{re.escape(surname)}\b", sentence) or _names_others(sentence, name):
            continue
        told = [read_marks(sentence).outside]  # "I" and "he" inside a quote are the speaker's
        after = sentences[k + 1] if k + 1 < len(sentences) else ""
        if re.match(r"(?:He|She|His|Her)\b", after) and not _names_others(after, name):
            told.append(read_marks(after).outside)
        for text in told:
            he += len(_HE.findall(text))
            she += len(_SHE.findall(text))
    if he >= EVIDENCE and not she:
        return "he"
    if she >= EVIDENCE and not he:
        return "she"
    return None


def _names_others(sentence: str, name: str) -> bool:
    """Someone else is named in full, or by a personal title ("Mrs Cameron" beside him)."""
    surname = name.split()[-1]
    others = [n for n, _, _ in named_people(sentence) if n != name]
    titled = [
        m for m in _TITLED.finditer(sentence) if not sentence[m.end() - 1 :].startswith(surname)
    ]
    return bool(others or titled)
