"""The topic kicker: one or two words that name what a story is about ("G20", "NHS", "Helsinki")."""

from __future__ import annotations

import re
from collections import Counter

# Acronyms and coded names: NATO, NHS, G20, G-20, COP28 (a hyphen before the digits is dropped).
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-?[0-9]+)?[A-Z0-9]*\b")
# A capitalised word, or two in a row ("North Korea"), that does not open a sentence or a quote.
_PROPER = re.compile(
    r"(?<![.!?:“\"‘]\s)(?<!^)(?<!\n)\b([A-Z][a-z][\w’'-]*(?:\s[A-Z][a-z][\w’'-]*)?)"
)
# Abbreviations that are credits, titles or units, never what a story is about (AFP in "© AFP").
_NOT_TOPICS_LIST = (
    "AFP AP PA UPI ANI CNN BBC CEO CFO MP MPs PM AM TV UTC GMT BST EST PST PDF FAQ OK ID "
    "VIDEO NEW LIVE UPDATE BREAKING WATCH EXCLUSIVE"
)
_NOT_TOPICS = frozenset(_NOT_TOPICS_LIST.split())
# Capitalised words that open clauses, address people or name days and months: never a topic.
_NOT_NAMES_LIST = (
    "The A An This That These Those It He She They We I His Her Their Its Our My But And Or "
    "If When While After Before As At In On For With From By Mr Mrs Ms Dr President Prime "
    "What Why How Who Where Which Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December"
)
_NOT_NAMES = frozenset(_NOT_NAMES_LIST.split())
# A compass or similar word makes a pair of capitalised words one place name ("North Korea").
_PLACE_PREFIXES_LIST = "North South East West New Saudi Hong Sri Costa Puerto"
_PLACE_PREFIXES = frozenset(_PLACE_PREFIXES_LIST.split())


def topic_kicker(headline: str, body: str) -> str:
    """The topic in one or two words, or "" when the story names none.

    A coded name with digits (G20, COP28, MH370) used twice names an event even when the headline
    is about the people in it; else an acronym the headline uses (NHS, NATO); else the proper noun
    the headline and body share most often.
    """
    text = f"{headline}\n{body}"
    lower_case = set(re.findall(r"\b[a-z][\w’'-]*", text))
    codes = Counter(
        _normal(m.group(0))
        for m in _CODE.finditer(text)
        if m.group(0) not in _NOT_TOPICS and m.group(0).lower() not in lower_case
    )
    numbered = {code: n for code, n in codes.items() if n >= 2 and _letters_and_digits(code)}
    if numbered:
        return max(numbered, key=lambda code: (numbered[code], -len(code)))
    in_headline = {_normal(m.group(0)) for m in _CODE.finditer(headline)}
    named = {code: n for code, n in codes.items() if code in in_headline and len(code) >= 2}
    if named:
        return max(named, key=lambda code: (named[code], len(code)))
    return _shared_name(headline, body, lower_case)


def _shared_name(headline: str, body: str, lower_case: set[str]) -> str:
    """The proper noun of the body that the headline names too, most used first."""
    names = Counter(_proper_nouns(body))
    shared = {
        name: n
        for name, n in names.items()
        if name.lower() in headline.lower() and name.lower() not in lower_case
    }
    return max(shared, key=lambda name: (shared[name], len(name)), default="")


def _proper_nouns(text: str) -> list[str]:
    """Capitalised words inside sentences: a person by the last name ("Putin"), a place whole."""
    found = []
    for match in _PROPER.finditer(text):
        words = [w for w in match.group(1).split() if w not in _NOT_NAMES]
        if not words:
            continue
        place = len(words) == 2 and words[0] in _PLACE_PREFIXES
        found.append(" ".join(words) if place else words[-1])
    return found


def _letters_and_digits(code: str) -> bool:
    return any(c.isdigit() for c in code) and any(c.isalpha() for c in code)


def _normal(code: str) -> str:
    return code.replace("-", "")
