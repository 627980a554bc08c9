"""People identified at first mention, with what the article says they are: "Raab told the BBC"
becomes "Foreign Secretary Dominic Raab told the BBC" when the article introduced him so; after
that, the surname alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from news60.language import Profile
from news60.script.broadcast.grammar import (
    PREPOSITIONS,
    SURNAME_PARTICLES,
    bare,
    inside_quote,
    is_finite_verb,
)
from news60.script.people import GENERATIONS, is_title, named_people, surname_of

ROLE_WORDS = 4  # a role before a name runs at most this many words ("Senate Democratic leader")
APPOSITIVE_WORDS = 10  # ", the foreign secretary," and the like; longer is a clause of its own
LONGEST = 30  # an introduction that would make the sentence longer than this is said bare
# Capitalised words before a name that are not part of its title nor a given name ("When
# Trump", "But Smith", "Yesterday Rowlands").
_NOT_ROLE_WORDS = (
    "when after before but and as if while since because though although then so also the a "
    "an in on at by for with from of to said says told according meanwhile however yesterday "
    "today tonight now earlier later monday tuesday wednesday thursday friday saturday sunday"
)
_NOT_ROLE = frozenset(_NOT_ROLE_WORDS.split())
_APPOSITIVE = re.compile(r"^,\s+(?P<app>(?:the|a|an|\d{1,3}\b)[^,;:“”\"()]{0,80}?)(?=,|\.$|$)")


@dataclass(frozen=True)
class Person:
    """Someone the article names in full, and how it first says who they are."""

    name: str  # "Dominic Raab"
    surname: str
    introduction: str  # "Foreign Secretary Dominic Raab" or "Dominic Raab, the foreign secretary"
    source: str  # the article sentence that says it
    place: int
    role_after: bool = False  # the role follows the name between commas


def people_in(sentences: Iterable[tuple[str, int]], profile: Profile) -> dict[str, Person]:
    """Surname -> the person, introduced as the article first does it with a role (else as it
    first names them in full); a surname two people share is left out (mother and daughter)."""
    sentences = list(sentences)
    # "Lower Manhattan", "Make Trump", "Liu He": a word the article also writes in lower case
    # is a common word, not part of a name, and a name made of one is no person's.
    lower = {w for text, _ in sentences for w in re.findall(r"\b[a-z][a-z'’-]+\b", text)}
    found: dict[str, list[Person]] = {}
    for text, place in sentences:
        for name, start, end in named_people(text):
            if any(word.lower() in lower for word in name.split()):
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
    for surname, mentions in found.items():
        if len({p.name for p in mentions}) > 1:
            continue
        if all(p.introduction == p.name for p in mentions) and not _someone(
            surname, whole, profile
        ):
            continue  # "Lower Manhattan": no role and no words said, perhaps no person at all
        if _others(surname, mentions[0].name, whole, profile):
            continue  # "US PRESIDENT DONALD Trump" beside "Ivanka Trump": two people
        with_role = [p for p in mentions if p.introduction != p.name]
        people[surname] = (with_role or mentions)[0]
    return people


def _others(surname: str, name: str, text: str, profile: Profile) -> bool:
    """Someone else with the surname: another given name before it anywhere, in any case."""
    given = name.split()[0].lower()
    for match in re.finditer(rf"\b([A-Z][A-Za-z'’-]+)\s+{re.escape(surname)}\b", text):
        word = match.group(1).lower()
        ours = {w.lower() for w in name.split()} | profile.titles | _NOT_ROLE | SURNAME_PARTICLES
        if word != given and word not in ours and not is_title(match.group(1)):
            return True
    return False


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
            if role and not _role_word(word, profile):
                break
            role.insert(0, word)
    if role:
        return " ".join(role), False
    appositive = _APPOSITIVE.match(text[end:])
    if appositive:
        words = appositive["app"].split()
        verbless = not any(is_finite_verb(w, profile) for w in words)
        if len(words) <= APPOSITIVE_WORDS and verbless and not _unfinished(words[-1]):
            return appositive["app"].strip(), True
    return "", False


def _unfinished(last: str) -> bool:
    """ ", a very, very unpleasant woman": the comma came before the noun, so the phrase up to
    it ("a very") says nothing yet."""
    return bare(last) in _DEGREE or bare(last).endswith("ly")


_DEGREE = frozenset(["very", "so", "too", "really", "quite", "rather", "most", "more", "less"])


def _role_word(word: str, profile: Profile) -> bool:
    """A word of a title before a name: a title word, or a capitalised word ("Senate")."""
    plain = bare(word)
    if word.endswith((",", ".", ";", ":", "”", '"')) and not is_title(word):
        return False
    if plain in _NOT_ROLE or plain in PREPOSITIONS or is_finite_verb(word, profile):
        return False
    return word[:1].isupper() or plain in profile.titles


def introduce(
    sentences: Sequence[str], people: dict[str, Person], profile: Profile
) -> list[tuple[str, list[Person]]]:
    """Each sentence with the first mention of every person introduced as the article does, and
    the people it introduced; a sentence that would grow past LONGEST words gets the bare name."""
    introduced: set[str] = set()
    # "Kurt Volker is the former special envoy": who someone is, said in a sentence of its own
    # (a split), is not said again at the name.
    said = " ".join(sentences)
    introduced |= {surname for surname, person in people.items() if _role_said(person, said)}
    out = []
    for sentence in sentences:
        new, who = _introduce_in(sentence, people, introduced, profile.titles)
        out.append((new, who))
    return out


def _role_said(person: Person, script: str) -> bool:
    """The script already says who the person is, in the article's words, apart from the name."""
    role = person.introduction.replace(person.name, "").strip(" ,")
    return len(role.split()) >= ROLE_SAID_WORDS and f"{person.name} is {role}" in script


