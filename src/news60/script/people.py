"""The people a text names, by surname: who speaks a quote, who a photo caption shows."""

from __future__ import annotations

import re
from collections.abc import Iterable

from news60.language.english import TITLE_WORDS
from news60.script.quotes import ATTRIBUTION

# A full name: two to four capitalised words, perhaps with a middle initial ("John F. Kennedy")
# and the stop of a "Jr." or "Sr." after it, so the name is said as the article writes it.
# A hyphenated word is one name ("Eccleston-Todd", "Jae-myung"), and a lower-case particle
# belongs to the surname after it ("Robin van Persie", "Luis de Miranda").
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
# The small words that begin a surname: "Louis van Gaal", "Luis de Miranda", "Osama bin Laden".
_SURNAME_PARTICLES_WORDS = "van von de der den du da di le la del bin al el ibn"
SURNAME_PARTICLES = frozenset(_SURNAME_PARTICLES_WORDS.split())
# "al" and "el" join their surname with a hyphen ("al-Sadr"), so only the others stand alone.
_PARTICLE = rf"(?:{'|'.join(sorted(SURNAME_PARTICLES - {'al', 'el'}))})(?:\s+(?:der|den|de|la))?"
# "Brendan ‘Darkie’ Hughes", "Joaquin "El Chapo" Guzman": a nickname in quotes after the given name.
_NICKNAME = r"(?:\s+[‘“'\"][A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?[’”'\"](?=\s+[A-Z]))?"
FULL_NAME = re.compile(
    rf"\b{_NAME_WORD}{_NICKNAME}(?:\s+[A-Z]\.)?(?:\s+(?:{_PARTICLE}\s+)?(?:Mc|Mac|O’|O'|De|Van|Al-)?"
    rf"{_NAME_WORD}){{1,3}}"
    r"(?:(?<=\bJr|\bSr)\.(?=,))?"
)
# Words that make a capitalised run a place, body or event rather than a person.
_NOT_PERSON_LIST = (
    "House Street Road Avenue City Town Park Square Court Courthouse University College School "
    "Airport Station Hospital Church Cathedral Stadium Bridge North South East West New Kingdom "
    "States Republic Party Council Ministry Department Police Summit Hall Palace Island Beach "
    "River Lake Centre Center Museum County Valley Mountain Mountains Sea Ocean Bay Street "
    "Company Group Bank Club United Union National International Federal Supreme Royal Prime "
    "Minister President Secretary Chancellor Senator Governor Mayor General Commissioner Chief "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December The This That When After Before"
)
_NOT_PERSON = frozenset(_NOT_PERSON_LIST.split())
_OPENERS_WORDS = (
    "if as for when while after before but and or so then since because though although once "
    "with without from to in on at by of into over under about like unlike despite until "
    "unless whether where why how what who which that this these those there here yet also "
    "meanwhile however still even only just now today yesterday"
)
_OPENERS = frozenset(_OPENERS_WORDS.split())
# Titles stay off the name: "President Vladimir Putin" is Putin, "Ms. Temple" is Temple.
_TITLES = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",  # "Miss Moir" is Madelaine Moir, not a second Moir
        "Dr",
        "Prof",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Rep",
        "Sen",
        "Gov",
        "Gen",
        "Col",
        "Capt",
        "Sgt",
        "Det",
        "Insp",
        "Supt",
        "Judge",
        "Bishop",
        "Father",
        "Pope",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Archbishop",
        "Officer",
        "Constable",
        "Coach",
    ]
)
# A title word in a capitalised run before a name ("Senate Majority Leader", "Chief Executive");
# the name reader is English's, as its lists of openers and places are.
_ROLE_TITLES = frozenset(TITLE_WORDS.split()) | {t.lower() for t in _TITLES}
_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+)*)")
_OBJECT_BEFORE = re.compile(r"\b(?:at|to|with|for|from|on|of|by|about|over|in|against|warn)\s+$")
_PRONOUN_SPEAKER = re.compile(r"^(?:he|she|they|we|i)$", re.IGNORECASE)
# "…,” said Jane Doe" / "…,” Jane Doe said" / "…,” he said" / "…,” said a WeWork spokesperson"
_SAID_AFTER = re.compile(
    r"[”\"'’],?\s+(?:(?:said|says|told|added|wrote)\s+(?P<after>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)*)"
    r"|(?:said|says|added)\s+(?:a|an|the)\s+(?P<role>(?:[A-Z][\w'’&.-]*\s+){1,3}"
    r"(?:spokesperson|spokesman|spokeswoman|representative|official|statement))\b"
    r"|(?P<before>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]+)*|he|she|they)\s+(?:said|says|told|added|"
    r"wrote|explained|warned|insisted))"
)


def full_names(text: str) -> list[str]:
    """The people named in full: capitalised runs that are not places, bodies or dates."""
    return [name for name, _, _ in named_people(text)]


