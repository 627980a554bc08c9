"""Turn a display sentence into what the voice should read, and tidy it for the screen."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path

from news60.errors import ScriptError
from news60.resources import ASSETS
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
_BYLINE = re.compile(r"^By\s+(?:\.\s+)?(?:[A-Z][\w'’-]*\.?\s+){1,5}(?:and\s+[^.|]{1,40})?[.|]\s+")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’.&-]*\d*")
_MONTH_LIST = (
    "January February March April May June July August September October November December"
)
_MONTHS = _MONTH_LIST.split()
_MONTH_ABBR = {m[:3].lower(): m for m in _MONTHS} | {"sept": "September"}
_CURRENCY = {"$": ("dollar", "dollars"), "£": ("pound", "pounds"), "€": ("euro", "euros")}
_SCALE = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}
_ONES_LIST = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_ONES = _ONES_LIST.split()
_TENS_LIST = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = _TENS_LIST.split()


def display_text(sentence: str) -> str:
    """Caption text: no byline or dateline, and no ALL-CAPS lead-in."""
    text = " ".join(sentence.split())
    text = _BYLINE.sub("", text)
    for dateline in _DATELINES:
        text = dateline.sub("", text, count=1)
    return _fix_caps_lead(text)


def make_speakable(sentence: str, lexicon: Mapping[str, str] | None = None) -> str:
    """What the voice reads: tidied, asides dropped, symbols and dates said, names respelled."""
    text = display_text(sentence)
    text = re.sub(r"\s*\([^()]*\)", "", text)  # asides, "(pictured)", "(Reporting by ...)"
    for rule in (_say_dates, _say_money, _say_symbols, _say_codes):
        text = rule(text)
    text = _respell(text, load_lexicon() if lexicon is None else lexicon)
    return re.sub(r"\s+([,.;:!?])", r"\1", " ".join(text.split()))


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


def _say_dates(text: str) -> str:
    """ "25/10/2013" -> "25th October 2013"; "Oct. 25" -> "October 25th"."""
    text = re.sub(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", _numeric_date, text)
    abbr = "|".join(sorted(_MONTH_ABBR, key=len, reverse=True))
    return re.sub(
        rf"\b({abbr})\.?\s+(\d{{1,2}})\b(?!\d|,\d)",
        lambda m: f"{_MONTH_ABBR[m.group(1).lower()]} {_ordinal(int(m.group(2)))}",
        text,
        flags=re.IGNORECASE,
    )


def _numeric_date(match: re.Match[str]) -> str:
    """Day first unless that cannot be (a US 10/25/2013)."""
    first, second, year = (int(g) for g in match.groups())
    day, month = (second, first) if second > 12 >= first else (first, second)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    return f"{_ordinal(day)} {_MONTHS[month - 1]} {year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _say_money(text: str) -> str:
    """ "$5m" -> "5 million dollars"; "£20.99" -> "20 pounds 99"."""
    pattern = r"([$£€])\s?(\d[\d,]*)(?:\.(\d+))?(?:\s?(k|mn|m|bn|tn|thousand|million|billion|trillion)\b)?"
    return re.sub(pattern, _money, text, flags=re.IGNORECASE)


def _money(match: re.Match[str]) -> str:
    symbol, whole, fraction, scale = match.groups()
    one, many = _CURRENCY[symbol]
    if scale:
        number = whole + (f".{fraction}" if fraction else "")
        return f"{number} {_SCALE.get(scale.lower(), scale.lower())} {many}"
    unit = one if whole == "1" else many
    return f"{whole} {unit}" + (f" {fraction}" if fraction and int(fraction) else "")


def _say_symbols(text: str) -> str:
    text = re.sub(r"(\d)\s?%", r"\1 percent", text)
    text = re.sub(r"\bNo\.\s?(?=\d)", "Number ", text)
    return re.sub(r"\s&\s", " and ", text)


def _say_codes(text: str) -> str:
    """ "G20" or "G-20" -> "G twenty"; "COP26" -> "COP twenty-six"."""
    return re.sub(
        r"\b([A-Z]{1,4})-?(\d{1,2})\b",
        lambda m: f"{m.group(1)} {_number_words(int(m.group(2)))}",
        text,
    )


def _number_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _respell(text: str, lexicon: Mapping[str, str]) -> str:
    for name in sorted(lexicon, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lexicon[name], text)
    return text
