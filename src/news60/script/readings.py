"""How a newsreader says written numbers: dates, years, scores and ranges, phone numbers."""

from __future__ import annotations

import re

from news60.script.mapped_text import MappedText

_MONTH_LIST = (
    "January February March April May June July August September October November December"
)
MONTHS = _MONTH_LIST.split()
_MONTH_ABBR = {m[:3].lower(): m for m in MONTHS} | {"sept": "September"}
_ONES_LIST = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_ONES = _ONES_LIST.split()
_TENS_LIST = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = _TENS_LIST.split()
_MONTH_NAMES = "|".join(MONTHS)
_ABBREVIATED = "|".join(sorted(_MONTH_ABBR, key=len, reverse=True))

# "2019-06-28": ISO dates, as agencies and metadata write them (else read as a phone or a range).
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
# "25/10/2013" or "10/25/2013" (else read "slash").
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
# "Oct. 25" (espeak stops at the full stop, then reads "Oct"); not "May 2019" nor "Oct. 25,000".
_ABBREVIATED_DAY = re.compile(rf"\b({_ABBREVIATED})\.?\s+(\d{{1,2}})\b(?!\d|,\d)", re.IGNORECASE)
# "28 June" and "June 28": said as ordinals ("twenty-eight June" is not how a date sounds).
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(\s+(?:{_MONTH_NAMES})\b)")
_MONTH_DAY = re.compile(rf"\b((?:{_MONTH_NAMES})\s+)(\d{{1,2}})\b(?!\d|,\d|:)")
# "9/11", "24/7": a pair of small numbers with a slash is a name, not a division ("nine slash eleven").
_SLASHED_PAIR = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d)")
# "1/2 cup": the common fractions by name.
_FRACTIONS = {"1/2": "a half", "1/3": "a third", "2/3": "two thirds", "1/4": "a quarter", "3/4": "three quarters"}  # fmt: skip
# "1990s", "1999", "the '90s": espeak reads 1100-1999 as "nineteen hundred ninety-nine".
_YEAR = re.compile(r"(?<![$£€\d.,'’])\b(1[1-9])(\d\d)(s?)\b(?![.,]\d|\s?%)")
# "the 2010s": "twenty tens" (the voice says "two thousand ten z").
_DECADE_2000 = re.compile(r"\b20([0-9])0s\b")
_SHORT_DECADE = re.compile(r"(?<!\w)['’]([2-9]0)s\b")
# "5-1", "2010-2015", "10-15": a hyphen between numbers is read "dash" by the voice.
_SPAN = re.compile(r"(?<![\w.,/-])(\d+(?:\.\d+)?)\s?[-–]\s?(\d+(?:\.\d+)?)(?![\w/]|[-–.,]\d)")
# Words that make a rising pair a score ("lost 1-3") rather than a range ("aged 18-25").
_RESULT_WORDS = re.compile(
    r"\b(?:wins?|won|beat|beats|beaten|lost|loss|lose|losing|defeat\w*|victory|draw|drew|drawn|"
    r"scored?|scoreline|match|game|final|goals?|tie|tied|vote[sd]?|ruling|ruled|majority|leads?|led)\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)  # "between 1999-2005": "between ... and"
# Telephone numbers: a leading +, 0 or (area code), or nine digits and more in groups. They
# are read in their written groups with a pause between, never as one long number or a sum.
_PHONE = re.compile(
    r"(?<![\w+.-])(?:\+\d{1,3}[\s.-]?|1[\s.-])?(?:\(\d{2,5}\)\s?)?\d{2,5}(?:[\s.-]\d{2,5}){1,3}"
    r"(?![\w-]|[.,]\d)"
)


def number_words(n: int) -> str:
    """0-99 in words: 'seven', 'twenty-six'."""
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def ordinal(n: int) -> str:
    """'1st', '22nd', '13th': digits with the suffix the voice reads as an ordinal."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def say_dates(text: MappedText) -> MappedText:
    """ISO and numeric dates, abbreviated months and days as ordinals; 9/11 as 'nine eleven'."""
    text = text.sub(_ISO_DATE, lambda m: _date(int(m[3]), int(m[2]), m[1], m[0]))
    text = text.sub(_NUMERIC_DATE, _numeric_date)
    text = text.sub(_ABBREVIATED_DAY, lambda m: f"{_MONTH_ABBR[m[1].lower()]} {ordinal(int(m[2]))}")
    text = text.sub(_DAY_MONTH, lambda m: [(ordinal(int(m[1])), 1), (m[2], 2)])
    text = text.sub(_MONTH_DAY, lambda m: [(m[1], 1), (ordinal(int(m[2])), 2)])
    return text.sub(_SLASHED_PAIR, _slashed_pair)


def _numeric_date(match: re.Match[str]) -> str:
    """Day first unless that cannot be (a US 10/25/2013)."""
    first, second = int(match[1]), int(match[2])
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _date(day, month, match[3], match[0])


def _date(day: int, month: int, year: str, written: str) -> str:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return written
    return f"{ordinal(day)} {MONTHS[month - 1]} {year}"


def _slashed_pair(match: re.Match[str]) -> str:
    return (
        _FRACTIONS.get(match[0]) or f"{number_words(int(match[1]))} {number_words(int(match[2]))}"
    )


def say_years(text: MappedText) -> MappedText:
    """'1999' -> 'nineteen ninety-nine', '1990s' -> 'nineteen nineties', '2010s' -> 'twenty tens'."""
    text = text.sub(_YEAR, lambda m: f"{number_words(int(m[1]))} {_hundreds_part(m[2], m[3])}")
    text = text.sub(_DECADE_2000, _decade_2000)
    return text.sub(_SHORT_DECADE, lambda m: _plural(number_words(int(m[1]))))


def _decade_2000(match: re.Match[str]) -> str:
    tens = int(match[1])
    return "two thousands" if tens == 0 else f"twenty {_plural(number_words(tens * 10))}"


def _hundreds_part(digits: str, plural: str) -> str:
    """The last two digits of a year: '99' 'ninety-nine', '05' 'oh five', '00' 'hundred'."""
    if digits == "00":
        return "hundreds" if plural else "hundred"
    words = number_words(int(digits)) if digits[0] != "0" else f"oh {_ONES[int(digits[1])]}"
    return _plural(words) if plural else words


def _plural(words: str) -> str:
    """'ninety' -> 'nineties', 'ten' -> 'tens'."""
    return words[:-1] + "ies" if words.endswith("y") else words + "s"


def say_spans(text: MappedText) -> MappedText:
    """Scores as 'five-one' ('nil' for none), ranges as '2010 to 2015'."""
    return text.sub(_SPAN, _span)


def _span(match: re.Match[str]) -> str:
    first, second = match[1], match[2]
    whole = "." not in first and "." not in second
    if whole and len(first) <= 2 and len(second) <= 2:
        a, b = int(first), int(second)
        if a >= b or _RESULT_WORDS.search(match.string):
            return f"{_score(a)}-{_score(b)}"
    if whole and len(first) == 4 and len(second) == 2 and int(second) > int(first[2:]):
        second = first[:2] + second  # "2010-15": the century is understood
    joiner = "and" if _BETWEEN.search(match.string, 0, match.start()) else "to"
    return f"{first} {joiner} {second}"


def _score(goals: int) -> str:
    return "nil" if goals == 0 else number_words(goals)


def say_phone_numbers(text: MappedText) -> MappedText:
    """'020 7946 0000' -> 'oh two oh, seventy-nine forty-six, oh oh oh oh'."""
    return text.sub(_PHONE, _phone_number)


def _phone_number(match: re.Match[str]) -> str | list[tuple[str, tuple[int, int]]]:
    groups = list(re.finditer(r"\+?\d+", match[0]))
    digits = sum(len(g[0].lstrip("+")) for g in groups)
    marked = match[0].startswith(("+", "(", "0"))
    if not 7 <= digits <= 15 or not (marked or digits >= 9):
        return match[0]
    pieces: list[tuple[str, tuple[int, int]]] = []
    for group in groups:
        start, end = match.start() + group.start(), match.start() + group.end()
        pieces += [(", ", (start, start))] if pieces else []
        pieces.append((_phone_group(group[0]), (start, end)))
    return pieces


def _phone_group(group: str) -> str:
    """A group as it is read aloud: '+44' 'plus four four', '800' 'eight hundred', '7946' in pairs."""
    if group.startswith("+"):
        return "plus " + _digits(group[1:])
    if len(group) == 3 and group[0] != "0" and group[1:] == "00":
        return f"{_ONES[int(group[0])]} hundred"
    if len(group) == 4:
        return f"{_pair(group[:2])} {_pair(group[2:])}"
    return _digits(group)


def _pair(digits: str) -> str:
    return _digits(digits) if digits[0] == "0" else number_words(int(digits))


def _digits(digits: str) -> str:
    return " ".join("oh" if d == "0" else _ONES[int(d)] for d in digits)
