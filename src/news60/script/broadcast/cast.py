"""Who an article names: each person it names in full, how it first says who they are, whether
it calls them by surname alone, and which pronoun it uses for them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from news60.language import Profile
from news60.script.broadcast.grammar import (
    NOT_ROLE,
    PLURAL_NOUNS,
    PREPOSITIONS,
    bare,
    inside_quote,
    is_finite_verb,
)
from news60.script.broadcast.pronouns import article_pronoun
from news60.script.people import (
    GENERATIONS,
    POSSESSIVE,
    SURNAME_PARTICLES,
    is_opener,
    is_title,
    named_people,
    surname_of,
)

ROLE_WORDS = 4  # a role before a name runs at most this many words ("Senate Democratic leader")
APPOSITIVE_WORDS = 10  # ", the foreign secretary," and the like; longer is a clause of its own
_APPOSITIVE = re.compile(r"^,\s+(?P<app>(?:the|a|an|\d{1,3}\b)[^,;:“”\"()]{0,80}?)(?=,|\.$|$)")
# "Yu Mingyong, deputy president of Guangzhou Intermediate People's Court, was quoted": a role
# with no article, closed by a comma, holding a title word.
_BARE_ROLE = re.compile(r"^,\s+(?P<app>[a-z][^,;:“”\"()]{0,80}?),")


@dataclass(frozen=True)
class Person:
    """Someone the article names in full, and how it first says who they are."""

    name: str  # "Dominic Raab"
    surname: str
    introduction: str  # "Foreign Secretary Dominic Raab" or "Dominic Raab, the foreign secretary"
    source: str  # the article sentence that says it
    place: int
    role_after: bool = False  # the role follows the name between commas
    # The article itself calls them by surname alone ("Cameron said"), so the script may too
    # ("London Midland" is never "Midland", nor "Zhou Yongkang" "Yongkang").
    by_surname: bool = False


@dataclass(frozen=True)
class Cast:
    """The people an article names: by surname, each it names in full (a surname two people
    share is left out: mother and daughter), and the pronoun it uses for a surname said alone
    ("Trump" beside "Ivanka Trump" is "he" where the article says so)."""

    people: dict[str, Person]
    pronouns: dict[str, str]
    # Plural nouns the article writes in lower case ("gunmen", "police"): "Gunmen" opening two
    # pieces of one sentence is "They" in the second.
    plurals: frozenset[str] = frozenset()


def people_in(sentences: Iterable[tuple[str, int]], profile: Profile) -> Cast:
    """The article's cast: each person introduced as the article first does it with a role
    (else as it first names them in full), and the pronouns it uses for them."""
    sentences = list(sentences)
    # "Lower Manhattan", "Make Trump", "Liu He": a word the article also writes in lower case
    # is a common word, not part of a name, and a name made of one is no person's.
    lower = {w for text, _ in sentences for w in re.findall(r"\b[a-z][a-z'’-]+\b", text)}
    found: dict[str, list[Person]] = {}
    for text, place in sentences:
        for name, start, end in named_people(text):
            if POSSESSIVE.search(name):  # "Tony Pulis's team": the name is "Tony Pulis"
                name, end = POSSESSIVE.sub("", name), end - 2
            if any(w.lower() in lower for w in name.split() if w not in SURNAME_PARTICLES):
                continue
            if inside_quote(text, start):
                continue  # "‘I drove away Jean McConville, a very, very unpleasant woman": a view
            surname = surname_of(name)
            role, after = _role(text, start, end, profile)
            intro = f"{name}, {role}" if after else f"{role} {name}".strip()
            person = Person(name, surname, intro, text, place, after)
            found.setdefault(surname, []).append(person)
    people = {}
    whole = " ".join(text for text, _ in sentences)
    named = {p.name for mentions in found.values() for p in mentions}
    shared: set[str] = set()  # "Donald Trump" and "Ivanka Trump": people, but two of them
    for surname, mentions in found.items():
        if len({_plain(p.name) for p in mentions}) > 1:
            if _someone(surname, whole, profile):
                shared.add(surname)
            continue
        if all(p.introduction == p.name for p in mentions) and not _someone(
            surname, whole, profile
        ):
            continue  # "Lower Manhattan": no role and no words said, perhaps no person at all
        if _others(surname, mentions[0].name, whole, profile):
            shared.add(surname)
            continue  # "US PRESIDENT DONALD Trump" beside "Ivanka Trump": two people
        with_role = [p for p in mentions if p.introduction != p.name]
        person = (with_role or mentions)[0]
        by_surname = _called_by_surname(person, whole)
        first = person.name.split()[0]
        # "Zhou Yongkang ... Zhou said", "Frank Henderson ... Frank is a truck driver": the
        # article calls them by the name it puts first, so the script does too, unless two
        # share it ("Hwang Woo-Suk" and "Hwang In-Sung").
        taken = first in found or sum(name.split()[0] == first for name in named) > 1
        if not by_surname and not taken and _called_by_first_name(person, whole, profile):
            person, by_surname = replace(person, surname=first), True
        people[person.surname] = replace(person, by_surname=by_surname)
    texts = [text for text, _ in sentences]
    known = frozenset(people) | shared
    pronouns = {}
    for surname in {p.surname for p in people.values()} | set(found):
        pronoun = article_pronoun(surname, texts, known)
        if pronoun:
            pronouns[surname] = pronoun
    return Cast(people, pronouns, frozenset(w for w in lower if _plural(w)))


def _plural(word: str) -> bool:
    """ "gunmen", "protesters", "police": a noun for more than one ("business", "status" and
    "analysis" end in "s" and are not)."""
    if word in PLURAL_NOUNS or word.endswith("men"):
        return True
    return word.endswith(("ers", "ors", "ists", "ants", "ents")) and len(word) > 5


def _called_by_first_name(person: Person, text: str, profile: Profile) -> bool:
    """The text names the person by the first word of a two-word name alone, as someone who
    speaks or is given a title or age ("Zhou said"; "Cornwall" of "Cornwall Wildlife Trust"
    is a place)."""
    words = person.name.split()
    # "Zhou said", not "Sleep Train" beside "Sleep Number": alone, before no other name.
    alone = re.search(rf"\b{re.escape(words[0])}\b(?!\s+[A-Z])", text) is not None
    return len(words) == 2 and alone and _someone(words[0], text, profile)


def _called_by_surname(person: Person, text: str) -> bool:
    """The text names the person by surname without their given names somewhere."""
    given = {w.lower().rstrip(".") for w in person.name.split()[:-1]} | SURNAME_PARTICLES
    for match in re.finditer(rf"\b{re.escape(person.surname)}\b", text):
        before = text[: match.start()].split()
        while before and before[-1].lower() in SURNAME_PARTICLES:
            before.pop()  # "Van Gaal": the particle is the surname's
        if not before or before[-1].lower().rstrip(".") not in given:
            return True
    return False


def _others(surname: str, name: str, text: str, profile: Profile) -> bool:
    """Someone else with the surname: another given name before it anywhere, in any case."""
    given = name.split()[0].lower()
    # "Brendan ‘Darkie’ Hughes": the nickname is his, without its quote marks.
    ours = {w.strip(_NICKNAME_MARKS).lower() for w in name.split()}
    ours |= profile.titles | NOT_ROLE | SURNAME_PARTICLES
    for match in re.finditer(rf"\b([A-Z][A-Za-z'’-]+)\s+{re.escape(surname)}\b", text):
        if is_opener(match.group(1)):
            continue
        word = match.group(1).strip(_NICKNAME_MARKS).lower()
        if word != given and word not in ours and not is_title(match.group(1)):
            return True
    return False


_NICKNAME_MARKS = "‘’'\"“”"


def _plain(name: str) -> str:
    """ "Brendan 'Darkie' Hughes" and "Brendan ‘Darkie’ Hughes" are one name."""
    return " ".join(w.strip(_NICKNAME_MARKS) for w in name.split())


def _someone(surname: str, text: str, profile: Profile) -> bool:
    """Somewhere the surname says something ("Cooke said"), is given a personal title ("Mr
    Cooke") or an age ("Patrick W. Carlineo Jr., 55,"): someone, not somewhere (a yacht
    "Grace E. J'ade" has none of these)."""
    name = re.escape(surname)
    verbs = "|".join(profile.reporting_forms)
    said = re.search(rf"\b{name}\b,?\s+(?:{verbs})\b", text)
    titled = re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+{name}\b", text)
    generation = "|".join(GENERATIONS)  # "Carlineo Jr., 55,"
    aged = re.search(
        rf"\b{name}(?:\s+(?:{generation})\.?)?,\s+(?:aged\s+|both\s+)?\d{{1,3}},", text
    )
    # "Lee Rowlands and Madelaine Moir, both 37,": the age is the pair's.
    pair = re.search(
        rf"\b{name}\s+and\s+(?:[A-Z][\w'’-]+\s+){{1,2}}?[A-Z][\w'’-]+,\s+both\s+\d", text
    )
    return bool(said or titled or aged or pair)


def _role(text: str, start: int, end: int, profile: Profile) -> tuple[str, bool]:
    """The role the text gives the name at start..end: before it ("Russian President") or after
    it between commas (", the foreign secretary,"); "" when none."""
    before = text[:start].split()
    role: list[str] = []
    # The word next to the name is a title ("President", "developer"); capitalised words before
    # it belong to the title ("Senate Democratic leader", "Russian President").
    if before and bare(before[-1]) in profile.titles and not before[-1].endswith(","):
        for word in reversed(before[-ROLE_WORDS:]):
            if role and not role_word(word, profile):
                break
            role.insert(0, word)
    if role:
        return " ".join(role), False
    appositive = _APPOSITIVE.match(text[end:]) or _bare_role(text[end:], profile)
    if appositive:
        words = appositive["app"].split()
        verbless = not any(is_finite_verb(w, profile) for w in words)
        if len(words) <= APPOSITIVE_WORDS and verbless and not _unfinished(words[-1]):
            return appositive["app"].strip(), True
    return "", False


def _bare_role(after: str, profile: Profile) -> re.Match[str] | None:
    """ ", deputy president of ...,": a role between commas without "the" before it, known by a
    title word in it (", however," and ", 45," are none)."""
    match = _BARE_ROLE.match(after)
    if match and any(bare(w) in profile.titles for w in match["app"].split()):
        return match
    return None


def _unfinished(last: str) -> bool:
    """ ", a very, very unpleasant woman": the comma came before the noun, so the phrase up to
    it ("a very") says nothing yet."""
    return bare(last) in _DEGREE or bare(last).endswith("ly")


_DEGREE = frozenset(["very", "so", "too", "really", "quite", "rather", "most", "more", "less"])


def role_word(word: str, profile: Profile) -> bool:
    """A word of a title before a name: a title word, or a capitalised word ("Senate")."""
    plain = bare(word)
    if word.endswith((",", ".", ";", ":", "”", '"')) and not is_title(word):
        return False
    if plain in NOT_ROLE or plain in PREPOSITIONS or is_finite_verb(word, profile):
        return False
    return word[:1].isupper() or plain in profile.titles
