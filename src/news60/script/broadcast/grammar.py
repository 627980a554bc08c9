"""Just enough grammar to split a sentence safely: finite verbs, clause openings, subjects, and
where the quotes are (a rewrite never cuts or changes a quote)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from news60.language import Profile
from news60.script.people import SURNAME_PARTICLES, full_names, surname_of
from news60.script.quotes import QUOTED, opens_on_quote, read_marks

WORD = re.compile(r"[\w'’.-]+")
# "-ed" words that are usually adjectives before a noun, not a verb ("the alleged attack").
_ED_ADJECTIVES_WORDS = (
    "alleged so-called retired armed unnamed unidentified detailed renewed united limited "
    "related based noted talented skilled married beloved wicked naked sacred"
)
_ED_ADJECTIVES = frozenset(_ED_ADJECTIVES_WORDS.split())
# Prepositions that end a noun phrase when reading back from a comma ("the crisis with Iran").
PREPOSITIONS_WORDS = (
    "of in on at by for with from to into over under about after before during against "
    "between among across through without within near toward towards than via like"
)
PREPOSITIONS = frozenset(PREPOSITIONS_WORDS.split())
CLAUSE_REACH = 7  # a clause's finite verb comes within this many words of its opening
SUBJECT_WORDS = 5  # a subject longer than this is not repeated as a new sentence's opening


def bare(word: str) -> str:
    """The word without the punctuation around it, lower-cased."""
    return word.strip(".,;:!?\"“”‘’'()[]—–-").lower()


def is_finite_verb(word: str, profile: Profile) -> bool:
    """An auxiliary, an irregular past, a common present or a regular "-ed" past ("was", "won",
    "says", "agreed")."""
    w = bare(word)
    if w in profile.auxiliaries or w in profile.irregular_past or w in profile.present_verbs:
        return True
    if _CONTRACTED.match(w):
        return True  # "he's", "they're"
    return len(w) > 4 and w.endswith("ed") and w not in _ED_ADJECTIVES


def subordinate_alone(text: str, profile: Profile) -> bool:
    """The sentence is a clause opened by "as", "while" or "although" with no main clause after
    it: "As foreign ministers from across the globe fly into London to discuss strategy." (the
    page lost what it was the time of). Words outside quotes are read; a comma, semicolon,
    colon or dash may close the clause, and a second finite verb may be the main clause's ("As
    an athlete I have put a lot of thought into what I can do")."""
    outside = read_marks(text).outside
    words = outside.split()
    if not words or bare(words[0]) not in profile.clause_conjunctions:
        return False
    if _CLAUSE_END.search(outside):
        return False
    verbs = [k for k, w in enumerate(words) if k and is_finite_verb(w, profile)]
    if len(verbs) > 1:
        return False
    # "While in office he signed 20 bills": a subject after a verbless opening is the main
    # clause's own.
    subject = verbs and verbs[0] > 2 and bare(words[verbs[0] - 1]) in profile.subject_pronouns
    return not subject


# Where a clause opened by "as" or "while" may end and the sentence's main clause begin.
_CLAUSE_END = re.compile(r"[,;:—–]|\s-\s")


def verb_within(words: list[str], profile: Profile, reach: int = CLAUSE_REACH) -> int | None:
    """Where the first finite verb stands among the first `reach` words, if there is one; an
    "-ed" word after a determiner or joined by a hyphen describes a noun ("a high-powered team"),
    and so does a past form after a determiner ("a lost play", "the stolen car")."""
    for k, word in enumerate(words[:reach]):
        after_determiner = k > 0 and bare(words[k - 1]) in profile.determiners
        describes = (bare(word).endswith("ed") and ("-" in word or after_determiner)) or (
            # "a lost play"; but "the team that won" is a clause
            after_determiner
            and bare(word) in profile.irregular_past
            and bare(words[k - 1]) != "that"
        )
        if (is_finite_verb(word, profile) and not describes) or present_at(words, k, profile):
            return k
    return None


# Words after which an "-s" word is a noun, not a verb: "the plans", "of troops", "two hostages".
_NOT_BEFORE_VERB_WORDS = "two three four five six seven eight nine ten many several all some"
_NOT_BEFORE_VERB = frozenset(_NOT_BEFORE_VERB_WORDS.split())
# What an object opens with right after a present verb: "opens a window", "accuses Mata".
_OBJECT_OPENERS_WORDS = "the a an his her its their our my your"
_OBJECT_OPENERS = frozenset(_OBJECT_OPENERS_WORDS.split())
# Capitalised words that follow a plural noun as often as a verb ("officials Tuesday said").
_NOT_OBJECTS_WORDS = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december i"
)
_NOT_OBJECTS = frozenset(_NOT_OBJECTS_WORDS.split())


