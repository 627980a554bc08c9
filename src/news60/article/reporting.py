"""Reporting credits as a newsroom writes them: the byline's authors, contributors, agencies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from news60.models import Reporting

# News agencies: credited as agencies, never as authors ("By Jane Doe, AP" names one of each).
_AGENCY_NAMES = (
    "AP|Associated Press|The Associated Press|AFP|Agence France-Presse|Reuters|PA|PA Media|"
    "Press Association|Bloomberg|Bloomberg News|UPI|dpa|EFE|ANSA|AAP|PTI|IANS|Xinhua|Kyodo|Yonhap|"
    "TASS|CNN Wire|Canadian Press|The Canadian Press|Australian Associated Press|NYT News Service"
)
_AGENCY = re.compile(rf"^(?:{_AGENCY_NAMES})$", re.I)
_BY = re.compile(r"^\s*(?:words |written |story |reporting |text )?by\s*:?\s+", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "Jane Doe | Updated 5:30 PM", "Joshua Sokol May 20, 2019", "Jane Doe, Published 2 hours ago":
# a byline runs on into the page's date line.
_TAIL = re.compile(
    rf"(?i)\s*(?:\||•|·|—|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+{_MONTH}|\d{{1,2}}:\d{{2}}|"
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}|\b(?:19|20)\d\d\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b).*$"
)
# Roles written after a name: "Jane Doe, Senior Correspondent", "Sam Roe, Washington Bureau Chief".
_ROLE = re.compile(
    r"(?i)\b(?:(?:staff|senior|chief|deputy|political|foreign|health|science|business|sports?|"
    r"investigations?|technology|tech|news|national|international|washington|bureau|special|"
    r"contributing|associate|managing|executive)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|chief|"
    r"analyst|critic)s?\b.*$"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*")
# A person's name: two to four capitalised words ("Mary-Jane O'Neil", "Gary J. Graves").
# A nickname may stand between: "Richard (R.J.) Eskow", 'Harold "Bud" Light'.
_PERSON = re.compile(r"^(?:[A-Z][\w'’.-]*\s+(?:[(\"“][\w. ]+[)\"”]\s+)?){1,3}[A-Z][\w'’-]+$")
# A column name before the byline: "Deal Professor By STEVEN DAVIDOFF SOLOMON".
_LATE_BY = re.compile(r"^.*?\sBy:?\s+(?=[A-Z])")
# An outlet in capitals after a name ("By Gary Graves, USA TODAY"), not a reporter.
_OUTLET = re.compile(r"(?i)\b(?:today|news|times|post|press|wire|daily|herald|journal|magazine)\b")
# Syndication and partnership lines at the end of a story: "This story was originally published by
# Grist", "This article originally appeared on The Atlantic", "This article is republished from The
# Conversation under a Creative Commons license", "produced in partnership with ProPublica".
_PARTNER = re.compile(
    r"(?i)^(?:(?:this|a version of this)\s+(?:story|article|piece|report|post)\s+"
    r"(?:was\s+|is\s+|has been\s+)?"
    r"(?:(?:originally|first)\s+(?:published|appeared|ran)\s+(?:by|on|in|at)|"
    r"(?:republished|reprinted|reproduced)\s+(?:with permission\s+)?from|"
    r"(?:produced|reported|published)\s+in\s+(?:partnership|collaboration)\s+with)|"
    r"(?:republished|reprinted|reproduced)\s+(?:here\s+)?with permission\s+(?:from|of))"
    r"\s+(?P<who>.+)$"
)
_WHEN = re.compile(rf"(?i)\d|\b(?:{_MONTH}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$")
# Where the outlet's name ends: "Futurism. Read the original article.", "... under a licence".
_PARTNER_TAIL = re.compile(
    r"\.(?:\s|$)|,|;|\s+(?:under|and is|as part of|to|for|on|at|with permission)\b|\s+\(", re.I
)
# "Jane Doe and Sam Roe contributed to this report", "Additional reporting by Jane Smith in Kyiv".
_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")


def read_reporting(
    byline: str, credit_lines: Iterable[str] = (), partners: Iterable[str] = ()
) -> Reporting:
    """Authors from the byline; agencies wherever they appear; other credited names as contributors;
    `partners` are the outlets that first published the story (read_partner_credit).

    A name a credit line gives as a contributor ("Sam Roe contributed to this report") is not an
    author even when a page's metadata lists it beside the byline."""
    contributors: list[str] = []
    agencies: list[str] = []
    for line in credit_lines:
        for name in contributor_names(line):
            (agencies if is_agency(name) else contributors).append(name)
    authors: list[str] = []
    for name in byline_names(byline):
        (agencies if is_agency(name) else authors).append(name)
    credited = {n.lower() for n in contributors}
    authors = [n for n in authors if n.lower() not in credited]
    return Reporting(
        authors=_unique(authors),
        contributors=_unique(n for n in contributors if n not in authors),
        agencies=_unique(agencies),
        partners=_unique(p for p in partners if p not in agencies),
    )


def read_partner_credit(line: str) -> str | None:
    """The outlet a syndication or partnership line credits: "This story was originally published
    by Grist." -> "Grist"; None when the line is not one."""
    line = " ".join(line.split())
    if len(line) > 200:
        return None
    match = _PARTNER.match(line)
    if not match:
        return None
    who = _PARTNER_TAIL.split(match["who"])[0].strip(" .,;:")
    named = who and len(who.split()) <= 6 and who[0].isupper()
    # "This article was first published on Monday": a day, not an outlet.
    return who if named and not _WHEN.search(who) else None


def byline_names(byline: str) -> list[str]:
    """The people and agencies a byline names: "By Jane Doe and Sam Roe, AP" -> three names."""
    text = _TAIL.sub("", _BY.sub("", _LATE_BY.sub("", " ".join(byline.split()))))
    names: list[str] = []
    for part in _SEPARATORS.split(text):
        part = _BY.sub("", _ROLE.sub("", part)).strip(" .,-–—:")
        if is_agency(part) or _PERSON.match(part) and not part.isupper():
            names.append(part)
        elif _PERSON.match(part) and not names and not _OUTLET.search(part):
            names.append(_title_case(part))  # "JOE HILDEBRAND": a byline set in capitals
    return names


def contributor_names(credit: str) -> list[str]:
    """The names in a reporting credit's "who": "Jane Doe and Sam Roe in London" -> two names."""
    text = _PLACE.sub("", " ".join(credit.split()))
    parts = [_PLACE.sub("", p).strip(" .,") for p in _SEPARATORS.split(text)]
    names = [p for p in parts if is_agency(p) or _PERSON.match(p)]
    return names or ([text] if text else [])


def is_agency(name: str) -> bool:
    return bool(_AGENCY.match(name.strip()))


def _title_case(name: str) -> str:
    """ "JOE HILDEBRAND" -> "Joe Hildebrand", keeping "O'Neil" and "Mary-Jane" shapes."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group().capitalize(), name.lower())


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))
