"""Recognise inline photo captions with credits, and reporting credits, in lines of page text."""

from __future__ import annotations

import re

from news60.models import Photo

_NAME = r"[A-Z][\w'’-]*(?: [A-Z]\.)?(?: (?:van |de |von |da )?[A-Z][\w'’-]*)"
_AGENCY = r"(?:PA|AP|AFP|EPA|Getty|Reuters|Shutterstock|Alamy|Rex|Sipa|Zuma|ABACA|Xinhua)"
_KEYWORD = r"(?i:(?:image |photo )?credits?|photo(?:graph)?s?(?: by)?|pictures?|image|source)"

# Each pattern captures the caption before the credit and the credit itself, at the end of a line.
_TRAILING_CREDITS = (
    # "… Mikhail Klimentyev via PA Images" (also "PA IMages" and similar copy-paste casing)
    re.compile(
        rf"^(?P<caption>.*)\s(?P<credit>{_NAME} via [A-Z][\w.]*(?: [A-Z][\w.]*)? (?i:images?))$"
    ),
    # "… (AP Photo/Evan Vucci)", "(Image credit: NASA)", "(credit: NASA/Jude Guidry)"
    re.compile(r"^(?P<caption>.*?)\s*\(\s*(?P<credit>(?:AP|AFP|Reuters|EPA) Photos?\s*/[^()]+)\)$"),
    re.compile(rf"^(?P<caption>.*?)\s*\(\s*{_KEYWORD}\s*:?\s*(?P<credit>[^()]+)\)$"),
    # "… Photograph: Susan Walsh/AP", "Credit: X for The New York Times", "Credit... Doug Mills/NYT"
    re.compile(rf"^(?P<caption>.*?)\s*\b{_KEYWORD}(?:\s*:|\.\.\.|…)\s*(?P<credit>[^:]{{2,80}})$"),
    # "Demonstrators in Cairo. Credit Ashraf Shazly/Agence France-Presse — Getty Images"
    re.compile(
        r"^(?P<caption>(?:.*[.!?])?)\s*\b(?:Credit|Photo(?:graph)?(?: by)?)\s+"
        r"(?P<credit>[A-Z][^:]{2,80})$"
    ),
    # "Image copyright EPA", "© AFP", "© REUTERS / POOL"
    re.compile(r"^(?P<caption>.*?)\s*(?:(?i:image copyright)|©)\s*(?P<credit>[^©]{2,60})$"),
    # "… Austria. Leonhard Foeger / Reuters file", "… ( STEVE GSCHMEISSNER/SCIENCE PHOTO LIBRARY)"
    re.compile(
        r"^(?P<caption>.*?[.!?])\s*\(?\s*(?P<credit>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
        r"\s*/\s*[A-Z][\w .-]{1,40})\)?$"
    ),
    re.compile(rf"^(?P<caption>.*[^.!?])\s+(?P<credit>{_AGENCY}(?: Images)?(?: file)?)$"),
)
_CAPTION_ONLY = re.compile(r"^(?i:image caption|caption)\s*:?\s+(?P<caption>.+)$")
_SENTENCE_END = re.compile(r"[.!?\"”’]$")
_RIGHTS = re.compile(
    r"(?i)all rights reserved|\b(?:19|20)\d\d\b.*\b(?:inc|llc|ltd|limited|company)\b"
)
_TAGGED_CAPTION = re.compile(r"^(?P<tags>(?:\S+ ){2,}?)(?P<start>[A-Z][\w'’-]* [a-z])")