def present_at(words: list[str], k: int, profile: Profile) -> bool:
    """ "The story ... opens a window", "Human Rights Watch cites a report": a present verb in
    "-s" that no word list holds, told from a plural noun by its neighbours: a noun before it
    and, right after, its object opening on a determiner or a name."""
    word = words[k]
    if k == 0 or k + 1 >= len(words) or not re.fullmatch(r"[a-z]{3,}s", word):
        return False
    if word.endswith(("ss", "us", "is", "ous")):
        return False  # "business", "status", "analysis", "famous"
    before, after = words[k - 1], words[k + 1]
    if before.lower() in {"he", "she", "it"}:
        return True  # "he feels that ...": after "he", "she" or "it" an "-s" word is its verb
    if before[-1:] in ",;:—–-" or not before[-1:].isalnum():
        return False  # "..., records": the word opens a phrase of its own
    if bare(before) in profile.determiners | PREPOSITIONS | _NOT_BEFORE_VERB or before.isdigit():
        return False
    name = after[:1].isupper() and bare(after) not in _NOT_OBJECTS
    return bare(after) in _OBJECT_OPENERS and after[-1:].isalpha() or name


def opens_clause(text: str, profile: Profile) -> bool:
    """The text opens with a subject and its finite verb ("the FAA agreed", "Iran shot down"),
    so it can stand alone as a sentence."""
    words = DASHED_ASIDE.sub(" ", text).split()
    if words and _CONTRACTED.match(bare(words[0])):
        return True  # "he's the man": a subject and its verb in one word
    k = verb_within(words, profile, _reach(words, profile))
    if not k:
        return False  # no verb near, or a verb with no subject before it ("agreed to ...")
    first = bare(words[0])
    # A bare plural may open a clause too ("members of his party left"); "much as is needed"
    # or a preposition, conjunction, adverb or participle may not.
    bare_noun = (
        first.isalpha()
        and first.endswith("s")
        and not first.endswith("ss")
        and first not in PREPOSITIONS | profile.clause_conjunctions | profile.openers
    )
    starts = (
        first in profile.subject_pronouns
        or first in profile.determiners
        or words[0][:1].isupper()
        or words[0][:1].isdigit()
        or bare_noun
        or _bare_noun_phrase(words[:k], profile)
    )
    subject = [bare(w) for w in words[:k]]
    # "a hormone which is naturally produced", "a place where anyone can succeed": the verb is
    # the relative clause's, not a subject's
    relative = any(w in {"which", "who", "whom", "whose", "where"} for w in subject)
    # "a problem that has haunted cartographers": "that" after the noun opens a relative too
    # (first, "That left the lawmakers short" is the subject itself).
    relative = relative or "that" in subject[1:]
    return (
        starts
        and not relative
        and not any(w in PREPOSITIONS for w in subject[:1])
        and not _has_comma(words[:k])
    )


# "he's", "they're", "it'll": a subject pronoun and its verb, contracted.
_CONTRACTED = re.compile(r"^(?:he|she|it|they|we|i|you|there)['’](?:s|re|ve|ll|d|m)$")
# "the other four clubs - Peterborough, Bristol City and Crawley - all hit ...": an aside
# between dashes inside the subject is not where the subject's verb is looked for.
DASHED_ASIDE = re.compile(r"\s(?:—|–|--|-)\s(?P<aside>[^—–;“”\"]+?)\s(?:—|–|--|-)\s")


def _bare_noun_phrase(subject: list[str], profile: Profile) -> bool:
    """ "police officials could not be reached", "in-migration slowed": a noun or two with no
    article before the verb, none of them a word that opens a phrase or describes a verb."""
    plain = [bare(w) for w in subject]
    excluded = (
        PREPOSITIONS | profile.clause_conjunctions | profile.openers | set(profile.coordinators)
    )
    return 0 < len(plain) <= BARE_SUBJECT_WORDS and all(
        re.fullmatch(r"[a-z]+(?:-[a-z]+)?", w) is not None
        and w not in excluded
        and not w.endswith(("ly", "ing"))
        for w in plain
    )


BARE_SUBJECT_WORDS = 2  # "police officials": longer runs without an article are seldom a subject


def _reach(words: list[str], profile: Profile) -> int:
    """How far a clause's verb may stand: further after "a gauge of stocks across the globe",
    a determiner, a noun and "of" that open a subject with its phrases."""
    of_phrase = len(words) > 2 and bare(words[0]) in profile.determiners and bare(words[2]) == "of"
    return CLAUSE_REACH + 3 if of_phrase else CLAUSE_REACH


