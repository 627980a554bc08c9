"""Attribution first, as a listener needs it: "The driver was 15, police said." becomes "Police
said the driver was 15."; a long quote is said after who says it; reporting verbs in the house
tense. Quotes are never touched inside their marks."""

from __future__ import annotations

import re
from functools import cache

from news60.language import Profile
from news60.script.broadcast.grammar import (
    NO_CASING,
    PREPOSITIONS,
    Casing,
    bare,
    capitalise,
    decapitalise,
    inside_quote,
    is_finite_verb,
    unsure_case,
    verb_within,
)
from news60.script.quotes import opens_on_quote, quotations

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# "on Tuesday", "late Thursday", "last week", "in a statement": what may follow the verb.
_WHEN = (
    rf"(?:\s+(?:(?:on|late|early|last|this|earlier|later)\s+)?(?:{_DAYS}|today|yesterday|"
    r"tonight|week|month|year|night|morning|afternoon|evening)(?:\s+(?:night|morning|afternoon|"
    r"evening))?)?(?:\s+in\s+an?\s+(?:statement|interview|email|emailed statement|"
    r"news release|press release|post|tweet))?"
    # "at the White House", "in Washington": where it was said.
    r"(?:\s+(?:at|in|outside)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})?"
)
_TOLD = r"(?:told|tells)\s+(?:reporters|journalists|the\s+\w+(?:\s+\w+)?|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)"
WHO_WORDS = 9  # a speaker named in more words than this is a clause, not a name ("a man who ...")
QUOTE_FIRST_WORDS = 8  # a quote this long is said after its speaker, so the ear knows who speaks
# Subjects that take a plural verb ("police say"), for the present house tense.
_PLURAL_SUBJECTS_WORDS = (
    "they we police officials people sources experts critics authorities residents witnesses "
    "officers researchers scientists analysts prosecutors investigators doctors lawyers "
    "campaigners protesters activists leaders ministers"
)
_PLURAL_SUBJECTS = frozenset(_PLURAL_SUBJECTS_WORDS.split())


@cache
def _attributions(profile: Profile) -> tuple[str, str]:
    """The two orders of an attribution as patterns: "police said", "said Jane Doe"."""
    verbs = "|".join(sorted(profile.reporting_forms, key=len))
    verb = rf"(?P<verb>{_TOLD}|(?:{verbs}))"
    # "said Jane Doe", never "told Reuters": after "told" comes who was told.
    inverted = rf"(?P<verb>(?!told|tells)(?:{verbs}))"
    who = r"(?P<who>[\w'’.-]+(?:[ -][\w'’.&-]+){0,8}?)"
    return rf"{who}\s+{verb}(?P<when>{_WHEN})", rf"{inverted}\s+{who}(?P<when>{_WHEN})"


@cache
def _patterns(profile: Profile) -> tuple[re.Pattern[str], ...]:
    """ "..., police said." and "..., said Jane Doe." at a sentence's end."""
    # The body may hold a short quoted name ("Mugabe's "Blue House" compound"), never speech.
    body = r"^(?P<body>(?:[^“”\"]|“[^“”\"]{1,30}”|\"[^“”\"]{1,30}\"){12,}?),\s+"
    return tuple(re.compile(body + form + r"\.$") for form in _attributions(profile))


@cache
def _alone(profile: Profile) -> tuple[re.Pattern[str], ...]:
    """An attribution on its own, as it follows a quote."""
    return tuple(re.compile(rf"^{form}$") for form in _attributions(profile))


def attribution_first(
    text: str, profile: Profile, quote_run: bool, casing: Casing = NO_CASING
) -> tuple[str, str | None]:
    """The sentence with its speaker moved to the front, and a note, when that is safe
    (`casing`: which words the article writes in lower case, which it capitalises)."""
    moved = _reported_first(text, profile, casing)
    if moved:
        return moved, "named the source first"
    moved = _according_first(text, profile, casing)
    if moved:
        return moved, "named the source first"
    if not quote_run:
        moved = _quote_after_speaker(text, profile)
        if moved:
            return moved, "named the speaker before the quote"
    return text, None


def _reported_first(text: str, profile: Profile, casing: Casing) -> str | None:
    """ "The driver was 15, police said." -> "Police said the driver was 15." """
    if quotations(text) and any(len(q.split()) > 3 for _, q in quotations(text)):
        return None  # direct speech: the quote rules handle it
    for pattern in _patterns(profile):
        match = pattern.match(text)
        if not match or not _names_someone(match["who"], profile):
            continue
        body = match["body"].strip()
        if not verb_within(body.split(), profile, len(body.split())) or len(body.split()) < 4:
            continue
        if opens_on_quote(body):
            continue  # "‘CRN is experimenting,’ Luca Boldrini, CRN’s sales director told ...": a
            # short quote and its speaker, whose role lost its comma, are no reported clause
        if _opens_on_phrase(body, profile):
            continue  # "After 20 years, the government plans ...": the phrase would hang off "said"
        joined, body = _leading_conjunction(body)
        who = match["who"] if joined else capitalise(match["who"])
        # "announced on Wednesday at the Dubai Air Show that Emirates ...": after a time or
        # place, "that" marks where what was said begins.
        that = " that" if match["when"].strip() else ""
        said = decapitalise(body, profile, casing)
        if unsure_case(said, casing):
            return None
        return f"{joined}{who} {match['verb']}{match['when']}{that} {said}."
    return None


