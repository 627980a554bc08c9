"""The last resort for a lead no split brings under the limit: what colours it goes, what states
the news stays. Only phrases without a verb of their own are cut, so no statement is lost."""

from __future__ import annotations

import re

from news60.language import Profile
from news60.script.broadcast.grammar import (
    DASHED_ASIDE,
    PREPOSITIONS,
    TIME_OPENERS,
    bare,
    capitalise,
    ended,
    inside_aside,
    inside_quote,
    verb_within,
)

# Prepositions that order events ("after privately reporting the bug"): what they say is news.
_EVENT_ORDER = frozenset(["after", "before", "since", "until", "despite", "without"])
# ", their cries screeching through the air": an absolute phrase painting the scene.
_ABSOLUTE = re.compile(r",\s+(?:their|his|her|its|the)\s+[\w'’-]+\s+[a-z]+ing\b[^,;]*$")
# ", including 17 foreigners," or "board games including Love It Or Hate It and Who Put The
# Marmite In The Fridge": a list that details what was said before it.
_INCLUDING = re.compile(r",?\s+including\s+")
LISTED_WORDS = 5  # an item of a list runs this long at most, its capitalised words aside
# A trailing phrase after the last comma that holds no verb of its own.
_TAIL = re.compile(r",\s+(?P<tail>[^,;“”\"]+)$")


def trim_for_ear(text: str, profile: Profile, longest: int) -> tuple[str, list[str]]:
    """The sentence with verbless colour cut until it runs at most `longest` words, and notes
    saying what was cut; unchanged when nothing may be cut."""
    notes: list[str] = []
    for cut in (
        _cut_absolute,
        _cut_including,
        _cut_aside,
        _cut_dashed_aside,
        _cut_report,
        _cut_tail,
        _cut_places,
        _cut_examples,
        _cut_opening,
    ):
        while len(text.split()) > longest:
            shorter, note = cut(text.rstrip("."), profile)
            if shorter is None:
                break
            text, notes = ended(shorter), [*notes, note]
    return text, notes


def _cut_absolute(text: str, profile: Profile) -> tuple[str | None, str]:
    match = _ABSOLUTE.search(text)
    if not match or inside_aside(text, match.start()):
        return None, ""
    return text[: match.start()], f"cut the phrase “{match.group(0).strip(', ')}”"


def _cut_including(text: str, profile: Profile) -> tuple[str | None, str]:
    match = _INCLUDING.search(text)
    if not match or inside_aside(text, match.start()) or inside_quote(text, match.start()):
        return None, ""
    end = _list_end(text, match.end(), profile)
    if end is None:
        return None, ""
    listed, rest = text[match.start() : end], text[end:]
    # ", including 17 foreigners, in an assault": both commas go; before ", officials said"
    # the comma stays, closing what was said.
    if rest.startswith(",") and not _attribution(rest[1:], profile):
        rest = " " + rest[1:].lstrip()
    return text[: match.start()] + rest, f"cut the list “{listed.strip(', ')}”"


def _list_end(text: str, start: int, profile: Profile) -> int | None:
    """Where the list that starts at `start` ends: after the item its "and" or "or" joins on,
    or before a phrase that is no item (", in an assault"); None when its first item is no
    item: ", including a test ... where the engines will fire" is a clause, not colour."""
    end = None
    for item in re.finditer(r"[^,]+", text[start:]):
        if not _an_item(item.group(0), profile):
            return end
        end = start + item.end()
        if re.search(r"\b(?:and|or)\b", item.group(0)):
            return end
    return end


def _an_item(item: str, profile: Profile) -> bool:
    """An item of a list: a few words with no verb, not opening on a preposition (a
    capitalised title's words may be any: "Who Put The Marmite In The Fridge")."""
    every = item.split()
    if not every or bare(every[0]) in PREPOSITIONS:
        return False
    words = [w for w in every if not w[:1].isupper()]
    return len(words) <= LISTED_WORDS and verb_within(words, profile, len(words)) is None


