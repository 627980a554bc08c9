"""Photo captions and their credits as newsrooms write them, split apart; reporting credit lines."""

from __future__ import annotations

import re

from news60.models import Photo

# A person's name as credited: "Chang W. Lee", "Ãngel Franco", "Patrick Semansky", "Mary-Jo O'Neil".
_PERSON = (
    r"[A-Z\u00C0-\u024F][\w'’.-]+(?:\s+[A-Z]\.)*"
    r"(?:\s+(?:van|de|von|da|del|di|le|la|bin|al|dos|du)\b)*\s+[A-Z\u00C0-\u024F][\w'’-]+"
)
# Agencies and picture desks that appear bare in credits ("... Thursday. Reuters", "(AP)").
_AGENCY = (
    r"(?:AP|AFP|EPA|EPA-EFE|PA|Reuters|REUTERS|Getty|Shutterstock|Alamy|Rex|Sipa|Zuma|ZUMA|ABACA|"
    r"Xinhua|Bloomberg|NurPhoto|Anadolu|SOPA|Pool|POOL|Handout|HANDOUT|Supplied|AAP|Kyodo|Yonhap|dpa|UPI|"
    r"NASA|Associated Press|Press Association|Agence France-Presse|European Pressphoto Agency)"
)
# Words that introduce a credit: "Credit:", "Photograph:", "Photo by", "Image copyright", "©".
_LABEL = (
    r"(?:(?i:photo(?:graph)?s?\s+by|pictures?\s+by|image\s+by|(?:photo|image|picture)\s+credits?|"
    r"image\s+copyright|copyright|credits?|photo(?:graph|graphy)?s?|pictures?|image\s+source|"
    r"source|courtesy(?:\s+of)?)|Image|©)"
)
# What makes a trailing phrase a credit rather than more caption: a slash, "via", "for The
# New York Times", an agency, "Getty Images", "AP Photo".
_MARKER = re.compile(
    rf"/|\bvia\b|\bfor\s+(?:The\s+)?[A-Z]|\b{_AGENCY}\b|\b(?:Images|Photos?|Pictures)\b|©|^Courtesy\b"
)
_TRAILING = (
    # "... | Patrick Semansky/AP Photo", "... • Getty Images"
    re.compile(r"^(?P<caption>.*?)\s+[|•]\s*(?P<credit>[^|•]+)$"),
    # "... (AP Photo/Alan Diaz, File)", "(Credit: AP/Manuel Balce Ceneta)", "(Reuters)"
    re.compile(r"^(?P<caption>.*?)\s*[(\[](?P<credit>[^()\[\]]+)[)\]]\.?$"),
    # "... Photograph: Guy Smallman/Getty Images", "Credit Chang W. Lee/The New York Times",
    # "Credit... Doug Mills", "Photo by James Martin/CNET", "Image copyright Reuters", "© AFP"
    re.compile(
        rf"^(?P<caption>(?:.*?[^\w\s]|.*?(?=\s{_LABEL}\s*(?::|\.\.\.|…)))?)\s*"
        rf"(?P<credit>(?<!\w){_LABEL}(?:\s*(?::|\.\.\.|…)\s*|\s+(?=[A-Z@©]))[^:]{{2,100}})$"
    ),
    # "... Thursday. Anthony Wallace / AFP - Getty Images", "... Queens. Kirsten Luce for The
    # New York Times", "... Susan Walsh via PA Images" (a sentence, then a credit)
    re.compile(r"^(?P<caption>.*[.!?\"”’)])\s+(?P<credit>[A-Z@][^.!?]*(?:[A-Z]\.[^.!?]*)*)$"),
    # "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters": a name and a slash, no full stop
    re.compile(rf"^(?P<caption>.*\S)\s+(?P<credit>{_PERSON}\s*/\s*[A-Z][\w .&'’/-]*)$"),
    # "... Mikhail Klimentyev via PA Images", "... Handout via Reuters"
    re.compile(
        rf"^(?P<caption>.*\S)\s+(?P<credit>(?:{_PERSON}|{_AGENCY})\s+via\s+[A-Z][\w.]*"
        r"(?:\s+[A-Z][\w.]*)?(?:\s+(?i:images|photos?|pictures))?)$"
    ),
    # "... Getty Images", "... AFP", "... Reuters file"
    re.compile(
        rf"^(?P<caption>.*\S)\s+(?P<credit>(?:{_AGENCY}(?:\s+(?i:images|photos?|pictures))?|"
        r"[A-Z]\w+\s+(?i:images))(?:\s+file)?)$"
    ),
)
# "Image copyright Reuters Image caption Kenya is getting ready" (the BBC: credit first).
_LEADING = re.compile(
    rf"^(?P<credit>{_LABEL}\s*[:,]?\s*.+?)\s+(?i:image\s+caption|caption)\s*[:,]?\s+(?P<caption>.+)$"
)
# "Image caption, Kenya is getting ready" (BBC), "Caption: ..."
_CAPTION_ONLY = re.compile(r"^(?i:image caption|caption)\s*[:,]?\s+(?P<caption>.+)$")
# Labels removed from a credit; "Courtesy of the family" keeps its words (they are the credit).
_LABEL_PREFIX = re.compile(rf"^(?:\s*(?!(?i:courtesy)){_LABEL}\s*(?::|\.\.\.|…)?\s*)+(?=\S)")
# "..., File" and "Reuters file": AP's mark for an archive photo, not part of the credit.
_FILE = re.compile(r"(?i)(?:\s*[,/]\s*|\s+)file(?:\s+photo)?\s*$")
_SENTENCE_END = re.compile(r"[.!?\"”’]$")
_RIGHTS = re.compile(
    r"(?i)all rights reserved|\b(?:19|20)\d\d\b.*\b(?:inc|llc|ltd|limited|company)\b"
)
_TAGGED_CAPTION = re.compile(r"^(?P<tags>(?:\S+ ){2,}?)(?P<start>[A-Z][\w'’-]* [a-z])")
_MAX_CREDIT_WORDS = 12  # "AP/Manuel Balce Ceneta/Photo montage by Salon" is 8


