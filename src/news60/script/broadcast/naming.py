"""People identified for the ear as the script goes on: at first mention with what the article
says they are ("Raab told the BBC" becomes "Foreign Secretary Dominic Raab told the BBC" when
the article introduced him so); after that by surname alone (or whole, where the article never
cuts the name), and "He", "She" or "They" when they opened the sentence just said."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from news60.language import Profile
from news60.script.broadcast.cast import ROLE_WORDS, Cast, Person, role_word
from news60.script.broadcast.grammar import (
    NOT_ROLE,
    PREPOSITIONS,
    bare,
    inside_quote,
    is_finite_verb,
)
from news60.script.broadcast.pronouns import said_as_pronoun
from news60.script.people import POSSESSIVE, SURNAME_PARTICLES, is_title

LONGEST = 30  # an introduction that would make the sentence longer than this is said bare


@dataclass(frozen=True)
class Named:
    """A script sentence with its people named for the ear: who it introduced at first mention,
    the later mentions it cut to the surname (as the article wrote them), and the name it said
    as "He" or "She"."""

    text: str
    introduced: tuple[Person, ...] = ()
    shortened: tuple[str, ...] = ()
    pronoun_for: str = ""  # the name said as "He" or "She"
    said_whole: tuple[str, ...] = ()  # names said in full where the article never cuts them


def introduce(
    sentences: Sequence[str], cast: Cast, profile: Profile, follows: Sequence[bool] = ()
) -> list[Named]:
    """Each sentence with the first mention of every person introduced as the article does (a
    sentence that would grow past LONGEST words gets the bare name), and every later mention in
    full cut to the surname ("Head coach Tony Pulis believes" once he is known: "Pulis believes");
    `follows`: each sentence goes on from the one before it in the article (a piece of the
    same sentence, or the next one), so "He" or "She" may point back to it."""
    people = cast.people
    introduced: set[str] = set()
    # "Kurt Volker is the former special envoy": who someone is, said in a sentence of its own
    # (a split), is not said again at the name.
    said = " ".join(sentences)
    introduced |= {surname for surname, person in people.items() if _role_said(person, said)}
    mentioned: set[str] = set()
    out: list[Named] = []
    for k, sentence in enumerate(sentences):
        earlier = " ".join(sentences[:k])
        sentence, shortened = _shorten_in(sentence, people, mentioned, earlier, profile)
        sentence, whole = _whole_in(sentence, people, mentioned, profile.titles)
        new, who = _introduce_in(sentence, people, introduced, profile.titles)
        mentioned |= {
            s for s, p in people.items() if _mention(new, p, profile.titles) not in _NOT_NAMED
        }
        name = ""
        if k < len(follows) and follows[k]:
            new, name = said_as_pronoun(new, out[-1].text, cast.pronouns, cast.plurals, profile)
        out.append(Named(new, tuple(who), tuple(shortened), name, tuple(whole)))
    return out


def _shorten_in(
    sentence: str, people: dict[str, Person], mentioned: set[str], earlier: str, profile: Profile
) -> tuple[str, list[str]]:
    """The sentence with each person the script has named before said by surname alone; the
    mentions it cut."""
    cut = []
    for surname in [s for s in people if s in mentioned]:
        span = _said_in_full(sentence, people[surname], earlier, profile)
        if span is None:
            continue
        start, end, short = span
        cut.append(sentence[start:end])
        sentence = sentence[:start] + short + sentence[end:]
    return sentence, cut


def _whole_in(
    sentence: str, people: dict[str, Person], mentioned: set[str], titles: frozenset[str]
) -> tuple[str, list[str]]:
    """The sentence with a bare surname the article never says alone said as the whole name:
    a split that said "Woo-Suk created ..." for Hwang Woo-Suk (whose family name comes first)
    says "Hwang Woo-Suk created ..."; the names it said whole."""
    said = []
    for surname in [s for s in people if s in mentioned and not people[s].by_surname]:
        mention = _mention(sentence, people[surname], titles)
        if mention in _NOT_NAMED:
            continue
        start, end, _ = mention
        if POSSESSIVE.sub("", sentence[start:end]) != surname:
            continue  # said with a given name or a title already
        possessive = sentence[start:end][len(surname) :]
        sentence = sentence[:start] + people[surname].name + possessive + sentence[end:]
        said.append(people[surname].name)
    return sentence, said


def _said_in_full(
    sentence: str, person: Person, earlier: str, profile: Profile
) -> tuple[int, int, str] | None:
    """The first mention outside quotes that names the person with given names (and a role
    before them, or their age after): its span and the surname it becomes, personal titles and
    particles kept ("Mr David Cameron" is "Mr Cameron", "Robin van Persie" is "Van Persie")."""
    tokens = list(re.finditer(r"\S+", sentence))
    surname = re.compile(rf"{re.escape(person.surname)}(?:['’]s)?[,.;:!?]?")
    given = {w.lower().rstrip(".") for w in person.name.split()} - SURNAME_PARTICLES
    given.discard(person.surname.lower())
    at = next(
        (
            i
            for i, t in enumerate(tokens)
            if surname.fullmatch(t[0]) and not inside_quote(sentence, t.start())
        ),
        None,
    )
    if at is None:
        return None
    kept: list[str] = []  # particles, said with the surname
    k, last, has_given = at, at, False
    if _given_after(person, tokens, at):
        # "Zhou Yongkang": the family name first, the given names after it.
        has_given, last = True, at + len(person.name.split()) - 1
    while k > 0 and bare(tokens[k - 1][0]) in SURNAME_PARTICLES and not has_given:
        kept.insert(0, tokens[k - 1][0])
        k -= 1
    while k > 0 and last == at and tokens[k - 1][0].lower().rstrip(".") in given:
        has_given, k = True, k - 1
    if not has_given or not person.by_surname:
        return None  # "Pulis", "Mr Cameron": said short already
    if _paired(sentence, tokens[k].start(), _end_of(tokens[last])):
        return None  # "Duncan Bannatyne and Peter Jones": names in a list are said alike
    k = _role_start(tokens, k, profile)
    end = _end_of(tokens[last])
    possessive = POSSESSIVE.search(tokens[last][0])
    word = person.surname + (possessive[0] if possessive else "")
    end += _age_said_before(sentence[end:], person, earlier, profile)
    short = " ".join([*kept, word])
    before = sentence[: tokens[k].start()].rstrip()
    if not before or before.endswith((".", "“", '"', "‘", "'")):
        short = short[:1].upper() + short[1:]  # "Van Persie scored"
    return tokens[k].start(), end, short


def _end_of(token: re.Match[str]) -> int:
    """Where the word ends, its punctuation left out."""
    return token.start() + len(token[0].rstrip(",.;:!?"))


# A full name next to the mention, joined by "and" or a comma: "Duncan Bannatyne and Peter Jones".
_FULL_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]+\s+[A-Z][\w'’-]+(?:,|\s+and)\s+$")
_FULL_NAME_AFTER = re.compile(r"^(?:,|\s+and)\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")


def _paired(sentence: str, start: int, end: int) -> bool:
    return bool(
        _FULL_NAME_BEFORE.search(sentence[:start]) or _FULL_NAME_AFTER.match(sentence[end:])
    )


def _given_after(person: Person, tokens: list[re.Match[str]], at: int) -> bool:
    following = [
        POSSESSIVE.sub("", t[0]).rstrip(",.;:!?")
        for t in tokens[at + 1 : at + len(person.name.split())]
    ]
    return person.name.startswith(person.surname + " ") and following == person.name.split()[1:]


def _role_start(tokens: list[re.Match[str]], k: int, profile: Profile) -> int:
    """Where a role before the given names begins ("Head coach Tony Pulis"); k when none. A role
    after a preposition may hold a place ("In London Mayor Sadiq Khan"), so it stays."""
    start = k
    while start > 0 and k - start < ROLE_WORDS:
        word = tokens[start - 1][0]
        if is_title(word) or not role_word(word, profile):
            break
        start -= 1
    if start == k or not any(bare(tokens[i][0]) in profile.titles for i in range(start, k)):
        return k
    opener = bare(tokens[start - 1][0]) if start > 0 else ""
    return k if opener in PREPOSITIONS else start


def _age_said_before(after: str, person: Person, earlier: str, profile: Profile) -> int:
    """The length of an age after the name (", 27," or ", 27" before the verb) that the script
    already said with the name: told once, it is not told again. An age before more about
    the person (", 27, a mother of two,") stays with it."""
    match = re.match(r",\s+(\d{1,3}),?(?=\s+(\S+))", after)
    if not match or not (is_finite_verb(match[2], profile) or match[2] == "and"):
        return 0
    said = re.search(rf"\b{re.escape(person.surname)}\b[^.;]{{0,12}}?,\s+{match[1]}\b", earlier)
    return match.end() if said else 0


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
_NOT_NAMED = (None, _SOMEONE_ELSE)


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
            if word.endswith((",", ";", ":")):
                break  # "Like Hughes, Price provided ...": a pause ends the name before it
            if word.lower() in given:
                has_given = True
            elif not is_title(word) and bare(word) in titles:
                has_role = True  # "Chancellor Angela Merkel", "editor Jon Sopel"
                break
            elif (
                word[:1].isupper() and k == i and not is_title(word) and bare(word) not in NOT_ROLE
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
    # "the McConville case", "the Obama administration": a name that describes the noun after
    # it takes no role, before it or after it ("the President Barack Obama administration").
    modifier = bare((sentence[:start].split() or [""])[-1]) in {"the", "a", "an"}
    if modifier:
        intro = person.name
    elif person.role_after:
        at_pause = sentence[end : end + 1] in {",", ".", ";", ":", "!", "?"} or end == len(sentence)
        intro = person.name if possessive else intro + ("" if at_pause else ",")
    grown = len(sentence.split()) - len(mentioned.split()) + len(intro.split())
    if grown > LONGEST:
        intro = person.name
    if start == 0 or sentence[:start].rstrip().endswith((".", "“", '"')):
        intro = intro[:1].upper() + intro[1:]
    return intro + (mentioned[-2:] if possessive else "")
