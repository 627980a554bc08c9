"""Split prose into sentences without a model: punctuation, quotes and common abbreviations."""

from __future__ import annotations

import re
from itertools import pairwise

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "a.m", "p.m", "approx", "dept", "est", "fig", "mt", "ft", "brig", "maj", "cpl", "adm",
    "cmdr", "supt", "insp", "det", "rev", "fr", "hon", "pte",
}  # fmt: skip
# Words no sentence ends on, nor on a possessive: a stop standing alone after one ("or the .
# IRA policy", "the country's . Muslims") is a line break the source turned into punctuation.
# "My name is . Yuri Vasilyev": the same after "is" or a possessive ("on" and "about" may end
# one: "he could move on ."); "heading south towards . Newquay", "The Lord of the Rings, The .
# Hobbit": a capitalised "The" no more ends one than "the".
_NEVER_LAST = {
    "the", "a", "an", "of", "to", "in", "for", "and", "or", "with", "by", "from", "at",
    "into", "onto", "my", "his", "their", "its", "our", "your", "is", "are", "The",
    "towards", "toward", "across", "through", "between", "against", "via", "than",
    # "'And . American business doesn't need them either.": a quote's first word, cut off.
    "And", "But", "Or",
}  # fmt: skip
# A person's initials ("J.J. Abrams", "J.K. Rowling") never end a sentence; places written the
# same way ("Washington, D.C.") often do.
_INITIALS = re.compile(r"^[a-z](?:\.[a-z])+$")
_PLACE_INITIALS = {"d.c", "l.a", "n.y", "n.j", "s.f"}

# "Mr Eccleston-Todd's car was barely recognisable (pictured) Police said ...": a caption that
# ran into the text ends at its photo mark when a capitalised word follows, as if stopped.
_AFTER_PHOTO_MARK = re.compile(
    r"(\((?:pictured|left|right|centre|center|above|below|inset)\))\s+(?=[A-Z][a-z])"
)
# "... saying that 'we could cause some unpleasantries for the country' 'We have indeed done a
# lot ...": a quote closed right before another opens on a capital, the page's stop lost between.
_JAMMED_QUOTES = re.compile(r"(?<=\w)([”’'])\s+(?=[“‘'][A-Z])")


def _unjammed(text: str) -> str:
    """The text with a line break (and the lost stop) between two quotes run together; only
    where the first was opened in the text, so "the players' 'Golden Boot'" stays as it is."""
    parts, start = [], 0
    for match in _JAMMED_QUOTES.finditer(text):
        before = text[start : match.start()]
        opened = before.count("“") > before.count("”") if match[1] == "”" else None
        if opened is None:
            opened = re.search(r"(?:^|\s)['‘]\w", before) is not None
        if opened:
            parts.append(f"{before}.{match[1]}")
            start = match.end()
    return "\n".join([*parts, text[start:]])


# "- The UK must stay in the EU", "• Sales rose", "2) Prices fell": the marker of a list's item.
LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)])\s+(?=\S)")
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"""([.!?…]+["'”’)\]]*)\s+(?=["'“‘(\[]?[A-Z0-9])""")


def split_sentences(text: str, named: frozenset[str] | None = None) -> list[str]:
    """Split `text` into sentences, closing quotes attached to the sentence they close; `named`
    are the words whose stop is a name's (stops_in_names of the whole article, when `text` is
    one of its paragraphs), else found in `text`.

    A quote of several sentences is split like any other text, curly or straight alike: story
    units (script/units.py) keep its pieces together with their speaker."""
    sentences: list[str] = []
    named = stops_in_names(text) if named is None else named
    for paragraph in re.split(r"\n\s*\n", text):
        joined = _AFTER_PHOTO_MARK.sub("\\1\n", " ".join(paragraph.split()))
        for part in _unjammed(joined).split("\n"):
            sentences.extend(_split_paragraph(part, named))
    return [s for s in sentences if s]


def stops_in_names(text: str) -> frozenset[str]:
    """Capitalised words the text writes with a stop and then a word in lower case ("the ID.
    models"): no sentence ended there, so the stop is the name's own ("VW's ID. Space Vizzion")
    wherever the word stands."""
    return frozenset(m[1].lower() for m in re.finditer(r"\b([A-Z][A-Za-z]{0,4})\.\s+[a-z]", text))


