"""Print clutter out: datelines, agency and station tags, brackets, list markers, page labels.
Each rule returns the new text and what it did; the words a rule drops are noted so the
faithfulness gate can tell a dropped aside from a lost fact."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from news60.language import Profile
from news60.script.broadcast.grammar import (
    bare,
    capitalise,
    ended,
    inside_quote,
    opens_clause,
    verb_within,
)
from news60.script.faithfulness import PARTIES, said_in_full
from news60.script.sentences import LIST_MARKER

_DASH = r"(?:--|—|–|-)"
# A station or agency tag in brackets, with or without a dash after it: "(WSVN) -", "(AP) —".
_TAG = r"\((?:[A-Z][A-Za-z&.]{1,9}(?:[ /][A-Z][A-Za-z&.]{1,9})?)\)"
# "SAN FRANCISCO (AP) —", "Kabul, Afghanistan (CNN) --", "(Reuters) -": a tag and its dash,
# perhaps after a place; "(CNN) The ..." at the very start needs no dash.
_TAGGED_DATELINE = re.compile(
    rf"^(?:(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){{0,4}}\s+)?{_TAG}\s*{_DASH}|{_TAG})\s*(?=[A-Z0-9“\"‘'])"
)
# "LONDON —", "SEOUL, South Korea —": a place in capitals, then a dash.
_CAPS_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’-]{{2,}}(?:[ ,]+[A-Z][\w.'’-]*){{0,4}}\s*{_DASH}\s+(?=[A-Z0-9“\"‘'])"
)
# "Indianapolis – A man ...": a place in title case and a dash, in the story's first sentence only.
_PLACE_DATELINE = re.compile(
    rf"^[A-Z][a-z.'’-]+(?:[ ,]+[A-Z][\w.'’-]*){{0,3}}\s+{_DASH}\s+(?=[A-Z0-9“\"‘'])"
)
_STATION_TAG = re.compile(rf"\s*{_TAG}\s*{_DASH}\s*")
_BRACKETED = re.compile(r"\s*\(([^()]{1,300})\)|\s*\[([^\[\]]{0,120})\]")
_HASHTAG = re.compile(r"(?<![\w&])#(?=[A-Za-z]\w)")
# "Lesson #1", "the #2 seed": a number sign, which the voice reads "hash" or "pound".
_NUMBER_SIGN = re.compile(r"(?<![\w&#])#(?=\d)")
_HANDLE = re.compile(r"\s*\(?@\w{2,30}\)?(?=[\s,.;:!?]|$)")
# Words that mark a bracket as a pointer at the page, never as part of the story.
_PAGE_ASIDES_WORDS = (
    "pictured left right centre center above below top bottom inset file photo picture video "
    "see main image images watch listen audio graphic map opens new tab window"
)
_PAGE_ASIDES = frozenset(_PAGE_ASIDES_WORDS.split())
# "(R-Texas)", "(D-N.Y.)": a US politician's party and state.
_PARTY = re.compile(r"^([RDI])-([A-Z][\w. ]{1,20})$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.]{1,9}s?$")
_NUMBER_START = re.compile(
    r"^(?:about |around |roughly |some |nearly |almost |up to |over |~)?[£$€¥]?\d"
)
EDITORS_WORDS = 3  # a bracket in a quote this short is an editor's word for the speaker's
ASIDE_WORDS = 6  # a bracketed phrase this short is said as a comma aside; longer ones are dropped


@dataclass(frozen=True)
class Cleaned:
    """A sentence after one rule: its text, notes on what changed, the words dropped, and any
    sentence the rule took out of it to be said after it (a bracketed clause)."""

    text: str
    notes: tuple[str, ...] = ()
    dropped: str = ""
    after: tuple[str, ...] = ()


Rule = Callable[[str, Profile, bool], Cleaned]


def drop_dateline(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "SAN FRANCISCO (AP) — A man ..." -> "A man ..."; a title-case place only in the first
    sentence, where a dateline stands ("Indianapolis – Police ...")."""
    patterns = [_TAGGED_DATELINE, _CAPS_DATELINE] + ([_PLACE_DATELINE] if first else [])
    for pattern in patterns:
        match = pattern.match(text)
        if match and len(match.group(0).split()) <= 8:
            rest = capitalise(text[match.end() :])
            return Cleaned(rest, (f"dropped the dateline “{match.group(0).strip()}”",), match[0])
    return Cleaned(text)