ROLE_SAID_WORDS = 2  # a role of one word ("Mr") says nothing of who someone is


def _introduce_in(
    sentence: str, people: dict[str, Person], introduced: set[str], titles: frozenset[str]
) -> tuple[str, list[Person]]:
    who: list[Person] = []
    for surname, person in people.items():
        mention = _mention(sentence, person, titles)
        if surname in introduced or mention is None:
            continue
        introduced.add(surname)
        if mention == _SOMEONE_ELSE:
            continue
        start, end, named = mention
        if named or person.introduction in sentence:
            continue  # said in full with a role already, or with nothing the article adds
        intro = _fitted(sentence, start, end, person)
        sentence = sentence[:start] + intro + sentence[end:]
        who.append(person)
    return sentence, who


_SOMEONE_ELSE = (-1, -1, True)  # a mention of another person with the same surname


def _mention(sentence: str, person: Person, titles: frozenset[str]) -> tuple[int, int, bool] | None:
    """The first mention outside quotes: its span (titles and given names before the surname
    included) and whether it already says who the person is."""
    tokens = list(re.finditer(r"\S+", sentence))
    # Given names and particles, in any case: "Louis van Gaal", "Van Gaal", "Osama bin Laden".
    given = {w.lower() for w in person.name.split()[:-1]} | SURNAME_PARTICLES
    for i, token in enumerate(tokens):
        if not re.fullmatch(rf"{re.escape(person.surname)}(?:['’]s)?[,.;:!?]?", token[0]):
            continue
        if inside_quote(sentence, token.start()):
            continue
        k, has_given, has_role = i, False, False
        while k > 0:
            word = tokens[k - 1][0]
            if word.lower() in given:
                has_given = True
            elif not is_title(word) and bare(word) in titles:
                has_role = True  # "Chancellor Angela Merkel", "editor Jon Sopel"
                break
            elif (
                word[:1].isupper() and k == i and not is_title(word) and bare(word) not in _NOT_ROLE
            ):
                return _SOMEONE_ELSE  # "Donald Trump" where the article knows "Ivanka Trump"
            elif not is_title(word):
                break
            k -= 1
        end = token.start() + len(token[0].rstrip(",.;:!?"))
        # "Han Dong-hoon": the family name first, the given name after it.
        given_after = (
            person.name.split()[1:] if person.name.startswith(person.surname + " ") else []
        )
        following = [t[0].rstrip(",.;:!?") for t in tokens[i + 1 : i + 1 + len(given_after)]]
        if given_after and following == given_after:
            has_given = True
            last = tokens[i + len(given_after)]
            end = last.start() + len(last[0].rstrip(",.;:!?"))
        named = has_role or (has_given and person.introduction == person.name)
        return tokens[k].start(), end, named
    return None


def _fitted(sentence: str, start: int, end: int, person: Person) -> str:
    """What the mention becomes: the introduction, or the bare full name when that would make
    the sentence too long or break a possessive."""
    mentioned = sentence[start:end]
    possessive = mentioned.endswith(("'s", "’s"))
    intro = person.introduction
    if person.role_after:
        at_pause = sentence[end : end + 1] in {",", ".", ";", ":", "!", "?"} or end == len(sentence)
        # "the McConville case": a name that describes the noun after it takes no aside.
        modifier = bare((sentence[:start].split() or [""])[-1]) in {"the", "a", "an"}
        intro = person.name if possessive or modifier else intro + ("" if at_pause else ",")
    grown = len(sentence.split()) - len(mentioned.split()) + len(intro.split())
    if grown > LONGEST:
        intro = person.name
    if start == 0 or sentence[:start].rstrip().endswith((".", "“", '"')):
        intro = intro[:1].upper() + intro[1:]
    return intro + (mentioned[-2:] if possessive else "")
