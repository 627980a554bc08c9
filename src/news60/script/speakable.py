"""Turn a display sentence into what the voice should read, and tidy it for the screen.

`speakable` also says which shown word each spoken word belongs to, so word times measured on the
speech ("G twenty summit") land on the words on screen ("G20 summit").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from news60.errors import ScriptError
from news60.resources import ASSETS
from news60.script.amounts import say_codes, say_money, say_symbols
from news60.script.mapped_text import MappedText
from news60.script.readings import say_dates, say_phone_numbers, say_spans, say_years
from news60.tomlfile import read_toml

LEXICON = ASSETS / "lexicon.toml"

_ACRONYM_LIST = (
    "US USA UK EU UN NATO NHS BBC CNN ITV FBI CIA NSA IMF WTO OPEC UAE GOP MP MPS PM CEO GDP "
    "AI TV IRA ISIS LGBT LGBTQ NASA FIFA UEFA NFL NBA AFP AP PA DNA HIV AIDS COVID SNP DUP ECB "
    "FTSE SEC FDA CDC UNICEF"
)
_ACRONYMS = frozenset(_ACRONYM_LIST.split())
_MINOR_LIST = "a an and as at by for from in of on or the to with who that is was has had"
_MINOR = frozenset(_MINOR_LIST.split())
_AGENCY = r"CNN|Reuters|AP|AFP|PA|AAP|UPI|Bloomberg|dpa|EFE|Xinhua|PTI|IANS|ANSA|BBC"
_DASH = r"(?:--|—|–|-)"
_DATELINES = (
    re.compile(rf"^[^()]{{0,60}}?\((?:{_AGENCY})\)\s*{_DASH}?\s*"),  # "WASHINGTON (Reuters) -"
    re.compile(rf"^[A-Z][A-Z.'’ ]+(?:,\s*[A-Z][\w.' ]*?)?\s+{_DASH}\s+(?=\S)"),  # "LONDON —"
)
# "By Jane Doe and Sam Roe. The council..." or "By . Daily Mail Reporter . A train...": a byline.
_BYLINE = re.compile(r"^By\s+(?:\.\s+)?(?:[A-Z][\w'’-]*\.?\s+){1,5}(?:and\s+[^.|]{1,40})?[.|]\s+")
# A word of a shouted lead-in ("US PRESIDENT DONALD Trump"): capitals, maybe with digits.
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’.&-]*\d*")
# Titles before a name, said in full: the voice spells "Ms." as "M S", reads "Sen." as "sen",
# and ends the sentence at the full stop of every one of them.
_TITLES = {
    "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Dr": "Doctor", "Rep": "Representative",
    "Sen": "Senator", "Gov": "Governor", "Gen": "General", "Lt": "Lieutenant", "Col": "Colonel",
    "Sgt": "Sergeant", "Capt": "Captain", "Prof": "Professor", "Rev": "Reverend",
    "Revd": "Reverend", "Supt": "Superintendent", "Det": "Detective", "Insp": "Inspector",
    "Cllr": "Councillor", "Fr": "Father", "Adm": "Admiral", "Maj": "Major", "Pres": "President",
}  # fmt: skip
# British style drops the full stop ("Mr Smith"); "Gen" or "Col" without one may be a word.
_UNDOTTED_LIST = "Mr Mrs Ms Dr Cllr Revd Prof Sgt Supt Insp Capt Lt"
_UNDOTTED = _UNDOTTED_LIST.split()
_TITLE = re.compile(
    rf"\b(?:({'|'.join(_TITLES)})\.|({'|'.join(_UNDOTTED)})\b)\s+(?=(?:St\b\.?\s+)?[A-Z])"
)
# After a name "St." is Street ("Baker St."), before one Saint ("St. Paul"); "King Jr." is Junior.
_ROADS = {"St": "Street", "Dr": "Drive", "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Jr": "Junior", "Sr": "Senior"}  # fmt: skip
_ROAD = re.compile(rf"\b([A-Z][a-z]+) ({'|'.join(_ROADS)})\b(\.?)(?!\s*[A-Z0-9])")
_SAINT = re.compile(r"\bSt\b\.?\s+(?=[A-Z])")
# An acronym explained in brackets, either way round: "Five-hundred-metre Aperture Spherical
# Telescope (FAST)" or "FAST (Five-hundred-metre ...)". Both are said expansion first, then the
# acronym; other brackets are asides and are not read.
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&]{1,9})\)(?=(\s*\w)?)")
_ACRONYM_BEFORE = re.compile(r"\b([A-Z][A-Z0-9&]{1,9}s?)\s+\(([^()]{3,120})\)(?=(\s*\w)?)")
_ASIDE = re.compile(r"\s*\([^()]*\)")  # "(pictured)", "(Reporting by ...)"
_SKIP_LIST = "of the and for in on to a an at"  # "United Nations" is UN, not UNN
_EXPANSION_SKIPS = frozenset(_SKIP_LIST.split())
# The order matters: dates before phone numbers and spans ("2019-06-28"), phone numbers before
# brackets are dropped ("(555) 123-4567"), spans before years ("2010-2015" becomes "2010 to 2015",
# then each year is said), money before symbols.
_RULES = (
    say_dates,
    say_phone_numbers,
    lambda t: t.sub(_ACRONYM_AFTER, _acronym_after),
    lambda t: t.sub(_ACRONYM_BEFORE, _acronym_before),
    lambda t: t.sub(_ASIDE, ""),
    lambda t: t.sub(_ROAD, _road),
    lambda t: t.sub(_TITLE, lambda m: f"{_TITLES[m[1] or m[2]]} "),
    lambda t: t.sub(_SAINT, "Saint "),
    say_spans,
    say_years,
    say_money,
    say_symbols,
    say_codes,
)


@dataclass(frozen=True)
class Speakable:
    """A sentence as shown and as said, and which shown word each said word belongs to."""

    shown: tuple[str, ...]  # the sentence's words, as on screen
    said: str  # what the voice reads
    owners: tuple[int, ...]  # for each word of `said`, the index of the shown word it says

    @classmethod
    def verbatim(cls, sentence: str) -> Speakable:
        """The sentence read as written, word for word."""
        words = tuple(sentence.split())
        return cls(words, " ".join(words), tuple(range(len(words))))


def display_text(sentence: str) -> str:
    """Caption text: no byline or dateline, and no ALL-CAPS lead-in."""
    return _displayed(MappedText.of(sentence)).text


def make_speakable(sentence: str, lexicon: Mapping[str, str] | None = None) -> str:
    """What the voice reads: tidied, asides dropped, symbols and dates said, names respelled."""
    return speakable(sentence, lexicon).said


def speakable(sentence: str, lexicon: Mapping[str, str] | None = None) -> Speakable:
    """The sentence as the voice should read it, with each spoken word's shown word."""
    text = _displayed(MappedText.of(sentence))
    for rule in _RULES:
        text = rule(text)
    text = _respell(text, load_lexicon() if lexicon is None else lexicon)
    text = text.sub(r"\s+", " ").sub(r"^ | $", "").sub(r" (?=[,.;:!?])", "")
    return Speakable(tuple(sentence.split()), text.text, text.owners(sentence))