def _attribution(rest: str, profile: Profile) -> bool:
    """ "officials in the capital said": a short clause that names who said the sentence."""
    words = [bare(w) for w in rest.split()]
    said = profile.reporting_forms
    return len(words) <= ATTRIBUTION_WORDS and any(w in said for w in words)


ATTRIBUTION_WORDS = 8  # an attribution after the list is short: "officials in the capital said"


def _cut_report(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "..., the National Transportation Safety Board said Thursday in a detailed report on the
    wayward flight." -> "..., the ... Board said Thursday.": where a closing attribution says
    it was said (a report, a statement) is colour; who said it and when stay."""
    match = _REPORTED_IN.search(text)
    if not match or inside_aside(text, match.start()):
        return None, ""
    if bare(match["verb"]) not in profile.reporting_forms:
        return None, ""
    who, where = match["who"].split(), match["where"].split()
    if len(who) > ATTRIBUTION_WORDS or any(ch.isdigit() for ch in match["where"]):
        return None, ""  # "in a report on 17 deaths": a number in it is news
    plain = [w for w in where if not bare(w).endswith("ed")]  # "detailed" describes the report
    relative = any(bare(w) in _RELATIVES for w in where)
    if relative or verb_within(plain, profile, len(plain)) is not None:
        return None, ""  # "in a statement that blamed the pilots": a clause, what was said
    return text[: match.start("where")].rstrip(), f"cut the phrase “{match['where']}”"


# ", <who> said [Thursday] in a detailed report on ..." closing the sentence.
_REPORTED_IN = re.compile(
    r",\s+(?P<who>[^,;“”\"]+?)\s+(?P<verb>[a-z]+)(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+yesterday)?"
    r"\s+(?P<where>(?:in|on)\s+(?:a|an|its|their|his|her)\s+[^,;“”\"]+)$"
)


def _cut_tail(text: str, profile: Profile) -> tuple[str | None, str]:
    match = _TAIL.search(text)
    if not match or inside_aside(text, match.start()):
        return None, ""
    tail = match["tail"].split()
    if verb_within(tail, profile, len(tail)) is not None or len(text[: match.start()].split()) < 8:
        return None, ""
    if bare(tail[0]) not in PREPOSITIONS - {"of"} | TIME_OPENERS:
        return None, ""  # "..., but this isn't the case", "..., Grand Forks and Jamestown": news
    if any(ch.isdigit() for ch in match["tail"]) or any(
        re.fullmatch(r"[a-z]{3,}ing", bare(w)) for w in tail[1:]
    ):
        return None, ""  # ", with nearly 50 per cent of shareholders voting against": what happened
    events = bare(tail[0]) in _EVENT_ORDER
    if events and any(re.fullmatch(r"[a-z]{3,}ing", bare(w)) for w in tail):
        return None, ""  # "..., after privately reporting the bug": a clause, what happened
    return text[: match.start()], f"cut the closing phrase “{match['tail']}”"


def _cut_places(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "... of the Fargo Catholic Diocese in North Dakota has exposed hundreds of church members
    in Fargo, Grand Forks and Jamestown to ..." -> "... church members to ...": a list of towns
    after a noun is detail once the sentence has said where (the region named before it)."""
    match = _PLACE_LIST.search(text)
    if not match or inside_aside(text, match.start()):
        return None, ""
    if not re.search(r"\bin\s+[A-Z]", text[: match.start()]):
        return None, ""  # the list is the only "where" the sentence says: it stays
    return text[: match.start()] + text[match.end() :], f"cut the places “{match['places']}”"


_PLACE = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
# " in Fargo, Grand Forks and Jamestown" before a word in lower case: two or more places listed.
_PLACE_LIST = re.compile(
    rf"(?<=[a-z])\s+in\s+(?P<places>{_PLACE}(?:,\s+{_PLACE})*,?\s+and\s+{_PLACE})(?=\s+[a-z])"
)


def _cut_examples(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "From a tacky knitted baby through to a Harrods mug and a prince's potty chair, these are
    the bizarre souvenirs ..." -> "From a tacky knitted baby through to a prince's potty chair,
    ...": an opening range of examples keeps its two ends; the items between them are colour."""
    match = _EXAMPLE_RANGE.match(text)
    if not match or any(ch.isdigit() for ch in match.group(0)):
        return None, ""  # "From 10 to 20 and ...": a range of numbers is a fact
    middle, last = match["middle"].split(), match["last"].split()
    if middle[-2][:1].isupper() or last[0][:1].isupper():
        return None, ""  # "From Mulan to the next Fast and Furious film": the "and" is a title's
    if verb_within(middle + last, profile, len(middle + last)) is not None:
        return None, ""  # "to the shops and bought ...": a clause, not an item
    cut = match["middle"].strip()
    return text[: match.start("middle")] + text[match.end("middle") :], f"cut the examples “{cut}”"


# "From X (through) to Y and Z," opening a sentence: the range's last end is a list.
_EXAMPLE_RANGE = re.compile(
    r"^From\s+[^,;“”\"]+?\s+(?:through\s+)?to\s+(?P<middle>[^,;“”\"]+?\s+and\s+)"
    r"(?P<last>[^,;“”\"]+?),\s+"
)


def _cut_opening(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "In a joint statement published October 25, the ministries accused ..." -> "The
    ministries accused ...": an opening phrase without a verb of its own."""
    match = re.match(r"^(?P<opening>[A-Z][^,;“”\"]{3,80}),\s+(?=[a-zA-Z])", text)
    if not match or inside_aside(text, match.end()):
        return None, ""
    if bare(match["opening"].split()[0]) not in PREPOSITIONS | TIME_OPENERS:
        return None, ""  # "Louisville Head Coach Chris Mack, ..." is the subject, not a phrase
    opening = match["opening"].split()
    rest = text[match.end() :]
    # "In the 2012 book L'être et le Néon, which has been translated ..., the philosopher ...":
    # a clause on the opening phrase's noun goes with it, or it would open the sentence.
    relative = _RELATIVE_ON_OPENING.match(rest)
    cut = match["opening"] + (f", {relative['clause']}" if relative else "")
    rest = rest[relative.end() :] if relative else rest
    if (
        _finite_in_phrase(opening, profile)
        or verb_within(rest.split(), profile, 12) is None
        or bare(rest.split()[0]) in _RELATIVES | _POINTING
        or _describes_opening(rest.split())
    ):
        return None, ""
    return capitalise(rest), f"cut the opening phrase “{cut}”"


_RELATIVES = frozenset(["which", "who", "whom", "whose", "where", "that"])
# "From a knitted baby to a potty chair, these are the souvenirs ...": the rest points back at
# the opening phrase, and would point at nothing without it.
_POINTING = frozenset(["these", "this", "those", "it", "they", "such"])


def _describes_opening(words: list[str]) -> bool:
    """ "the day the proposals were due to NASA, it said ...": a phrase set off by a comma right
    after the opening describes it ("November 5"), and without it would hang."""
    first = bare(words[0]) if words else ""
    return first in {"the", "a", "an"} and any(w.endswith(",") for w in words[:DESCRIBING_WORDS])


DESCRIBING_WORDS = 10  # a phrase describing the opening is short: "the day the proposals were due"


def _finite_in_phrase(opening: list[str], profile: Profile) -> bool:
    """A finite verb in a phrase that opens on a preposition: "-ed" words there describe a noun
    ("In a joint statement published October 25", "From a tacky knitted baby") unless a word
    opens a clause inside it ("After the team that won ...")."""
    if any(bare(w) in _CLAUSE_OPENERS for w in opening):
        return verb_within(opening, profile, len(opening)) is not None
    plain = [w for w in opening if not bare(w).endswith("ed")]
    return verb_within(plain, profile, len(plain)) is not None


# Words that open a clause with a verb of its own inside an opening phrase.
_CLAUSE_OPENERS = _RELATIVES | {"when", "while", "as", "because", "if", "since", "after", "before"}
_RELATIVE_ON_OPENING = re.compile(r"(?P<clause>(?:which|who|whose|where)\s[^,;“”\"]{3,120}),\s+")


def _cut_aside(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "a quest that, unknown to both of us, would set me off" -> "a quest that would set me
    off": a short aside between commas with no verb, not who someone is (after a name)."""
    for match in re.finditer(r",\s+(?P<aside>[a-z][^,;“”\"]{2,60}),\s+", text):
        words = match["aside"].split()
        before = text[: match.start()].split()[-1:]
        if len(words) > ASIDE_WORDS or verb_within(words, profile, len(words)) is not None:
            continue
        if _listed(match["aside"], text[match.end() :], profile):
            continue
        appositive = bare(words[0]) in profile.determiners and before and before[0][:1].isupper()
        if not before or appositive or inside_aside(text, match.start()):
            continue  # ", the former envoy," after a name says who someone is
        return text[: match.start()] + " " + text[
            match.end() :
        ], f"cut the aside “{match['aside']}”"
    return None, ""


# ", currently at the start of an around-the-world cruise,": an aside longer than this is
# more likely a clause the comma splits off than colour.
ASIDE_WORDS = 8


def _cut_dashed_aside(text: str, profile: Profile) -> tuple[str | None, str]:
    """ "Some 42 per cent of those at Whitemoor jail - and more than a quarter of those in London
    prisons - consider themselves ..." -> "... at Whitemoor jail consider themselves ...": an
    aside between dashes with no verb and no number is colour the sentence stands without."""
    for match in DASHED_ASIDE.finditer(text):
        words = match["aside"].split()
        before = text[: match.start()].split()[-1:]
        if verb_within(words, profile, len(words)) is not None or re.search(r"\d", match["aside"]):
            continue
        if not before or inside_quote(text, match.start()):
            continue
        if bare(words[0]) in profile.determiners and before[0][:1].isupper():
            continue  # "Hakan Fidan - the spy chief - said": who someone is stays
        cut = text[: match.start()] + " " + text[match.end() :]
        return cut, f"cut the aside “{match['aside']}”"
    return None, ""


def _listed(aside: str, after: str, profile: Profile) -> bool:
    """The aside is an item of a list ("helipads, waterslides, and movie theatres"), a place
    ("Ashleigh Davis, of Ocala, Florida"), a second subject ("McLuckie, 48, and his friend") or
    what the event did ("killing three miners"): cutting it changes what the sentence says."""
    first = bare(aside.split()[0])
    # ", currently at the start of a cruise, will disembark": an adverb opens colour on the noun
    # before it, never the subject itself.
    adverb = first.endswith("ly")
    if any(w[:1].isupper() for w in aside.split()) or (
        not adverb and _opens_predicate(after, profile)
    ):
        return True  # ", opposition leader Morgan Tsvangirai, who has ...": the subject itself
    if first.endswith("s") and not first.endswith("ss"):
        return True  # ", shakes hands with Vasily Vasiliev,": a verb in "-s" says what happened
    if first in {"of", "from"} or re.search(r"\b(?:and|or)\b", aside):
        return True
    if re.search(r"\b(?:and|or)\b", " ".join(after.split()[:3])):
        return True  # "mugs, tea towels, plates and dolls": the aside is one of the items
    if any(w in profile.agent_participles or w in profile.event_participles for w in aside.split()):
        return True
    upto = re.split(r"[,;.]", after, maxsplit=1)[0]
    return re.search(r"\b(?:and|or)\b", upto) is not None and len(upto.split()) <= 4


def _opens_predicate(after: str, profile: Profile) -> bool:
    """What follows the aside is a verb or a "who" clause: the aside was what it is about."""
    words = after.split()
    return bool(words) and (
        bare(words[0]) in {"who", "which", "that"} or verb_within(words, profile, 1) is not None
    )