def _has_comma(words: list[str]) -> bool:
    return any(w.endswith(",") for w in words)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quotes in the text, marks included."""
    return [m.span() for m in QUOTED.finditer(text)]


def inside_quote(text: str, at: int) -> bool:
    """True when position `at` falls inside a quote (or a quote left open before it)."""
    if any(start < at < end for start, end in quote_spans(text)):
        return True
    before = text[:at]
    # "continued: ‘I drove away Jean McConville, ..." where the quote closes sentences later.
    single = read_marks(before).open_at_end == "‘"
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 or single


def inside_aside(text: str, at: int) -> bool:
    """Inside a quote, brackets, or a pair of dashes: a split there would break the aside."""
    if inside_quote(text, at):
        return True
    before = text[:at]
    if before.count("(") > before.count(")"):
        return True
    dashes = len(re.findall(r"\s(?:—|–|--|-)\s", before))
    after = len(re.findall(r"\s(?:—|–|--|-)\s", text[at:]))
    return dashes % 2 == 1 and after >= 1


def main_subject(sentence: str, profile: Profile) -> str | None:
    """The subject a new sentence may repeat: a pronoun, a name, or "The <noun>" of at most
    SUBJECT_WORDS words that opens the sentence right before its verb; None when unsure."""
    words = sentence.split()
    words = after_opening_phrase(words, profile) or words
    k = verb_within(words, profile, SUBJECT_WORDS + 1)
    if not k:
        return None
    subject = words[:k]
    if _has_comma(subject) or any(bare(w) in PREPOSITIONS - {"of"} for w in subject):
        return None
    if opens_on_quote(subject[0]):
        return None  # "“I will not evade ...,” Yoon continued": the quote's "I" is its speaker's
    return repeatable(" ".join(subject), profile)


# Nouns for more than one that do not end in "s" ("police", "people"), and a few that do,
# taken as plural wherever a subject's number decides "they" or "it".
PLURAL_NOUNS = frozenset(["police", "people", "staff", "children", "troops", "officials", "crowds"])
# Capitalised words before a name that are not part of its title nor a given name ("When
# Trump", "But Smith", "Yesterday Rowlands").
NOT_ROLE_WORDS = (
    "when after before but and as if while since because though although then so also the a "
    "an in on at by for with from of to said says told according meanwhile however yesterday "
    "today tonight now earlier later monday tuesday wednesday thursday friday saturday sunday"
)
NOT_ROLE = frozenset(NOT_ROLE_WORDS.split())
# The small words inside a name: "Bank of England", "Luis de Miranda", "Braunau am Inn".
NAME_PARTICLES = frozenset(["of", "de", "del", "der", "la", "le", "van", "von", "am", "upon"])


def after_opening_phrase(
    words: list[str], profile: Profile, *, any_phrase: bool = False
) -> list[str] | None:
    """The words after a short verbless phrase that opens the sentence up to a comma: one of
    time or place ("Earlier Saturday, Yoon apologized" -> "Yoon apologized"), or with
    `any_phrase` any ("After all, he's ..."); the words themselves when no such phrase opens
    it; None when what opens it up to the comma has a verb (a clause, not a phrase)."""
    for k, word in enumerate(words[:OPENING_PHRASE_WORDS]):
        if word.endswith(","):
            phrase = words[: k + 1]
            if verb_within(phrase, profile, len(phrase)) is not None:
                return None
            first = bare(phrase[0])
            timed = first in PREPOSITIONS or first in _TIME_WORDS
            return words[k + 1 :] if any_phrase or timed else words
    return words


OPENING_PHRASE_WORDS = 5  # "Late on Tuesday night," at most: a longer opening is a clause
# Words that open a phrase of time ("Earlier this month, ...", "Late on Tuesday, ...").
TIME_OPENERS = frozenset(["earlier", "later", "late", "last", "this", "early", "once"])
# ... and before a subject: "Earlier Saturday,", "Yesterday,", never "Once" (a conjunction there).
_TIME_WORDS = (TIME_OPENERS - {"once"}) | {"yesterday", "today"}


def repeatable(phrase: str, profile: Profile) -> str | None:
    """How a noun phrase is said again at a new sentence's start: a person by surname, a name as
    it is, "a company" as "The company", a pronoun capitalised; None for anything else."""
    words = phrase.strip(" ,").split()
    if not words or len(words) > SUBJECT_WORDS:
        return None
    first = bare(words[0])
    if len(words) == 1 and first in profile.subject_pronouns:
        return words[0][:1].upper() + words[0][1:]
    if first in {"a", "an", "the"} and len(words) > 1 and not words[-1][:1].isupper():
        return " ".join(["The", *words[1:]])  # "an Australian citizen" -> "The Australian citizen"
    if first in profile.determiners - {"a", "an", "the", "that", "this", "some", "many"}:
        return " ".join([words[0].capitalize(), *words[1:]])
    if len(words) == 3 and words[1] in SURNAME_PARTICLES and words[2][:1].isupper():
        return capitalise(" ".join(words[1:]))  # "Louis van Gaal" said again: "Van Gaal"
    if all(w[:1].isupper() or bare(w) in NAME_PARTICLES for w in words):
        people = full_names(phrase)
        if len(people) != 1 or people[0] != phrase:
            return phrase
        return _with_particles(surname_of(phrase), words)
    return _described_person(words, profile)


def _described_person(words: list[str], profile: Profile) -> str | None:
    """ "British innovator James Dyson", "Dragons' Den star Duncan Bannatyne": what someone is,
    then their full name; said again by surname. Never after "of" ("the head of William Hill")."""
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    name = " ".join(words[k:])
    before = words[k - 1] if k > 0 else ""
    if len(words) - k < 2 or not before[:1].islower() or bare(before) in PREPOSITIONS:
        return None
    if bare(before) in profile.determiners or full_names(name) != [name]:
        return None
    if bare(before) not in profile.titles and not _PERSON_NOUN.search(bare(before)):
        return None  # "the firm Big Machine": what comes before says it is no person
    return _with_particles(surname_of(name), words[k:])


# Nouns for what a person does: "innovator", "campaigner", "scientist", "comedian", "student".
_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent)$")


def _with_particles(surname: str, words: list[str]) -> str:
    """ "Beek" of "James Van Der Beek" said with the small words that are part of it."""
    k = words.index(surname) if surname in words else len(words) - 1
    while k > 0 and words[k - 1].lower() in NAME_PARTICLES:
        k -= 1
    return " ".join(words[k:]) if surname == words[-1] else surname


def capitalise(text: str) -> str:
    """The text with its first letter in upper case (after any opening quote mark)."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