def named_people(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every person named in full, personal titles left out of the name
    but inside the span's start ("Ms. Jane Doe" spans from "Ms."); a capitalised title before
    the name is not ("Foreign Affairs Minister Julie Bishop" spans "Julie Bishop")."""
    found = []
    at = 0
    while match := FULL_NAME.search(text, at):
        at = match.end()
        raw = match.group(0).split()
        # "If Sudan fails", "As Eloise Parry ...": a capitalised sentence opener is no given name.
        while raw and is_opener(raw[0]):
            raw = raw[1:]
        role = _role_end(raw)
        if role:
            # "Russian President Vladimir Putin": the name begins after the title, and the run
            # may have stopped inside it (four words at most), so it is read again from there.
            at = _word_start(text, raw, role, match.start())
            continue
        words = raw[1:] if raw and raw[0].rstrip(".") in _TITLES else raw
        # "Verizon’s Yahoo": a possessive inside the run ends one name before another begins.
        if any(w.endswith(("'s", "’s")) for w in words[:-1]):
            continue
        if len(words) >= 2 and not any(w in _NOT_PERSON for w in words):
            start = text.index(raw[0], match.start())
            found.append((" ".join(words), start, match.end()))
    return found


def is_opener(word: str) -> bool:
    """ "If", "As", "Like": a word that opens a sentence or clause, no given name ("Like
    Hughes, Price provided ..." names no other Hughes)."""
    return re.sub(r"['’]\w*$", "", word.lower()) in _OPENERS


def _role_end(words: list[str]) -> int:
    """How many words of a capitalised run are a title before a name ("Foreign Affairs Minister
    Julie"): up to the last title word but the run's last ("Julie Bishop" is a name); 0 when
    the run opens on the name, or on one personal title ("Ms. Jane Doe")."""
    for i in range(len(words) - 2, -1, -1):
        title = words[i].rstrip(".")
        if title.lower() in _ROLE_TITLES and not (i == 0 and title in _TITLES):
            return i + 1
    return 0


def _word_start(text: str, words: list[str], k: int, start: int) -> int:
    """Where words[k] of a run found at `start` begins in the text."""
    at = start
    for word in words[:k]:
        at = text.index(word, at) + len(word)
    return text.index(words[k], at)


# A personal title and the name after it: "Ms Sandra Fluke", "Mrs Cameron", "Judge Smith".
TITLED_NAME = re.compile(
    rf"\b(?:{'|'.join(sorted(_TITLES))})\.?\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"
)


def is_title(word: str) -> bool:
    """ "Mr", "Dr.", "Sen." and the like: a word that goes before a surname."""
    return word.rstrip(".") in _TITLES


def surname_of(name: str) -> str:
    """The family name a story calls someone by: the last word, but the first before a Korean
    given name ("Han Dong-hoon" is Han, "Lee Jae-myung" is Lee; "Eccleston-Todd" stays whole)."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(".,") in GENERATIONS:
        words.pop()  # "Patrick W. Carlineo Jr." is Carlineo
    return words[0] if len(words) > 1 and _GIVEN_LAST.fullmatch(words[-1]) else words[-1]


# "Dong-hoon", "Jae-myung": a hyphenated given name whose second part is not capitalised.
_GIVEN_LAST = re.compile(r"[A-Z][a-z]+-[a-z]+")
# A possessive at a word's end ("Pulis's", "Zhou Yongkang's,"): the name is the word before it.
POSSESSIVE = re.compile(r"['’]s(?=[,.;:!?]*$)")
# What may follow a family name: "Jr.", "Sr.", "III".
GENERATIONS = frozenset(["Jr", "Sr", "II", "III", "IV"])


def surnames(text: str, known: Iterable[str] = ()) -> set[str]:
    """Surnames of the people a text names in full, or by a surname in `known`."""
    found = {surname_of(name) for name in full_names(text)}
    words = set(re.findall(r"\b[A-Z][\w'’-]+\b", text))
    return found | (words & set(known))


def speaker(text: str, quote_start: int, context: str = "") -> str:
    """Who says the quote at quote_start: named after it or before it; else whoever `context`
    (the other sentences of the quote's story unit) names as speaking."""
    after = _SAID_AFTER.search(text, quote_start)
    who = (after.group("after") or after.group("before") or after.group("role")) if after else ""
    who = who or _speaker_before(text[:quote_start])
    if not who and context:
        who = _named_in(context)
    if _PRONOUN_SPEAKER.match(who):
        who = _only_person(context + " " + text[:quote_start])
    return _without_title(who.strip(" ,."))


def _without_title(name: str) -> str:
    """ "Mayor Tom Reid" -> "Tom Reid"; a lone "Mayor Reid" keeps its title."""
    words = name.split()
    while len(words) > 2 and (words[0].rstrip(".") in _TITLES or words[0] in _NOT_PERSON):
        words = words[1:]
    return " ".join(words)


def _named_in(context: str) -> str:
    """The speaker a quote's unit names: after one of its quotes, or before a colon or quote."""
    for match in re.finditer(r"[“\"‘']", context):
        who = speaker(context, match.start())
        if who:
            return who
    return _speaker_before(context)


def _speaker_before(before: str) -> str:
    """The subject of "Jane Doe said:" or "Doe told reporters:" just before a quote: the last
    name before the quote that is no object ("at Putin") and no sentence's first word."""
    if not ATTRIBUTION.search(before):
        return ""
    clause = re.split(r"[.;!?]\s", before)[-1]
    for match in reversed(list(_NAME.finditer(clause))):
        words = [w for w in match.group(1).split() if w.rstrip(".") not in _TITLES]
        if words and not _OBJECT_BEFORE.search(clause[: match.start()]) and match.start() > 0:
            return " ".join(words) if words[-1] not in _NOT_PERSON else ""
    pronoun = re.search(r"\b(he|she|they)\b[^,]*$", clause)
    return pronoun.group(1) if pronoun else ""


def _only_person(text: str) -> str:
    """The one person the text names in full ("he" can only be them); "" when it names several."""
    names = {surname_of(name): name for name in full_names(text)}
    return next(iter(names.values())) if len(names) == 1 else ""
