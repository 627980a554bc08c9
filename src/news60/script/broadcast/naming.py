"""People identified at first mention, with what the article says they are: "Raab told the BBC"
becomes "Foreign Secretary Dominic Raab told the BBC" when the article introduced him so; after
that, the surname alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from news60.language import Profile
from news60.script.broadcast.gender import article_pronoun, title_pronoun
from news60.script.broadcast.grammar import (
    PREPOSITIONS,
    SURNAME_PARTICLES,
    bare,
    inside_quote,
    is_finite_verb,
    verb_within,
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
            if _POSSESSIVE.search(name):  # "Tony Pulis's team": the name is "Tony Pulis"
                name, end = _POSSESSIVE.sub("", name), end - 2
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
        person = (with_role or mentions)[0]
        by_surname = _called_by_surname(person, whole)
        first = person.name.split()[0]
        # "Zhou Yongkang ... Zhou said", "Frank Henderson ... Frank is a truck driver": the
        # article calls them by the name it puts first, so the script does too, unless two
        # share it ("Hwang Woo-Suk" and "Hwang In-Sung").
        shared = first in found or sum(name.split()[0] == first for name in named) > 1
        if not by_surname and not shared and _called_by_first_name(person, whole, profile):
            person, by_surname = replace(person, surname=first), True
        people[person.surname] = replace(person, by_surname=by_surname)
    texts = [text for text, _ in sentences]
    pronouns = {}
    for surname in {p.surname for p in people.values()} | set(found):
        known = people.get(surname)
        pronoun = article_pronoun(known.name if known else surname, surname, texts)
        if pronoun:
            pronouns[surname] = pronoun
    return Cast(people, pronouns)


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


@dataclass(frozen=True)
class Named:
    """A script sentence with its people named for the ear: who it introduced at first mention,
    and the later mentions it cut to the surname (as the article wrote them)."""

    text: str
    introduced: tuple[Person, ...] = ()
    shortened: tuple[str, ...] = ()
    pronoun_for: str = ""  # the name said as "He" or "She"


def introduce(
    sentences: Sequence[str], cast: Cast, profile: Profile, follows: Sequence[bool] = ()
) -> list[Named]:
    """Each sentence with the first mention of every person introduced as the article does (a
    sentence that would grow past LONGEST words gets the bare name), and every later mention in
    full cut to the surname ("Head coach Tony Pulis believes" once he is known: "Pulis believes");
    `follows`: each sentence comes right after the one before it in the article too, so a
    pronoun may point back to it."""
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
        new, who = _introduce_in(sentence, people, introduced, profile.titles)
        mentioned |= {
            s for s, p in people.items() if _mention(new, p, profile.titles) not in _NOT_NAMED
        }
        name = ""
        if k < len(follows) and follows[k]:
            new, name = _said_as_pronoun(new, out[-1].text, cast.pronouns, profile)
        out.append(Named(new, tuple(who), tuple(shortened), name))
    return out


def _said_as_pronoun(
    sentence: str, previous: str, pronouns: dict[str, str], profile: Profile
) -> tuple[str, str]:
    """ "Mr Clarke told how ... Mr Clarke runs a company": a sentence that opens on the person
    the sentence before opened on, with no one else named there, says "He" or "She" as a
    newsreader would, when the article says which. The name and the pronoun go by turns, so
    the listener is never far from the name. Returns the sentence and the name it replaced."""
    here = _opening_person(sentence, profile)
    before = _opening_person(previous, profile)
    if here is None or before is None or here.surname != before.surname:
        return sentence, ""
    if here.given or _names_others(previous, here.surname, profile):
        return sentence, ""
    title = here.title or before.title
    pronoun = title_pronoun(title) if title else pronouns.get(here.surname)
    if pronoun is None:
        return sentence, ""
    return pronoun.capitalize() + sentence[here.end :], sentence[: here.end]


@dataclass(frozen=True)
class _Opening:
    """The person a sentence opens on as its subject: "Ocean scientist Dom Clarke, 25, saw"."""

    surname: str
    title: str  # "Mr", or ""
    given: bool  # given names said with the surname
    end: int  # where the name ends (its age aside included)


_OPENING_WORDS = 6  # "Dragons' Den star Duncan Bannatyne": a role and a full name at most
_ADVERBS = frozenset(["also", "now", "then", "later", "still", "previously", "recently", "once"])


def _opening_person(sentence: str, profile: Profile) -> _Opening | None:
    """Who the sentence opens on, when a name (with its role, title and given names) is its
    subject, right before its verb ("Mourinho also managed Porto")."""
    tokens = list(re.finditer(r"\S+", sentence))
    for i, token in enumerate(tokens[:_OPENING_WORDS]):
        word = token[0].rstrip(",")
        age = _AGE.match(sentence[token.start() + len(word) :])
        if (token[0].endswith(",") and not age) or i + 1 >= len(tokens):
            break
        if not (word[:1].isupper() or bare(word) in SURNAME_PARTICLES | profile.titles):
            return None
        if bare(word) in _NOT_ROLE or inside_quote(sentence, token.start()):
            return None
        end = token.start() + len(word) + (age.end() if age else 0)
        rest = sentence[end:].split()
        if rest[:1] and rest[0][:1].isupper() or not _verb_next(word, rest, profile):
            continue
        title = next((t[0].rstrip(".") for t in tokens[:i] if is_title(t[0])), "")
        named = [t[0] for t in tokens[:i] if not is_title(t[0])]
        return _Opening(word, title, bool(named), end)
    return None


_AGE = re.compile(r",\s+\d{1,3},")


def _verb_next(name: str, rest: list[str], profile: Profile) -> bool:
    """The words after the name open on its verb ("told", "also managed", "runs a")."""
    if rest and bare(rest[0]) in _ADVERBS:
        rest = rest[1:]
    return verb_within([name, *rest], profile, 2) == 1


def _names_others(sentence: str, surname: str, profile: Profile) -> bool:
    """The sentence names someone else: in full, or by a title ("Mrs Cameron" beside him)."""
    full = [name for name, _, _ in named_people(sentence) if surname_of(name) != surname]
    titled = re.findall(_TITLED_NAME, sentence)
    return bool(full) or any(name.split()[-1] != surname for name in titled)


# "Ms Sandra Fluke", "Mrs Cameron": a personal title and the name after it.
_TITLED_NAME = r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord)\.?\s+((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)"


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
    if _paired(sentence, tokens[k].start(), end_of(tokens[last])):
        return None  # "Duncan Bannatyne and Peter Jones": names in a list are said alike
    k = _role_start(tokens, k, profile)
    end = end_of(tokens[last])
    possessive = _POSSESSIVE.search(tokens[last][0])
    word = person.surname + (possessive[0] if possessive else "")
    end += _age_said_before(sentence[end:], person, earlier, profile)
    short = " ".join([*kept, word])
    before = sentence[: tokens[k].start()].rstrip()
    if not before or before.endswith((".", "“", '"', "‘", "'")):
        short = short[:1].upper() + short[1:]  # "Van Persie scored"
    return tokens[k].start(), end, short


_POSSESSIVE = re.compile(r"['’]s(?=[,.;:!?]*$)")


def end_of(token: re.Match[str]) -> int:
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
        _POSSESSIVE.sub("", t[0]).rstrip(",.;:!?")
        for t in tokens[at + 1 : at + len(person.name.split())]
    ]
    return person.name.startswith(person.surname + " ") and following == person.name.split()[1:]


def _role_start(tokens: list[re.Match[str]], k: int, profile: Profile) -> int:
    """Where a role before the given names begins ("Head coach Tony Pulis"); k when none. A role
    after a preposition may hold a place ("In London Mayor Sadiq Khan"), so it stays."""
    start = k
    while start > 0 and k - start < ROLE_WORDS:
        word = tokens[start - 1][0]
        if is_title(word) or not _role_word(word, profile):
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