@dataclass(frozen=True)
class Casing:
    """How the article writes its words: those it writes in lower case ("prosecutors"), and
    those it capitalises inside a sentence, its names ("Beijing")."""

    lower: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str) -> Casing:
        lower = re.findall(r"\b[a-z][a-z'’-]+\b", text)
        # A capital after a lower-case word or a comma is a name's, not a sentence's.
        names = re.findall(r"(?<=[a-z,;] )[A-Z][\w-]*", text)
        return cls(frozenset(lower), frozenset(names))


# A sentence written alone, with no article around it: every capitalised word may be a name.
NO_CASING = Casing()


def decapitalise(text: str, profile: Profile, casing: Casing = NO_CASING) -> str:
    """The first word in lower case when it is a common word ("The", "Here"), or one the article
    writes in lower case elsewhere ("prosecutors"), never a name ("Beijing")."""
    word = _first_word(text)
    common = profile.determiners | (profile.subject_pronouns - {"i"}) | profile.openers
    acronym = word.isupper() and len(word) > 1
    plain = word.lower()
    if word[:1].isupper() and not acronym and plain in common | PREPOSITIONS | casing.lower:
        return text[:1].lower() + text[1:]
    return text


def unsure_case(text: str, casing: Casing) -> bool:
    """The text opens on a capitalised word the article never writes inside a sentence, either
    way: "Issues surrounding plagiarism ..." may be a common word or a name, and moved after
    "Dyson said" it would be read wrong either way it is written."""
    first, _, rest = text.partition(" ")
    word = re.sub(r"[^\w-].*$", "", _first_word(first))  # "Dubai's" is Dubai
    if not word[:1].isupper() or (word.isupper() and len(word) > 1) or word == "I":
        return False
    if rest[:1].isupper() and not _describes_a_title(rest):
        return False  # "Roman Shilov": two capitals in a row are a name
    return word.lower() not in casing.lower and word not in casing.names


def _describes_a_title(rest: str) -> bool:
    """ "Radical Iraqi cleric Muqtada al-Sadr": the capitals before a word in lower case and a
    name describe the title ("cleric"), so the first may be a common word, not a name's."""
    words = rest.split()[:3]
    return (
        len(words) == 3
        and words[0][:1].isupper()
        and words[0][-1:].isalpha()
        and words[1].isalpha()
        and words[1].islower()
        and words[2][:1].isupper()
    )


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].strip("“\"‘'")


def ended(text: str) -> str:
    """The text with a full stop at its end unless it ends on one already (or ?, !, a quote)."""
    text = text.rstrip(" ,;:—–-")
    if re.search(r"[.!?…][\"'”’)]*$", text):
        return text
    return text + "."
