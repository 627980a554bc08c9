"""Reporting credits as a newsroom writes them: the byline's authors, contributors, agencies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from news60.models import Reporting

# News agencies: credited as agencies, never as authors ("By Jane Doe, AP" names one of each).
_AGENCY_NAMES = (
    "AP|Associated Press|AFP|Agence France-Presse|Reuters|PA|PA Media|Press Association|"
    "Bloomberg|UPI|dpa|EFE|ANSA|AAP|PTI|IANS|Xinhua|Kyodo|Yonhap|TASS|CNN Wire|"
    "Canadian Press|The Canadian Press|Australian Associated Press"
)
_AGENCY = re.compile(rf"^(?:{_AGENCY_NAMES})$", re.I)
_BY = re.compile(r"^\s*(?:words |written |story |reporting )?by\s+", re.I)
# "Jane Doe | Updated 5:30 PM", "Jane Doe, Published 2 hours ago": a byline runs into page furniture.
_TAIL = re.compile(r"\s*(?:\||•|·|\bupdated\b|\bpublished\b|\bposted\b|\d{1,2}:\d{2}).*$", re.I)
# Roles written after a name: "Jane Doe, Senior Correspondent".
_ROLE = re.compile(
    r"(?i)\b(?:staff|senior|chief|political|foreign|health|science|business|sports?)?\s*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor)s?\b"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
# A person's name: two to four capitalised words ("Mary-Jane O'Neil", "Gary J. Graves").
_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+$")


def read_reporting(byline: str, credit_lines: Iterable[str] = ()) -> Reporting:
    """Authors from the byline; agencies wherever they appear; other credited names as contributors."""
    authors, agencies = [], []
    for name in byline_names(byline):
        (agencies if is_agency(name) else authors).append(name)
    contributors = []
    for name in credit_lines:
        (agencies if is_agency(name) else contributors).append(name)
    return Reporting(
        authors=_unique(authors),
        contributors=_unique(n for n in contributors if n not in authors),
        agencies=_unique(agencies),
    )


def byline_names(byline: str) -> list[str]:
    """The people and agencies a byline names: "By Jane Doe and Sam Roe, AP" -> three names."""
    text = _TAIL.sub("", _BY.sub("", " ".join(byline.split())))
    names = []
    for part in _SEPARATORS.split(text):
        part = _ROLE.sub("", part).strip(" .,-–—")
        # An all-capitals name after a byline is the outlet ("By Gary Graves, USA TODAY").
        if is_agency(part) or (_PERSON.match(part) and not part.isupper()):
            names.append(part)
    return names


def is_agency(name: str) -> bool:
    return bool(_AGENCY.match(name.strip()))


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))