def _split_paragraph(paragraph: str, named: frozenset[str] = frozenset()) -> list[str]:
    pieces: list[str] = []
    start = 0
    line_ends = _print_line_ends(paragraph)
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.end(1)]
        if _ends_with_abbreviation(candidate, paragraph[match.end(1) :]):
            continue
        if candidate.endswith(".") and _last_word(candidate) in named:
            continue
        if match.start(1) in line_ends:
            continue
        pieces.append(candidate.strip())
        start = match.end()
    pieces.append(paragraph[start:].strip())
    return pieces


# Pages copied from print keep each line's end as a spaced stop ("the brand had . reached"), so
# their lines' length shows where most stops fall. Lines are this many characters shorter than
# the longest of the usual ones at most (the next word did not fit), or a few longer (the lines
# measured are not all of them) ...
_LINE_SLACK = 12
_LINE_OVER = 4
# ... and at least this many lines end before a word in lower case for the length to be known.
_LINES_SEEN = 3
_SPACED = re.compile(r"\s\.\s")


def _print_line_ends(paragraph: str) -> frozenset[int]:
    """The spaced stops between two capitalised words that end a print line, not a sentence:
    "Burberry Chief Creative Officer Christopher . Bailey uploaded ...". Such a stop falls as far
    from the stop before it as the paragraph's lines are long, the lines measured at the stops
    before a word in lower case, which end no sentence. A caption's end falls anywhere, so one
    that falls there too may be joined to what follows: only after a capitalised word, which
    ends a caption more rarely than it begins a name ("Sophie Jane Evans . From terrifying ..."
    is a byline, its line far shorter)."""
    stops = [m.start() for m in _SPACED.finditer(paragraph)]
    # Each stop after the first, with the length of the line it ends and the word after it.
    ends = [(b, b - a - 3, paragraph[b + 3 : b + 4]) for a, b in pairwise(stops)]
    width = _usual_width([length for _, length, after in ends if after.islower()])
    if width is None:
        return frozenset()
    return frozenset(
        b + 1
        for b, length, after in ends
        if width - _LINE_SLACK <= length <= width + _LINE_OVER
        and after.isupper()
        and paragraph[:b].split()[-1][:1].isupper()
    )


def _usual_width(lines: list[int]) -> int | None:
    """The longest line of the most common run of line lengths (those within _LINE_SLACK of
    each other), when there are _LINES_SEEN of them."""
    counted = [(sum(w - _LINE_SLACK <= x <= w for x in lines), w) for w in lines]
    count, width = max(counted, default=(0, 0))
    return width if count >= _LINES_SEEN else None


def _last_word(candidate: str) -> str:
    return (candidate.rstrip(".").split()[-1:] or [""])[0].lower().strip("\"'“‘(")


def _ends_with_abbreviation(candidate: str, rest: str) -> bool:
    if not candidate.endswith("."):
        return False
    words = candidate.rstrip(".").split()
    word = _last_word(candidate)
    if candidate.endswith(" ."):
        # A stop set off by a space is no abbreviation's ("hepatitis A . State officials"); the
        # words are matched as written, so the letter "A" is not the article "a".
        raw = (words[-1:] or [""])[0].strip("\"'“‘(")
        # "(a few places behind a man dressed as Father . Christmas)": inside a bracket.
        inside = candidate.count("(") > candidate.count(")")
        # "from the 2nd Battalion, . Royal Regiment of Fusiliers, died": no sentence ends on a
        # comma.
        comma = raw.endswith(",")
        return raw in _NEVER_LAST or raw.endswith(("'s", "’s")) or inside or comma
    if word == "no":
        return rest.lstrip()[:1].isdigit()  # "No. 10", but "replied: "No. Absolutely not.""
    if word in _ABBREVIATIONS:
        return True
    if _INITIALS.match(word) and word not in _PLACE_INITIALS:
        return True
    # A capital initial after a name ("John F. Kennedy") is an abbreviation;
    # after a common word ("hepatitis A.") it ends the sentence.
    after_name = len(words) > 1 and words[-2][:1].isupper()
    # "presented in 1974 by D. Arno Peters", "observations by the W. M. Keck Observatory":
    # after "by", "from", "with", "and" or "the" a letter is a name's initial.
    after_by = len(words) > 1 and words[-2].lower() in _BEFORE_INITIAL
    return len(word) == 1 and word.isalpha() and (after_name or len(words) == 1 or after_by)


_BEFORE_INITIAL = frozenset(["by", "from", "with", "and", "the"])
