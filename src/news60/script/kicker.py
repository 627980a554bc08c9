"""The topic kicker: a name or a code that says what a story is about ("G20", "NHS", "North Africa").

One picker for single clips and bulletin segments. A kicker is a topic noun (a name, a place, a
code), never a verb phrase ("Student Dies") or a word the story also uses in lower case ("Officials").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# Acronyms and coded names: NATO, NHS, G20, G-20, COP28 (a hyphen before the digits is dropped).
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-?[0-9]+)?[A-Z0-9]*\b")
# Capitalised words side by side ("Eastern Equine Encephalitis"); codes are read apart.
_RUN = re.compile(r"\b[A-Z][^\W\d_A-Z][\w’'-]*(?: [A-Z][^\W\d_A-Z][\w’'-]*)*")
_LOWER = re.compile(r"\b[a-z][\w’'-]*")
# A possessive ("Trump’s") names the same person as the bare name.
_POSSESSIVE = re.compile(r"[’']s?$")
# Endings that inflect a common word ("died", "dies", "pills"): "Dies" is the verb "die".
_INFLECTION = re.compile(r"(?:ing|ed|es|s|d)$")
# Abbreviations that are credits, titles, units or times, never what a story is about (AFP in "© AFP").
_NOT_TOPICS_LIST = (
    "AFP AP PA UPI ANI CNN BBC NPR CEO CFO MP MPs PM AM PT ET TV UTC GMT BST EST PST PDF FAQ OK ID "
    "US UK VIDEO NEW NEWS LIVE UPDATE BREAKING WATCH EXCLUSIVE"
)
_NOT_TOPICS = frozenset(_NOT_TOPICS_LIST.split())
# An all-capital word this long is shouting (NATIONAL), not an acronym (NATO, UNESCO).
_LONGEST_ACRONYM = 6
# Capitalised words that open clauses, address people or name days and months: never a topic.
_NOT_NAMES_LIST = (
    "The A An This That These Those It He She They We I His Her Their Its Our My But And Or "
    "If When While After Before As At In On For With From By Of To Is Are Was Were Be Being "
    "Mr Mrs Ms Dr President Prime What Why How Who Where Which Just Inside About Here "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "January February March April May June July August September October November December"
)
_NOT_NAMES = frozenset(_NOT_NAMES_LIST.split())
# A compass word alone is half of a place's name ("South" of "South Korea"), never a topic.
_COMPASS_LIST = "North South East West Northern Southern Eastern Western"
_COMPASS = frozenset(_COMPASS_LIST.split())
# A story name the headline does not use must recur this often to stand for the story ("DNP").
_STORY_NAME_USES = 3
# A nationality ends at most this much longer than its country ("Syrian", "Israeli", "Korean").
_DEMONYM_ENDING = 3


def topic_kicker(headline: str, body: str, captions: Sequence[str] = ()) -> str:
    """The topic in a word or a short name, or "" when the story names none (photo captions
    count as the story's text).

    A coded event the lead names and the story repeats (G20 at the G20 meeting) comes first, even
    when the headline is about the people in it; else an acronym the headline uses (NHS); else the
    name the headline and body share most; else the code, then the name, the body repeats most.
    """
    prose = _prose("\n".join([body, *captions]))
    common = _common_words(prose)
    codes = _codes(f"{headline}\n{prose}", common)
    lead = _lead(prose)
    events = {c: n for c, n in codes.items() if n >= 2 and _letters_and_digits(c) and c in lead}
    if events:
        return max(events, key=lambda code: (events[code], -len(code)))
    in_headline = {_normal(m.group(0)) for m in _CODE.finditer(headline)}
    named = {code: n for code, n in codes.items() if code in in_headline and n >= 2}
    if named:
        return max(named, key=lambda code: (named[code], len(code)))
    return _headline_name(headline, prose, common) or _story_name(prose, codes, common)


def _prose(body: str) -> str:
    """The body without title-case lines: a repeated headline's capitals name nothing."""
    # "Student Dies After Diet Pills" above the article is a heading, not prose with names in it.
    return "\n".join(line for line in body.split("\n") if not _title_case(line))


def _title_case(line: str) -> bool:
    words = re.findall(r"[\w’'-]+", line)
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitals >= 0.7 * len(words)


def _common_words(prose: str) -> set[str]:
    """Every word the prose uses in lower case, and its stem ("died" gives "di")."""
    words = {w.lower() for w in _LOWER.findall(prose)}
    return words | {_stem(w) for w in words}


def _generic(word: str, common: set[str]) -> bool:
    """A capitalised word that is a common word at a sentence or headline start ("Officials")."""
    bare = _POSSESSIVE.sub("", word)
    return bare in _NOT_NAMES or bare.lower() in common or _stem(bare.lower()) in common


def _codes(text: str, common: set[str]) -> Counter[str]:
    """How often each acronym or code is used, leaving out credits and shouted words."""
    return Counter(
        _normal(m.group(0))
        for m in _CODE.finditer(text)
        if len(m.group(0)) >= 2
        and m.group(0) not in _NOT_TOPICS
        and m.group(0).lower() not in common
        and (len(m.group(0)) <= _LONGEST_ACRONYM or _letters_and_digits(m.group(0)))
    )


def _headline_name(headline: str, prose: str, common: set[str]) -> str:
    """The headline's name the body uses most; a whole name when the body repeats it whole."""
    used = _names(prose, common)
    named = {_country(name, prose) for name in _names(headline, common)}
    return _most_used({name: used[name] for name in named if used[name]})


def _story_name(prose: str, codes: Counter[str], common: set[str]) -> str:
    """The code the body repeats most, else the lead's name the body repeats most."""
    lead = _lead(prose)
    names = _names(prose, common)
    # A name the lead does not give is a source or an aside ("said Forrest"), not the story.
    in_lead = {name: n for name, n in names.items() if name in lead}
    for counts in (codes, in_lead):
        often = {name: n for name, n in counts.items() if n >= _STORY_NAME_USES}
        if often:
            return _most_used(often)
    return ""


def _most_used(counts: dict[str, int]) -> str:
    """The most used name, or a longer one holding at least half its uses ("North Africa")."""
    best = max(counts, key=lambda name: (counts[name], len(name)), default="")
    whole = [n for n in counts if best in n and n != best and 2 * counts[n] >= counts[best]]
    return max(whole, key=lambda name: (counts[name], len(name)), default=best)


def _names(text: str, common: set[str]) -> Counter[str]:
    """Each use of a name: runs of capitalised words, and their parts of up to three words."""
    names: Counter[str] = Counter()
    for run in _RUN.findall(text):
        words = [_POSSESSIVE.sub("", w) for w in run.split()]
        parts = {tuple(words[i:j]) for i in range(len(words)) for j in range(i + 1, i + 4)}
        names.update(" ".join(p) for p in parts if _named_by(p, common))
    return names


def _named_by(words: tuple[str, ...], common: set[str]) -> bool:
    """Whether these words can be a name: not opening on a function word ("The"), not ending on
    a compass word or a common one."""
    last = words[-1]
    return words[0] not in _NOT_NAMES and last not in _COMPASS and not _generic(last, common)


def _country(name: str, prose: str) -> str:
    """A nationality as its country when the story names it ("Syrian" as "Syria")."""
    # "Syrian Forces" in a headline is about Syria; the adjective alone is not a topic noun.
    if not name.endswith(("n", "i")):
        return name
    places = [name[:-cut] for cut in range(1, _DEMONYM_ENDING + 1)]
    return next((p for p in places if len(p) >= 4 and _mentioned(p, prose)), name)


def _mentioned(name: str, prose: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", prose) is not None


def _lead(prose: str) -> str:
    """The first paragraph: where the story sets itself ("... at the G20 meeting"); a script's
    first scene, whose lead the broadcast writer may have split in two ("The two leaders held
    talks on the sidelines of the G20 meeting.")."""
    return prose.strip().split("\n", 1)[0]


def _stem(word: str) -> str:
    return _INFLECTION.sub("", word) if len(word) > 4 else word


def _letters_and_digits(code: str) -> bool:
    return any(c.isdigit() for c in code) and any(c.isalpha() for c in code)


def _normal(code: str) -> str:
    return code.replace("-", "")
