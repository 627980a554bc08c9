"""Dates a story mentions, as points on a timeline card: "2016 · US election", "June 2019 · G20 summit"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MONTHS_LIST = (
    "January February March April May June July August September October November December"
)
MONTHS = MONTHS_LIST.split()
_MONTH = "|".join(MONTHS)
# "28 June 2019", "June 28, 2019", "June 2019", or a year 1900-2099 standing alone (not "2,016").
DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}),?\s+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<month3>{_MONTH})\s+(?P<year3>(?:19|20)\d\d)"
    rf"|(?<![\d,.$£€])(?P<year4>(?:19|20)\d\d)(?![\d%]|,\d))\b"
)
LABEL_WORDS = 4  # a point's label: the few words after the date ("US election")
# Words that end a point's label: verbs and clause words ("the 2016 election | won by Trump").
_LABEL_STOP_LIST = (
    "was were is are has had have won will would said says who which that and but when as after "
    "before since by to of in on at for with from"
)
_LABEL_STOP = frozenset(_LABEL_STOP_LIST.split())
# Words that open a clause before its subject: "but a public inquiry", "and the court".
_CLAUSE_OPENERS = frozenset(["but", "and", "so", "then", "however", "yet", "while"])


@dataclass(frozen=True, order=True)
class Point:
    """A dated point: a sortable key, the date as shown, and a few words saying what happened."""

    key: tuple[int, int, int]
    date: str
    label: str


def dated_points(texts: list[str], published: str | None = None, now: str = "") -> list[Point]:
    """Distinct dates in the texts, oldest first; the publication date last, labelled `now`."""
    points: dict[tuple[int, int, int], Point] = {}
    for text in texts:
        for match in DATE.finditer(text):
            point = _point(match, text)
            points.setdefault(point.key, point)
    today = _published(published, now)
    if today is not None and all(p.key[0] < today.key[0] for p in points.values()):
        points.setdefault(today.key, today)
    return sorted(points.values())


def _point(match: re.Match[str], text: str) -> Point:
    year = int(match["year"] or match["year2"] or match["year3"] or match["year4"])
    month_name = match["month"] or match["month2"] or match["month3"]
    month = MONTHS.index(month_name) + 1 if month_name else 0
    day = int(match["day"] or match["day2"] or 0)
    shown = " ".join(str(v) for v in (day or "", month_name or "", year) if v)
    before, after = text[: match.start()], text[match.end() :]
    if re.search(r"\b(?:in|on|since|by|until|from|after|before|during)\s*$", before, re.I):
        label = _subject(before) or _label(after)  # "an inquiry in 2017 sent them back"
    else:
        label = _label(after) or _subject(before)  # "the 2016 US election"
    return Point((year, month, day), shown, label[:1].upper() + label[1:])


def _label(after: str) -> str:
    """The words right after the date, up to a verb or clause word: "the 2016 US election"."""
    words = []
    for word in re.findall(r"[\w’'-]+|[,.;:!?]", after)[:LABEL_WORDS]:
        if not word[0].isalnum() or word.lower() in _LABEL_STOP:
            break
        words.append(word)
    return " ".join(words)


def _subject(before: str) -> str:
    """The subject of the clause the date ends: "a public inquiry" in "but a public inquiry in 2017"."""
    clause = re.split(r"[,;:—–.!?]", before)[-1].split()
    while clause and clause[0].lower() in _CLAUSE_OPENERS:
        clause.pop(0)
    return _label(" ".join(clause))


def _published(published: str | None, label: str) -> Point | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    shown = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return Point((moment.year, moment.month, moment.day), shown, label)
