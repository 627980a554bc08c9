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


@dataclass(frozen=True, order=True)
class Point:
    """A dated point: a sortable key, the date as shown, and a few words saying what happened."""

    key: tuple[int, int, int]
    date: str
    label: str


def dated_points(texts: list[str], published: str | None = None) -> list[Point]:
    """Distinct dates in the texts, oldest first, with the publication date as the last point."""
    points: dict[tuple[int, int, int], Point] = {}
    for text in texts:
        for match in DATE.finditer(text):
            point = _point(match, text)
            points.setdefault(point.key, point)
    now = _published(published)
    if now is not None and all(p.key[0] < now.key[0] for p in points.values()):
        points.setdefault(now.key, now)
    return sorted(points.values())


def _point(match: re.Match, text: str) -> Point:
    year = int(match["year"] or match["year2"] or match["year3"] or match["year4"])
    month_name = match["month"] or match["month2"] or match["month3"]
    month = MONTHS.index(month_name) + 1 if month_name else 0
    day = int(match["day"] or match["day2"] or 0)
    shown = " ".join(str(v) for v in (day or "", month_name or "", year) if v)
    return Point((year, month, day), shown, _label(text[match.end() :]))


def _label(after: str) -> str:
    """The words right after the date, up to a verb or clause word: what the date was of."""
    words = []
    for word in re.findall(r"[\w’'-]+|[,.;:!?]", after)[:LABEL_WORDS]:
        if not word[0].isalnum() or word.lower() in _LABEL_STOP:
            break
        words.append(word)
    return " ".join(words)


def _published(published: str | None) -> Point | None:
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return None
    shown = f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return Point((moment.year, moment.month, moment.day), shown, "")