def drop_station_tags(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "police said (WSVN) - the driver" -> "police said the driver"."""
    found = _STATION_TAG.findall(text)
    if not found:
        return Cleaned(text)
    tags = ", ".join(f"“{t.strip()}”" for t in found)
    return Cleaned(
        _STATION_TAG.sub(" ", text).strip(), (f"dropped the tag {tags}",), " ".join(found)
    )


def drop_list_marker(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "- The council voted ..." or "2. The council ..." -> "The council ..."."""
    match = LIST_MARKER.match(text)
    if not match:
        return Cleaned(text)
    return Cleaned(text[match.end() :], (f"dropped the list marker “{match.group(0).strip()}”",))


def drop_page_labels(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "WATCH: The moment ..." -> "The moment ..."; "... Read more here." dropped."""
    found = [m.group(0).strip() for m in profile.furniture.finditer(text)]
    if not found:
        return Cleaned(text)
    cleaned = capitalise(profile.furniture.sub(" ", text).strip())
    if len(cleaned.split()) < 3:
        return Cleaned(text)
    labels = ", ".join(f"“{f}”" for f in found)
    return Cleaned(ended(cleaned), (f"dropped the page label {labels}",), " ".join(found))


def drop_handles(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "#MeToo" is said as "MeToo"; a bracketed "(@handle)" is dropped."""
    handles = [h.strip() for h in _HANDLE.findall(text) if h.strip().startswith("(")]
    new = _HASHTAG.sub("", text)
    for handle in handles:
        new = new.replace(" " + handle, "").replace(handle, "")
    if new == text:
        return Cleaned(text)
    return Cleaned(new, ("dropped the hashtag and handle marks",), " ".join(handles))


def say_number_sign(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "Lesson #1 about Uber" -> "Lesson number 1 about Uber"."""
    new = _NUMBER_SIGN.sub("number ", text)
    if new == text:
        return Cleaned(text)
    return Cleaned(new, ("said the number sign “#” as “number”",))


def say_party_tag(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "Rep. Ilhan Omar, D-Minn., said" (AP style, between commas) -> "Rep. Ilhan Omar, a
    Minnesota Democrat, said"; the bracketed tag is unbracket's."""
    places = set(profile.party_places.values())

    def said(match: re.Match[str]) -> str:
        return f", a {match[2]} {PARTIES[match[1]]},"

    pattern = re.compile(r",\s+([RDI])-([A-Z][\w. ]{1,20}?),")
    found = [m for m in pattern.finditer(text) if m[2] in places]
    if not found:
        return Cleaned(text)
    new = pattern.sub(lambda m: said(m) if m[2] in places else m[0], text)
    return Cleaned(new, tuple(f"said the party tag “{m[0].strip(', ')}” in words" for m in found))


def unbracket(text: str, profile: Profile, first: bool) -> Cleaned:
    """No bracket is read aloud: conversions and page pointers go, an acronym becomes ", or X,",
    a party tag ", a Texas Republican,", a short aside a comma aside, a bracketed clause its own
    sentence after this one, and an editor's "[that]" loses its brackets."""
    notes: list[str] = []
    dropped: list[str] = []
    after: list[str] = []

    def replace(match: re.Match[str]) -> str:
        if match.group(2) is not None:
            return _editors_brackets(match, notes, dropped)
        inside = match.group(1).strip()
        # "the Chinese government and the (party) to consolidate ...": within a quote, a word
        # in round brackets is an editor's, standing in for what the speaker said.
        if inside_quote(text, match.start()) and len(inside.split()) <= EDITORS_WORDS:
            notes.append(f"said the editor's “({inside})” without its brackets")
            return match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())] + inside
        before = text[: match.start()]
        if _name_in_name(inside, before, text[match.end() :]):
            notes.append(f"dropped the other name “({inside})” inside a name")
            dropped.append(inside)
            return ""
        at_end = match.end() >= len(text.rstrip(".!?")) - 1
        if at_end and not before.strip() and verb_within(inside.split(), profile, 99) is not None:
            # "(Cooke's clients include Boeing, ...)": a whole sentence in brackets is said
            # as a sentence; left out, its line would be empty.
            notes.append("said the sentence in brackets without them")
            return ended(capitalise(inside))
        said, note, lost, own = _aside(inside, before, at_end, profile)
        notes.append(note)
        dropped.append(lost)
        after.extend(own)
        return said

    new = _BRACKETED.sub(replace, text)
    if not notes:
        return Cleaned(text)
    new = re.sub(r"\s+([,.;:!?])", r"\1", new)
    new = re.sub(r",(\s*[,.;:!?])", r"\1", new)
    return Cleaned(new.strip(), tuple(notes), " ".join(d for d in dropped if d), tuple(after))


def _editors_brackets(match: re.Match[str], notes: list[str], dropped: list[str]) -> str:
    """ "[that]" -> "that"; "[...]" (words left out) and "[sic]" (the speaker's own error, kept)
    -> nothing: neither was said."""
    inside = match.group(2).strip()
    lead = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
    if not inside.strip(".… "):
        notes.append("dropped the editor's “[…]”")
        return ""
    if inside.strip(".! ").lower() == "sic":
        notes.append("dropped the editor's “[sic]”")
        dropped.append(inside)
        return ""
    notes.append(f"said the editor's “[{inside}]” without its brackets")
    return lead + inside


def _aside(
    inside: str, before: str, at_end: bool, profile: Profile
) -> tuple[str, str, str, list[str]]:
    """What a bracketed aside becomes: (text said in its place, note, words dropped, sentences
    said after the one it stood in)."""
    words = inside.split()
    if _is_conversion(inside, before, profile):
        return "", f"dropped the conversion “({inside})”", inside, []
    if all(bare(w) in _PAGE_ASIDES for w in words):
        return "", f"dropped the page pointer “({inside})”", inside, []
    if _ACRONYM.match(inside):
        return f", or {inside},", f"said the acronym “({inside})” as “or {inside}”", "", []
    party = _PARTY.match(inside)
    if party:
        state = profile.party_places.get(party[2].strip(), party[2].strip())
        said = f", a {state} {PARTIES[party[1]]},"
        return said, f"said the party tag “({inside})” in words", "", []
    if opens_clause(inside, profile) and len(words) >= 5:
        own = ended(capitalise(inside))
        return "", f"made the bracketed clause “({inside})” a sentence of its own", "", [own]
    if len(words) <= ASIDE_WORDS and not at_end:
        return f", {inside},", f"said the aside “({inside})” between commas", "", []
    if len(words) <= ASIDE_WORDS:
        return f", {inside}", f"said the aside “({inside})” after a comma", "", []
    return "", f"dropped the aside “({inside})”", inside, []


def _name_in_name(inside: str, before: str, after: str) -> bool:
    """ "Kauri (Te Kaurinui Robert) Parata": a full or other name inside a name, said between
    commas it sounds like a list of three people."""
    words = inside.split()
    last_before, first_after = before.split()[-1:], after.split()[:1]
    capitals = all(w[:1].isupper() for w in words) and not _ACRONYM.match(inside)
    around = bool(last_before and first_after) and (
        last_before[0][:1].isupper() and first_after[0][:1].isupper()
    )
    return capitals and around and len(words) <= NAME_WORDS


NAME_WORDS = 4  # "(Te Kaurinui Robert)": a name in brackets runs this long at most


def _is_conversion(inside: str, before: str, profile: Profile) -> bool:
    """ "3,200 miles (5,150 km)", "$1.5bn (£1.2bn)": the same amount in other units."""
    if not _NUMBER_START.match(inside) or len(inside.split()) > 5:
        return False
    unit = {bare(w) for w in re.split(r"[\s\d,.]+", inside) if w}
    stated_before = re.search(r"[\d£$€¥%]\S*(?:\s+\S+){0,2}\s*$", before) is not None
    money = inside.lstrip("~ ")[:1] in "£$€¥"
    return stated_before and (bool(unit & profile.measures) or money or "%" in inside)


def spell_out(text: str, profile: Profile, first: bool) -> Cleaned:
    """ "Oct. 25" -> "October 25": said in full, and its full stop never ends the sentence."""
    new = said_in_full(text, profile)
    return Cleaned(new, ("spelled out the abbreviation",) if new != text else ())


CLUTTER_RULES: tuple[Rule, ...] = (
    spell_out,
    drop_list_marker,
    drop_dateline,
    drop_station_tags,
    drop_page_labels,
    drop_handles,
    say_number_sign,
    say_party_tag,
    unbracket,
)