def _leading_conjunction(body: str) -> tuple[str, str]:
    """ "And that's a big deal ..." -> ("And ", "that's a big deal ..."): the conjunction joins
    the sentence to the one before, so it stays first when the source is moved to the front."""
    first, _, rest = body.partition(" ")
    # "So far this year, ...": "so" with "far" or "much" is an adverb of the phrase, no link.
    if bare(first) in _JOINING and rest and bare(rest.split()[0]) not in {"far", "much", "many"}:
        return first + " ", rest
    return "", body


# "And", "But": what links a sentence to the one before, whatever is moved within it.
_JOINING = frozenset(["and", "but", "so", "yet", "or"])


def _opens_on_phrase(body: str, profile: Profile) -> bool:
    """The body opens on a phrase set off by a comma before its main verb ("After 20 years,"),
    not on a list of subjects ("Robert Mugabe, his wife Grace and ... are")."""
    words = body.split()
    verb = verb_within(words, profile, len(words))
    comma = verb is not None and any(w.endswith(",") for w in words[:verb])
    return comma and (bare(words[0]) in PREPOSITIONS or bare(words[0]) in profile.openers)


def _according_first(text: str, profile: Profile, casing: Casing) -> str | None:
    """ "X happened, according to the report." -> "According to the report, x happened."; an
    "according to" inside the sentence moves the same way, the rest after the main clause."""
    match = re.match(
        r"^(?P<body>[^“”\"]{12,}?),\s+according to (?P<who>[^,“”\"]{3,80})(?:\.|,\s+(?P<rest>.+))$",
        text,
    )
    if not match:
        return None
    joined, body = _leading_conjunction(match["body"].strip())
    body = decapitalise(body, profile, casing)
    if unsure_case(body, casing):
        return None
    rest = f", {match['rest']}" if match["rest"] else "."
    according = "according" if joined else "According"
    return f"{joined}{according} to {match['who']}, {body}{rest}"


def _quote_after_speaker(text: str, profile: Profile) -> str | None:
    """ "“A long quote,” Smith said." -> "Smith said: “A long quote.”" """
    match = re.match(
        r"^(?P<open>[“\"‘'])(?P<quote>.+?)(?P<end>[,.!?]?)(?P<close>[”\"’'])\s*,?\s+(?P<attr>.+)\.$",
        text,
    )
    if not match or len(match["quote"].split()) < QUOTE_FIRST_WORDS:
        return None
    if any(mark in match["attr"] for mark in '“”"‘'):
        return None  # the quote goes on after the attribution
    speaker = _speaker_clause(match["attr"], profile)
    if not speaker:
        return None
    end = match["end"] if match["end"] in "!?" and match["end"] else "."
    # "and continue to see ” Mayer said": the page left a space where the comma was.
    return f"{speaker}: {match['open']}{match['quote'].rstrip()}{end}{match['close']}"


def _speaker_clause(attribution: str, profile: Profile) -> str | None:
    """ "Smith said" or "said Jane Doe" as a clause that can open the sentence ("Jane Doe said")."""
    for pattern in _alone(profile):
        match = pattern.match(attribution)
        if match and _names_someone(match["who"], profile):
            return f"{capitalise(match['who'])} {match['verb']}{match['when']}"
    return None


def _names_someone(who: str, profile: Profile) -> bool:
    """A speaker's name or role, not a clause ("a man who was there")."""
    words = who.split()
    if not words or len(words) > WHO_WORDS:
        return False
    return not any(is_finite_verb(w, profile) for w in words) and not {"who", "which", "that"} & {
        w.lower() for w in words
    }


def house_tense(text: str, tense: str, profile: Profile) -> tuple[str, str | None]:
    """Reporting verbs outside quotes in the house tense: "says" turns "Police said the ..." into
    "Police say the ..."; a verb dated by a time word ("said on Tuesday") keeps its past."""
    if tense != "says":
        return text, None
    changed = False

    def present(match: re.Match[str]) -> str:
        nonlocal changed
        if inside_quote(text, match.start()):
            return match[0]
        after = text[match.end() : match.end() + 30]
        if re.match(rf"^\s+(?:on\s+|late\s+|early\s+|last\s+)?(?:{_DAYS}|yesterday|last)\b", after):
            return match[0]
        subject = text[: match.start()].split()[-1:] or [""]
        plural = subject[0].lower().strip(",") in _PLURAL_SUBJECTS
        verb = profile.reporting[match[1]]
        changed = True
        return _plural(verb) if plural else verb

    pattern = rf"\b({'|'.join(profile.reporting)})\b"
    new = re.sub(pattern, present, text)
    return (new, "reporting verbs in the present, the house tense") if changed else (text, None)


def _plural(verb: str) -> str:
    """ "says" -> "say", "tells" -> "tell", "argues" -> "argue"."""
    return verb[:-1] if verb.endswith("s") else verb