def load_lexicon(path: Path | None = None) -> dict[str, str]:
    """Read the [names] table of a lexicon TOML (assets/lexicon.toml by default)."""
    return dict(_read_lexicon(path or LEXICON))


@functools.cache
def _read_lexicon(path: Path) -> tuple[tuple[str, str], ...]:
    data = read_toml(path, "pronunciation lexicon", ScriptError, "check the path")
    names = data.get("names", {})
    if not all(isinstance(v, str) for v in names.values()):
        raise ScriptError(f"every entry under [names] in {path} must be a quoted respelling")
    return tuple(names.items())


def _displayed(text: MappedText) -> MappedText:
    """Whitespace closed up, the byline and dateline cut, an ALL-CAPS lead-in put in case."""
    text = text.sub(r"\s+", " ").sub(r"^ | $", "")
    for pattern in (_BYLINE, *_DATELINES):
        text = text.sub(pattern, "")
    return text.sub(r"^.+$", lambda m: _fix_caps_lead(m[0]))


def _fix_caps_lead(text: str) -> str:
    """ "US PRESIDENT DONALD Trump" -> "US President Donald Trump"; acronyms stay."""
    words = text.split(" ")
    run = 0
    while run < len(words) and _CAPS_WORD.fullmatch(words[run].strip(",;:")):
        run += 1
    shouted = [w for w in words[:run] if _needs_case(w)]
    if run < 2 or not shouted or (run == 2 and max(len(w) for w in shouted) < 4):
        return text  # "UK GDP rose" is acronyms, not a shouted lead-in
    fixed = [_title_word(w, first=i == 0) for i, w in enumerate(words[:run])]
    return " ".join(fixed + words[run:])


def _needs_case(word: str) -> bool:
    bare = word.strip(",;:.'’")
    return len(bare) > 1 and bare.upper() not in _ACRONYMS and not any(c.isdigit() for c in bare)


def _title_word(word: str, first: bool) -> str:
    if not _needs_case(word):
        return word
    lower = word.lower()
    return lower if lower in _MINOR and not first else lower[:1].upper() + lower[1:]


def _acronym_after(match: re.Match[str]) -> str | list[tuple[str, int]]:
    """ "Telescope (FAST) in" -> "Telescope, or FAST, in", when the words before spell it."""
    before = match.string[: match.start()].split()
    if not any(_spells(match[1], before[-size:]) for size in range(1, min(len(before), 14) + 1)):
        return match[0]
    return [(", or ", 1), (match[1], 1), ("," if match[2] else "", 1)]


def _acronym_before(match: re.Match[str]) -> str | list[tuple[str, int]]:
    """ "FAST (Five-hundred-metre ... Telescope) found" -> "Five-hundred-metre ..., or FAST, found"."""
    if not _spells(match[1], match[2].split()):
        return match[0]
    return [(match[2], 2), (", or ", 1), (match[1], 1), ("," if match[3] else "", 1)]


def _spells(acronym: str, words: Sequence[str]) -> bool:
    """Whether the initials of `words` (or of their hyphenated parts) spell `acronym`."""
    letters = re.sub(
        r"[^A-Z]",
        "",
        acronym.upper().removesuffix("S") if acronym.endswith("s") else acronym.upper(),
    )
    if not words or not letters or not words[0][:1].isupper():
        return False
    return _initials_match(letters, [w.strip(",;:'’\"“”") for w in words])


def _initials_match(letters: str, words: Sequence[str]) -> bool:
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    parts = [p for p in re.split(r"[-/]", word) if p]
    options = {word[:1].upper(), "".join(p[0] for p in parts).upper()}
    if word.lower() in _EXPANSION_SKIPS:
        options.add("")
    return any(
        letters.startswith(o) and _initials_match(letters[len(o) :], rest)
        for o in options
        if o or word
    )


def _road(match: re.Match[str]) -> list[tuple[str, int]]:
    """ "Baker St." -> "Baker Street" (the full stop kept only where it ends the sentence)."""
    stop = match[3] if match.end() == len(match.string) else ""
    return [(match[1], 1), (f" {_ROADS[match[2]]}", 2), (stop, 3)]


def _respell(text: MappedText, lexicon: Mapping[str, str]) -> MappedText:
    for name in sorted(lexicon, key=len, reverse=True):
        text = text.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lexicon[name])
    return text