_DATELINE = re.compile(
    r"^(?:[A-Z][\w .,'’-]{0,40})?\((?P<who>AP|AFP|Reuters|PA|Bloomberg|UPI|dpa|Xinhua|CNN)\)"
    r"\s*[—–-]"
)
# Reuters-style credit lines run on: "X, Y, with reporting by Z, editing by W".
_CREDIT_TAIL = re.compile(
    r";|,?\s+(?:with )?(?:additional )?(?:reporting|editing|writing) by", re.I
)
_REPORTING = (
    re.compile(r"(?i)^with (?:additional )?reporting (?:from|by)\s*(?P<who>.+?)\.?$"),
    re.compile(r"(?i)^(?:additional )?reporting by\s+(?P<who>.+?)\.?$"),
    re.compile(r"(?i)^\(?reporting by (?P<who>[^;)]+)[;)].*$"),
    re.compile(r"^(?P<who>.+?) contributed (?:to this report|reporting|to this story)\.?$"),
)


def read_dateline_credit(paragraph: str) -> str | None:
    """The agency in a dateline such as "WASHINGTON (AP) —" or "(Reuters) -"."""
    match = _DATELINE.match(paragraph)
    return match["who"] if match else None


def read_caption(line: str) -> Photo | None:
    """A Photo(src=None) when the line is a photo caption ending in a credit, else None."""
    line = line.strip()
    if len(line) > 400 or _RIGHTS.search(line) or read_reporting_credit(line):
        return None
    only = _CAPTION_ONLY.match(line)
    if only:
        return Photo(src=None, caption=_tidy_caption(only["caption"]), credit="")
    if _SENTENCE_END.search(line):
        return None
    for pattern in _TRAILING_CREDITS:
        match = pattern.match(line)
        if match and _plausible_credit(match["credit"]):
            caption, credit = _undouble(match["caption"].strip(), _tidy_credit(match["credit"]))
            return Photo(src=None, caption=_tidy_caption(caption), credit=credit)
    return None


def split_credit(text: str) -> tuple[str, str]:
    """Split a figure caption into (caption, credit); the credit is "" when none is recognised."""
    photo = read_caption(" ".join(text.split()))
    if photo is None:
        return " ".join(text.split()), ""
    return photo.caption, photo.credit


def read_reporting_credit(line: str) -> str | None:
    """The agency or reporter named by a reporting credit line, such as "AFP" or "Reuters"."""
    line = " ".join(line.split())
    if len(line) > 160:
        return None
    for pattern in _REPORTING:
        match = pattern.match(line)
        if match:
            who = _CREDIT_TAIL.split(match["who"])[0]
            who = re.sub(r"[©–—-]|\b(?:19|20)\d\d\b|\bthe\b", " ", who, flags=re.I)
            who = " ".join(who.split()).strip(" .,;:()")
            return who or None
    return None


def _plausible_credit(credit: str) -> bool:
    """A credit names someone: short, no sentence inside it."""
    credit = credit.strip(" –—-")
    words = credit.split()
    return (
        1 <= len(words) <= 10
        and (credit[0].isupper() or credit[0] == "@")
        and not re.match(r"\d{4}", credit)
        and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", credit)
    )


def _tidy_credit(credit: str) -> str:
    """Normalise spacing and copy-paste casing such as "PA IMages"."""
    credit = " ".join(credit.split()).strip(" .,;:()")
    credit = re.sub(r"(?i)\bimages\b", "Images", credit)
    return re.sub(r"\s*/\s*", "/", credit)


def _undouble(caption: str, credit: str) -> tuple[str, str]:
    """Drop a repeated credit, and the tag words that come with it in copy-pasted captions."""
    if not caption.endswith(credit):
        return caption, credit
    caption = caption[: -len(credit)].strip()
    tagged = _TAGGED_CAPTION.match(caption)
    if tagged and _looks_like_tags(tagged["tags"].split(), caption[tagged.start("start") :]):
        caption = caption[tagged.start("start") :]
    return caption, credit


def _looks_like_tags(tags: list[str], rest: str) -> bool:
    """CMS tag words: codes such as "G20", acronyms, or names the caption repeats."""
    return any(re.search(r"\d", t) or t.isupper() or t in rest.split() for t in tags)


def _tidy_caption(caption: str) -> str:
    """Trim separators left between caption and credit."""
    return " ".join(caption.split()).strip(" |-–—,;:(")