def split_credit(text: str) -> tuple[str, str]:
    """A caption as a page shows it, split into (caption, credit); credit "" when none is found."""
    text = " ".join(text.split())
    if not text:
        return "", ""
    leading = _LEADING.match(text)
    if leading and _plausible_credit(clean_credit(leading["credit"])):
        return _tidy_caption(leading["caption"]), clean_credit(leading["credit"])
    only = _CAPTION_ONLY.match(text)
    if only:
        return _tidy_caption(only["caption"]), ""
    if _LABEL_PREFIX.match(text) and _plausible_credit(clean_credit(text)):
        return "", clean_credit(text)  # the whole text is a credit: "Photograph: Susan Walsh/AP"
    for pattern in _TRAILING:
        match = pattern.match(text)
        if match and _credit_like(match["credit"], pattern):
            caption, credit = _undouble(match["caption"].strip(), clean_credit(match["credit"]))
            return _tidy_caption(caption), credit
    return text, ""


def clean_credit(credit: str) -> str:
    """A credit without wrapper, label or archive mark: "(Credit: AP Photo/Alan Diaz, File)" ->
    "AP Photo/Alan Diaz"."""
    credit = " ".join(credit.split()).strip(" .,;:()[]|•–—-")
    credit = _LABEL_PREFIX.sub("", credit)
    credit = _FILE.sub("", credit).strip(" .,;:()[]|•–—-")
    credit = re.sub(r"^courtesy\b", "Courtesy", credit)  # "Photo courtesy of NASA"
    credit = re.sub(r"\bIMages\b", "Images", credit)  # copy-pasted "PA IMages"
    return re.sub(r"\s*/\s*", "/", credit)


def read_caption(line: str) -> Photo | None:
    """A Photo(src=None) when a line of page text is a photo caption ending in a credit, else None."""
    line = " ".join(line.split())
    if len(line) > 400 or _RIGHTS.search(line) or read_reporting_credit(line):
        return None
    only = _CAPTION_ONLY.match(line)
    if only:
        return Photo(src=None, caption=_tidy_caption(only["caption"]), credit="")
    if _SENTENCE_END.search(line):  # a line of prose, not a caption with its credit
        return None
    caption, credit = split_credit(line)
    if not credit or not _scrape_credit(line, credit):
        return None
    return Photo(src=None, caption=caption, credit=credit)


def _credit_like(credit: str, pattern: re.Pattern[str]) -> bool:
    """A credit names someone briefly; bare tails and parentheses must also look like one."""
    cleaned = clean_credit(credit)
    if not _plausible_credit(cleaned):
        return False
    if pattern is _TRAILING[2] or pattern is _TRAILING[0]:
        return True  # a label or a separator says so
    if (
        pattern is _TRAILING[1]
    ):  # "(left)" or "(2019)" are not credits; "(AP)" and "(Credit: X)" are
        return bool(_MARKER.search(credit) or _LABEL_PREFIX.match(credit))
    return bool(_MARKER.search(credit))


def _scrape_credit(line: str, credit: str) -> bool:
    """In scraped text a credit must be marked (a label, "via", a slash or an agency): a plain
    trailing name is too often the end of a headline."""
    return bool(_MARKER.search(credit) or re.search(rf"\b{_LABEL}\s*(?::|\.\.\.|…)", line))


def _plausible_credit(credit: str) -> bool:
    """A credit names someone: short, no sentence inside it, not a year or a lone word in lower case."""
    words = credit.split()
    return (
        1 <= len(words) <= _MAX_CREDIT_WORDS
        and (credit[0].isupper() or credit[0] in "@©")
        and not re.match(r"\d{4}", credit)
        and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", credit)
    )


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
    return " ".join(caption.split()).strip(" |•-–—,;:(©")


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
