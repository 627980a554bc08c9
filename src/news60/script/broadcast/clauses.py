"""Sentences for the ear: a long sentence split where a clause ends, into whole sentences that
stand alone. Every split keeps the article's words and order; what a new sentence opens with
is the clause's own subject, a repeated name or noun ("Iran", "The lines"), or "That"."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from news60.language import Profile
from news60.script.broadcast.grammar import (
    CLAUSE_REACH,
    NAME_PARTICLES,
    NO_CASING,
    PLURAL_NOUNS,
    PREPOSITIONS,
    after_opening_phrase,
    bare,
    capitalise,
    decapitalise,
    ended,
    inside_aside,
    inside_quote,
    is_finite_verb,
    main_subject,
    opens_clause,
    present_at,
    repeatable,
    unsure_case,
    verb_within,
)
from news60.script.quotes import QUOTED, opens_on_quote, read_marks

# Words no sentence ends on: a piece ending so was cut inside its clause ("... because.").
_DANGLING_WORDS = (
    "and or but the a an because that if when while as although though since whether which "
    "who whom whose it uses even he she they we both either neither"
)
_DANGLING = frozenset(_DANGLING_WORDS.split())
# A sentence longer than this is split where a clause ends cleanly, so that the median sentence
# said runs 18 words or fewer (40-word print sentences were what listeners lost track of).
SPLIT_FROM = 18
LONGEST = 30  # no sentence said runs longer: past this a listener loses its beginning
_STAND_INS_WORDS = "it its they he she this that these those but so yet"
_STAND_INS = frozenset(_STAND_INS_WORDS.split())
MIN_PIECE = 5  # each piece says something whole: a subject, a verb and what they do
MAX_DEPTH = 3  # a sentence is split at most this many times over


@dataclass(frozen=True)
class Split:
    """Pieces a sentence was split into, and a note on where."""

    pieces: tuple[str, ...]
    note: str
    # The later pieces say who someone in the first is: said right after the first sentence
    # the first piece becomes, before the rest of it ("Han Dong-hoon urged Yoon to step down.
    # Han Dong-hoon is the leader of the PPP. Han told reporters ...").
    beside_first: bool = False


SplitRule = Callable[[str, Profile], Split | None]


def split_for_ear(
    text: str, profile: Profile, depth: int = 0, lead: bool = False
) -> tuple[list[str], list[str]]:
    """The sentence as one or more sentences of at most SPLIT_FROM words where it splits
    cleanly, with a note per split; a sentence no rule splits cleanly stays whole. The `lead`'s
    first piece is not split again once it is short enough to say: cut twice, the lead's first
    sentence would no longer tell the news."""
    if len(text.split()) <= SPLIT_FROM or depth >= MAX_DEPTH:
        return [text], []
    # "..., the source told Reuters.": only who the speaker is may be taken out of what was said.
    rules = (split_speaker_aside,) if _attributed_at_end(text, profile) else SPLIT_RULES
    for rule in rules:
        split = rule(text, profile)
        split = split and _named_again(split, text, profile)
        if split and _stand_in(split, text):
            continue  # a sentence a listener can take whole stays whole rather than lean back
        if split and lead and _setup_first(split, text, profile):
            continue  # "Take a look at a map today." would open the story without its news
        if split and all(
            _whole(piece, profile, closing=_ends_as(piece, text)) for piece in split.pieces
        ):
            said = [
                ([piece], [])
                if lead and k == 0 and len(piece.split()) <= LONGEST
                else split_for_ear(piece, profile, depth + 1, lead and k == 0)
                for k, piece in enumerate(split.pieces)
            ]
            pieces = [p for more, _ in said for p in more]
            notes = [split.note, *(n for _, why in said for n in why)]
            if split.beside_first and len(said[0][0]) > 1:
                first = said[0][0]
                pieces = [first[0], *pieces[len(first) :], *first[1:]]
            return pieces, notes
    return [text], []


def _setup_first(split: Split, text: str, profile: Profile) -> bool:
    """A lead of at most LONGEST words whose first piece tells the listener to do something
    ("Take a look at a map today.", "Imagine ...") rather than what happened: the story's first
    sentence is said whole rather than open on a scene-setter ("Oil prices fell sharply on
    Tuesday on oversupply concerns." is news, and is split off)."""
    return len(text.split()) <= LONGEST and not opens_clause(split.pieces[0], profile)


def _named_again(split: Split, text: str, profile: Profile) -> Split:
    """Later pieces that open on "they", "he" or "she" for the sentence's own subject say that
    subject again when it is a name, as a newsreader would ("Chadima declined ..., although he
    did release ..." -> "... But Chadima did release ..."); "The book" or "The company" is left
    to the pronoun (a listener takes either as pointing back)."""
    subject = main_subject(text, profile)
    if not subject or bare(subject.split()[0]) in profile.determiners | profile.subject_pronouns:
        return split
    pieces = list(split.pieces)
    for k, piece in enumerate(pieces[1:], start=1):
        words = piece.split()
        at = 1 if len(words) > 2 and bare(words[0]) in _CONTRASTS else 0
        if _stands_for(bare(words[at]), subject, split.pieces[0], profile):
            pieces[k] = " ".join(
                [*words[:at], subject if at else capitalise(subject), *words[at + 1 :]]
            )
    return replace(split, pieces=tuple(pieces))


def _stands_for(pronoun: str, subject: str, first: str, profile: Profile) -> bool:
    """ "they" for a plural name ("Police", "Democrats"); "he" or "she" for a name when the first
    piece names no one else (any other capitalised word but a day or month)."""
    if pronoun == "they":
        last = bare(subject.split()[-1])
        return subject[:1].isupper() and (last.endswith("s") or last in PLURAL_NOUNS)
    if pronoun not in {"he", "she"} or not subject[:1].isupper():
        return False
    named = set(subject.split())
    others = [
        w
        for w in first.split()[1:]
        if w[:1].isupper() and bare(w) not in _NOT_NAMES and w not in named
    ]
    return not others and verb_within(subject.split(), profile, len(subject.split())) is None


def _stand_in(split: Split, text: str) -> bool:
    """A split of a sentence of at most LONGEST words whose later piece opens on a stand-in for
    what came before (a pronoun, "That", "But"): past LONGEST a sentence is split even so, though
    the listener has to hold the sentence before to follow the new one."""
    if len(text.split()) > LONGEST:
        return False
    return any(_leans_back(piece.split()) for piece in split.pieces[1:] if piece.split())


def _leans_back(words: list[str]) -> bool:
    """The piece opens on a stand-in; "But Cleverley's situation will be clearer" does not: the
    contrast word leans on the sentence said just before, and the clause names its own subject."""
    first = bare(words[0])
    if first in _CONTRASTS and len(words) > 1:
        second = bare(words[1])
        return second in _STAND_INS | PREPOSITIONS | _CLAUSE_WORDS or second == "i"
    return first in _STAND_INS


_CONTRASTS = frozenset({"but", "yet"})


def _attributed_at_end(text: str, profile: Profile) -> bool:
    """ "..., Cook said while visiting ..." or "..., the source told Reuters.": every clause
    before is what someone said, so a split would state the first part as fact."""
    verbs = "|".join(profile.reporting_forms)
    # "..., but Gary Neville believes they ...": after a conjunction the verb opens a clause of
    # its own, and what came before is not what he said.
    joined = "|".join(profile.coordinators)
    # "..., who was reported missing in action": a passive says nothing of a speaker.
    passive = "".join(rf"(?<!\b{be}\s)" for be in sorted(_BE))
    return (
        re.search(
            rf",\s+(?!(?:{joined})\b)(?:[^,“”\"]{{1,60}}\s+)?{passive}(?:{verbs})\b[^,“”\"]*\.$",
            text,
        )
        is not None
    )


def _whole(piece: str, profile: Profile, closing: bool = False) -> bool:
    """A piece that stands alone: long enough, with a finite verb, its quotes closed; `closing`:
    it ends where the sentence does, so a last word like "on" ("... and knelt on.") is the
    article's own ending, not a phrase cut short."""
    words = piece.split()
    if not words or not any(ch.isalpha() for ch in piece):
        return False
    if len(words) < MIN_PIECE or verb_within(words, profile, len(words)) is None:
        return False
    if bare(words[-1]) in _DANGLING or (bare(words[-1]) in PREPOSITIONS and not closing):
        return False
    if bare(words[0]) in _SUBORDINATORS and not any(w.endswith(",") for w in words):
        return False  # "When workers are underpaid." is still waiting for what happens then
    return piece.count("“") == piece.count("”") and piece.count('"') % 2 == 0


def _ends_as(piece: str, text: str) -> bool:
    """The piece's last three words are the sentence's last three."""

    def last(words: str) -> list[str]:
        return [bare(w) for w in words.split()[-3:]]

    return last(piece) == last(text)


def _middlemost(text: str, positions: list[int]) -> list[int]:
    """Candidate split positions, the one nearest the middle first (even pieces are easier)."""
    middle = len(text) / 2
    return sorted(positions, key=lambda p: abs(p - middle))


def _reported_before(text: str, at: int, profile: Profile) -> bool:
    """A reporting verb before `at` with no quote: what follows may be what someone said, and a
    new sentence would state it as fact; unless that sentence says who said what itself ("...
    as she accused them of hogtying her" -> "She accused them of hogtying her")."""
    right = text[at:].split()[1:]
    verb = verb_within(right, profile)
    said = set(profile.reporting) | set(profile.agent_participles.values())
    if verb and bare(right[verb]) in said and len(text.split()) > LONGEST:
        return False
    before = [bare(w) for w in text[:at].split()]
    verbs = profile.reporting_forms | {"that"}
    verbs |= {ing for ing, past in profile.agent_participles.items() if past in profile.reporting}
    return any(w in verbs for w in before) and not inside_quote(text, at)


# "..., Austria's interior minister said on Tuesday" ending right where a split falls.
_CLOSED_ATTRIBUTION = re.compile(
    r",\s+[^,“”\"]{2,50}?\s(?:said|says|told \w+|added|announced|confirmed)(?:\s[^,“”\"]{1,25})?$"
)


def _pieces(left: str, right: str) -> tuple[str, str]:
    return ended(left.strip()), ended(capitalise(right.strip()))


def split_semicolon(text: str, profile: Profile) -> Split | None:
    """ "A; B" -> "A. B." """
    spots = [m.start() for m in re.finditer(r";\s+", text) if not inside_quote(text, m.start())]
    for at in _middlemost(text, spots):
        right = text[at + 1 :].strip()
        if opens_clause(right, profile):
            return Split(_pieces(text[:at], right), "split at a semicolon")
    return None


def split_coordinated(text: str, profile: Profile) -> Split | None:
    """ "The pilots admitted nothing, and the FAA agreed ..." -> "... nothing. The FAA agreed ..."
    ("but", "so" and "yet" stay to open the new sentence: the contrast is part of the news)."""
    words = "|".join(profile.coordinators)
    found = list(re.finditer(rf",?\s+({words})\s+", text))
    for match in sorted(found, key=lambda m: abs(m.start() - len(text) / 2)):
        right = text[match.end() :]
        if inside_aside(text, match.start()) or _reported_before(text, match.start(), profile):
            continue
        fronted = _fronted_clause(text, right, profile, match.group(1))
        if not opens_clause(right, profile) and not fronted:
            continue
        if match.group(1) == "so" and "," not in match[0]:
            continue  # "chasing the dog down the street so her friend could get help": a purpose
        if (
            match.group(1) == "and"
            and "," not in match[0]
            and not fronted
            and not _clauses_joined(text, match, profile)
        ):
            continue
        opener = profile.coordinators[match.group(1)]
        right = f"{opener} {right}" if opener else right
        return Split(_pieces(text[: match.start()], right), f"split before “{match.group(1)}”")
    return None


def split_comma_splice(text: str, profile: Profile) -> Split | None:
    """ "After all, he's the man behind the WhatsApp deal, he personally brokered its buyout of
    Instagram ..." -> "... the WhatsApp deal. He personally brokered ...": two clauses joined
    by a comma alone, the second opening on a pronoun and its verb."""
    for match in re.finditer(r",\s+(?=(?:he|she|they|it|we)\s)", text):
        left, right = text[: match.start()], text[match.end() :]
        if inside_aside(text, match.start()) or _reported_before(text, match.start(), profile):
            continue
        words = after_opening_phrase(left.split(), profile, any_phrase=True) or []
        last = left.split(",")[-1].split()
        last = last[1:] if last and bare(last[0]) in profile.coordinators else last
        waits = _SUBORDINATORS | PREPOSITIONS | {"because", "since", "until", "unless"}
        if not words or bare(words[0]) in waits or (last and bare(last[0]) in waits):
            continue  # "When he arrived, he found ...", "..., but when they did later, he
            # was ...": the clause before the comma waits for the one after it
        if not opens_clause(" ".join(words), profile) or not opens_clause(right, profile):
            continue
        if verb_within(right.split(), profile, 3) not in {1, 2}:
            continue  # the pronoun's verb right after it ("they then won"), or no clause
        return Split(_pieces(left, right), "split where two clauses meet at a comma")
    return None


def _fronted_clause(text: str, right: str, profile: Profile, joiner: str) -> bool:
    """ "..., but after letting leads slip against City, their killer instinct has been called
    into question": an opening phrase, a comma, then a clause of its own. Past LONGEST always;
    under it only after "and", where the new sentence opens on the phrase's own word ("... a
    first-half lead. Although it was later cancelled out, Ben Davies snatched a winner"),
    never on a "But" that leans on the sentence before."""
    if len(text.split()) > LONGEST and _time_then_clause(right, profile):
        return True
    phrase, comma, clause = right.partition(", ")
    words = phrase.split()
    if not comma or not words or len(words) > 12:
        return False
    if len(text.split()) <= LONGEST and (joiner != "and" or bare(words[0]) not in _SUBORDINATORS):
        return False
    if bare(words[0]) not in PREPOSITIONS | _SUBORDINATORS | {"despite"}:
        return False
    return opens_clause(clause, profile) and not inside_quote(right, len(phrase))


def _time_then_clause(right: str, profile: Profile) -> bool:
    """ "..., and for years the United States has imposed ...": a short phrase of time with no
    comma after it, then a clause whose subject opens on a determiner or a name."""
    words = right.split()
    if not words or bare(words[0]) not in _TIME_OPENINGS:
        return False
    for k in range(2, TIME_PHRASE_WORDS + 1):
        if k >= len(words) or any(w[-1:] in ",;:" for w in words[:k]):
            return False
        subject = words[k]
        opens = bare(subject) in profile.determiners or subject[:1].isupper()
        plain = verb_within(words[:k], profile, k) is None
        if opens and plain and opens_clause(" ".join(words[k:]), profile):
            return True
    return False


# The words a phrase of time opens on: "for years", "in 2010", "on Monday", "last year".
_TIME_OPENINGS = frozenset(["for", "in", "on", "since", "until", "by", "last", "this"])
TIME_PHRASE_WORDS = 4  # "for the past 20 years" at most


# Words that open a clause said before the main one ("when they arrived, they found ...").
_SUBORDINATORS = frozenset(["when", "if", "while", "as", "once", "although", "though"])


def _clauses_joined(text: str, match: re.Match[str], profile: Profile) -> bool:
    """ "... after six promotions in nine years and their remarkable ascent shows ...": past
    LONGEST, an "and" with no comma joins two clauses when the left one has its own verb and
    the right one opens on a determiner or pronoun, never a name ("Smith and Jones said"). The
    left one's verb is its own, not a quote's: in "“We suggest ...,” Paganini and his team
    wrote" the "and" joins two subjects."""
    left = read_marks(text[: match.start()]).outside.split()
    right = text[match.end() :].split()
    if len(text.split()) <= LONGEST or not right or not right[0][:1].islower():
        return False
    opener = bare(right[0]) in profile.determiners | profile.subject_pronouns
    return opener and verb_within(left, profile, len(left)) is not None


def split_clause_conjunction(text: str, profile: Profile) -> Split | None:
    """ "Trump hailed the ties as the two leaders held talks" -> "... ties. The two leaders held
    talks"; "although" becomes "But"."""
    words = "|".join(profile.clause_conjunctions)
    for match in re.finditer(rf"(?:,\s+|\s+)({words})\s+", text):
        right = text[match.end() :]
        if bare(right.split()[0]) in _NOT_CLAUSE_AFTER_AS and match.group(1) == "as":
            continue  # "as much as", "as well as", "as a result": no clause
        before = bare((text[: match.start()].split() or [""])[-1])
        if match.group(1) == "as" and before in _COMPARING_BEFORE_AS:
            continue  # "..., just as they will on an SLS launch": a comparison, not a new event
        if match.group(1) == "as" and _as_before(text[: match.start()]):
            continue  # "not as interested in rants as it is in artists": the second "as" compares
        if inside_aside(text, match.start()) or _reported_before(text, match.start(), profile):
            continue
        if len(text[: match.start()].split()) < MIN_PIECE or not opens_clause(right, profile):
            continue
        if _elliptical(right, profile):
            continue  # "to equate the lyrics of Eminem, as Roberts did, with the musings of ..."
        verb = verb_within(right.split(), profile)
        if verb and bare(right.split()[verb - 1]) in {"and", "or", "but"}:
            continue  # "described this as the worst case and accused him": the verb is hers
        tail = re.search(r",\s+[a-z]+ing\b", right)
        if tail and not re.search(r"\b[a-z]{3,}ing\b", right[: tail.start()]):
            continue  # "Tara pounced on the dog as it attacked, chasing it down": Tara chased
            # (after "of hogtying her," the "-ing" is the next item of a list, and stays)
        if match.group(1) in {"although", "though"}:
            right = "But " + right
        return Split(_pieces(text[: match.start()], right), f"split before “{match.group(1)}”")
    return None


def _as_before(left: str) -> bool:
    """An "as" among the words before opens a comparison that an "as" after them closes."""
    return "as" in [bare(w) for w in left.split()[-COMPARISON_WORDS:]]


COMPARISON_WORDS = 10  # "as interested in protecting social media rants as": the span compared


def _elliptical(clause: str, profile: Profile) -> bool:
    """The clause ends on its auxiliary, its verb left out ("as Justice John Roberts recently
    did"): a comparison with what the main clause says, which says nothing alone."""
    words = re.split(r"[,;:]", clause, maxsplit=1)[0].split()
    return bool(words) and bare(words[-1]) in profile.auxiliaries


def split_relative(text: str, profile: Profile) -> Split | None:
    """ "... with Iran, which shot down a drone." -> "... with Iran. Iran shot down a drone.";
    "Sir Michael, who served ..., warned ..." -> "Sir Michael warned .... Sir Michael served ..."."""
    for match in re.finditer(r",\s+(which|who)\s+", text):
        if inside_quote(text, match.start()):
            continue
        aside = _APPOSITIVE_TAIL.search(text[: match.start()])
        if aside:
            # "the Mercator projection, the map most commonly seen in classrooms, which was
            # created in 1596": the clause is on what the aside describes.
            subject = _described(text[: aside.start()], profile)
        else:
            subject = antecedent(text[: match.start()], profile, person=match.group(1) == "who")
        rest = text[match.end() :]
        # "..., which overlooks the small village": a present verb in "-s" told by its object.
        present = present_at([match.group(1), *rest.split()[:2]], 1, profile)
        if subject is None and _says_what_that_is(text, match, profile):
            subject = "That"  # "... plans to invert, which is corporate-speak for ..."
        if (
            not subject
            or (verb_within(rest.split(), profile, 3) is None and not present)
            or inside_aside(text, match.start())
        ):
            continue
        if not _agrees(subject, rest.split()[0]):
            continue
        if _own_subject(rest, profile):
            continue  # "Surrey, which she would then cash": "which" is the object, of something else
        if _list_goes_on(rest, profile):
            continue  # "Justin Bassi, who advises ..., and Commissioner Andrew Colvin": a list item
        inner = _relative_end(rest, profile)
        left_words = text[: match.start()].split()
        if inner is not None and verb_within(left_words, profile, len(left_words)) is not None:
            continue  # "X are Y, who ..., told Z": the comma closes something else
        goes_on = _OBJECT_GOES_ON.search(rest)
        if inner is None and goes_on:
            # "accuse the Islamists, who held power ..., of having been slow": the main clause
            # goes on after the clause, and is said first, whole.
            if verb_within(left_words, profile, len(left_words)) is None:
                continue
            main = f"{text[: match.start()]} {rest[goes_on.start() + 1 :].lstrip()}"
            said = f"{subject} {rest[: goes_on.start()]}"
            return Split((ended(main), ended(said)), "took the “which” or “who” clause out")
        if inner is None:
            return Split(
                _pieces(text[: match.start()], f"{subject} {rest}"),
                "split at a “which” or “who” clause",
            )
        clause, main = rest[:inner], rest[inner:].lstrip(", ")
        left = f"{text[: match.start()]} {main}"
        return Split(
            (ended(left), ended(f"{subject} {clause}")), "took the “which” or “who” clause out"
        )
    return None


def split_whose(text: str, profile: Profile) -> Split | None:
    """ "Wolfsburg have expressed an interest in Wilfried Bony, whose wage demands derailed a move
    to Liverpool." -> "... in Wilfried Bony. Bony's wage demands derailed a move to Liverpool."
    Only a named antecedent, and only a clause that ends the sentence."""
    match = re.search(r",\s+whose\s+(?P<clause>(?:[^,;:“”\"()]|(?<=\d),(?=\d))+)$", text)
    if not match or inside_quote(text, match.start()) or inside_aside(text, match.start()):
        return None
    left = text[: match.start()]
    run = _trailing_capitals(left.split(), frozenset())
    name = repeatable(" ".join(run), profile) if run and len(run) <= CLOSING_NAME_WORDS else None
    if run and bare(run[0]) in PREPOSITIONS | _NOT_NAMES:
        name = None
    if not name and len(text.split()) > LONGEST:
        # Past LONGEST, "the American manufacturing giant, whose sales ..." -> "The giant's".
        name = _the_noun(left.split())
    if not name or verb_within(match["clause"].split(), profile, CLAUSE_REACH) is None:
        return None
    return Split(
        _pieces(left, f"{name}'s {match['clause']}"), "split at “whose”, the name said again"
    )


def _the_noun(words: list[str]) -> str | None:
    """ "... crucial for the American manufacturing giant": "The giant", the noun of the phrase
    that ends the words from its "the", with no "of" or punctuation in it ("the son of the man"
    may mean either)."""
    for k in range(2, THE_NOUN_WORDS + 1):
        if k > len(words):
            return None
        phrase = words[-k:]
        if any(not w[-1:].isalnum() for w in phrase[:-1]) or bare(phrase[-1]) in PREPOSITIONS:
            return None
        if "of" in (bare(w) for w in phrase):
            return None
        if phrase[0] in {"the", "The"}:
            return f"The {phrase[-1]}"  # said again by its noun: "The giant's sales"
    return None


THE_NOUN_WORDS = 5  # "the American manufacturing giant" and its "the"


def split_restrictive(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, a "who" or "which" clause that ends the sentence after "a"/"an" and a
    common noun: "... to identify a sinister tweeter who threatened to harm his daughter" ->
    "... to identify a sinister tweeter. The sinister tweeter threatened to harm his daughter"."""
    if len(text.split()) <= LONGEST:
        return None
    for match in reversed(list(_INDEFINITE_WHO.finditer(text))):
        rest, noun = text[match.end() :], match["noun"].split()
        if verb_within(rest.split(), profile, 1) is None or not _agrees(
            match["noun"], rest.split()[0]
        ):
            continue  # "a man who police say": the clause's own subject comes first
        if any(w in PREPOSITIONS | profile.determiners | {"and", "or"} for w in noun):
            continue  # "a letter to the editor who": the clause may mean the last noun only
        if inside_aside(text, match.start()) or _reported_before(text, match.start(), profile):
            continue
        left = text[: match.start("rel")]
        return Split(
            (ended(left.strip()), ended(f"The {match['noun']} {rest}")),
            f"split at “{match['rel']}”, the noun said again",
        )
    return None


# "a sinister tweeter who", "a contentious measure which": a common noun of up to four words.
_INDEFINITE_WHO = re.compile(
    r"\s(?:a|an)\s(?P<noun>(?:[a-z][\w'’-]*\s){0,3}[a-z][\w'’-]*)\s(?P<rel>who|which)\s"
)


def _says_what_that_is(text: str, match: re.Match[str], profile: Profile) -> bool:
    """Past LONGEST, a closing ", which is ..." whose antecedent no noun names: "which" sums up
    what came before, and "That is ..." says the same as a sentence of its own."""
    rest = text[match.end() :].split()
    if len(text.split()) <= LONGEST or match.group(1) != "which" or not rest:
        return False
    return bare(rest[0]) in {"is", "means"} and _relative_end(text[match.end() :], profile) is None


def _agrees(subject: str, verb: str) -> bool:
    """A plural-looking noun ("lines") with "was" or "has", or a singular one with "were", is
    not what the clause is about."""
    head = subject.split()[-1]
    if " and " in subject:
        return verb not in _SINGULAR_VERBS  # "Moyo and Kasukuwere" are two
    if head[:1].isupper():
        return True  # names: "Iran", "the United States"
    plural = head.endswith("s") and not head.endswith("ss")
    singular_verb = verb in {"is", "was", "has"}
    plural_verb = verb in {"are", "were", "have"}
    return not (plural and singular_verb) and not (not plural and plural_verb)


def _own_subject(rest: str, profile: Profile) -> bool:
    """The relative clause names its own subject first ("which she would then cash"), so the
    "which" is its object; said again as a subject it would make no sense."""
    first = bare(rest.split()[0]) if rest.split() else ""
    return first in profile.subject_pronouns - {"it"} or first in {"the", "a", "an", "his", "her"}


def _list_goes_on(rest: str, profile: Profile) -> bool:
    """After the clause, ", and" brings a last item with no verb: the clause was on one item of
    a list ("featured the adviser, Justin Bassi, who advises ..., and Commissioner Colvin")."""
    # "Fatah, which controls ..., and Hamas, which controls Gaza": the last item may have its own.
    match = re.search(r",\s+(?:and|or)\s+(?P<last>[^,;]+?)(?=,|$)", rest.rstrip("."))
    if not match:
        return False
    last = match["last"].split()
    return verb_within(last, profile, len(last)) is None


# ", of having been slow", ", to induce lactation": after a clause on the object, the words the
# main verb goes on with ("accuse X of", "requires X to").
_OBJECT_GOES_ON = re.compile(r",\s+(?:to|of|for|from|with|into|against|about)\s+[a-z]")


def _relative_end(rest: str, profile: Profile) -> int | None:
    """Where a relative clause inside the sentence ends: the last comma before a finite verb
    ("who in 2008, won ..., has taken ..."); None when it runs to the sentence's end."""
    ends = [
        match.start()
        for match in re.finditer(r",\s+", rest)
        if (after := rest[match.end() :].split())
        and is_finite_verb(after[0], profile)
        and not inside_quote(rest, match.start())
    ]
    return ends[-1] if ends else None


def _trailing_capitals(words: list[str], particles: frozenset[str]) -> list[str]:
    """The capitalised words that end `words`, with the small `particles` between them ("Bank of
    England"); a comma before a word ends the run ("the adviser, Andrew Shearer, Justin Bassi":
    the last name of a list)."""
    run: list[str] = []
    for word in reversed(words):
        if run and word.endswith(","):
            break
        if word[:1].isupper() or (run and bare(word) in particles):
            run.insert(0, word)
        else:
            break
    return run


# The small words a name a "which" or "who" clause follows may hold ("the Bank of England").
_ANTECEDENT_PARTICLES = frozenset(["of", "de", "van"])
# An aside that describes the noun before it and ends where a "which" or "who" comes:
# ", the map most commonly seen hanging in classrooms and in text books".
_APPOSITIVE_TAIL = re.compile(r",\s+(?:the|a|an)\s+[^,;:“”\"()]{1,80}$")


def _described(left: str, profile: Profile) -> str | None:
    """The noun phrase `left` ends on, said again ("the Mercator projection": "The Mercator
    projection"; "the Senate": "The Senate"): a name, or a phrase from its determiner of at
    most SUBJECT_OPENING words with nothing between that could end a phrase; None otherwise."""
    words = left.split()
    run = _trailing_capitals(words, _ANTECEDENT_PARTICLES)
    if run and bare(run[0]) not in _ANTECEDENT_PARTICLES and len(run) < len(words):
        if bare(words[-len(run) - 1]) == "the":  # "the Senate": "The Senate"
            return "The " + " ".join(run)
        return repeatable(" ".join(run), profile)
    for k in range(2, min(len(words), SUBJECT_OPENING) + 1):
        word = bare(words[-k])
        if word in PREPOSITIONS or is_finite_verb(words[-k], profile) or words[-k].endswith(","):
            return None
        if word in {"the", "a", "an"}:
            return repeatable(" ".join(words[-k:]), profile)
    return None


def antecedent(left: str, profile: Profile, person: bool = False) -> str | None:
    """What a "which" or "who" right after `left` refers to, said again: the name that ends it,
    or the noun phrase from its determiner ("the gas lines"); None when that is unclear."""
    words = left.split()
    run = _trailing_capitals(words, _ANTECEDENT_PARTICLES)
    if run and len(run) + 1 < len(words) and bare(words[-len(run) - 1]) == "and":
        # "cabinet ministers Jonathan Moyo and Saviour Kasukuwere, who fled ... after their
        # homes were attacked": the clause is on both names, not on the last one.
        return _pair(words[: -len(run) - 1], run, profile) if person else None
    told = len(run) < len(words) and bare(words[-len(run) - 1]) in set(profile.reporting) | {"to"}
    if run and told and not person:
        return None  # "Cook told Benioff, which meant ...": the "which" is what was said
    if run and len(run) < len(words) and bare(words[-len(run) - 1]) == "including":
        return None  # "the fanatics, including British Muslims, who have swept ...": the group
    owner = words[-len(run) - 1] if run and len(run) < len(words) else ""
    # "the fall of Saddam Hussein, which contributed to": the fall, or the name? "The
    # great-nephew of Private Thompson, who": either; "the departure of Mr Mugabe, who": a
    # departure is no "who", so the name is meant.
    of_name = run and bare(run[0]) == "of" and owner.islower()
    if of_name and (not person or _person_word(bare(owner), profile)):
        return None
    while run and bare(run[0]) in _ANTECEDENT_PARTICLES:
        run.pop(0)
    # "On Monday Dershowitz, who was part of ...": the time that opens the sentence is no name.
    while len(run) > 1 and bare(run[0]) in PREPOSITIONS | _NOT_NAMES:
        run.pop(0)
    if run and not person and len(run) <= SUBJECT_OPENING:
        # "Big Machine, which": a company's name whole, never "Machine"; "the United States,
        # which": with its article.
        before = words[-len(run) - 1] if len(run) < len(words) else ""
        if bare(before) == "the":
            return "The " + " ".join(run)
        if before.islower() and before.endswith(("'s", "’s")):
            # "on the eve of today’s Queen’s Speech, which": "Today’s Queen’s Speech", with its
            # owner; "Queen’s Speech is expected ..." lacks a word.
            return f"{capitalise(before)} {' '.join(run)}"
        return " ".join(run)
    if run and _group_named(words, run):
        return f"The {run[0]}"
    if run:
        return repeatable(" ".join(run), profile)
    if person and len(words) > 4:
        return _titled(words, profile)  # "... met the man, who": which man, it does not say
    for k in range(1, 6):
        if k > len(words):
            return None
        word = bare(words[-k])
        if word == "of" and k > 1 and words[-1][-1:] == "s":
            # "1,600 miles of natural gas lines, which": the plural after "of" is what is meant.
            return repeatable(" ".join(["the", *words[-k + 1 :]]), profile)
        if word in PREPOSITIONS or is_finite_verb(words[-k], profile) or words[-k].endswith(","):
            return None
        if word in profile.determiners:
            # "a short of its length, which ...": after a preposition, "which" may mean it all;
            # after one of place it is the place ("at the site, which overlooks the village").
            before = bare(words[-k - 1]) if k < len(words) else ""
            if before in PREPOSITIONS - _PLACE_PREPOSITIONS:
                return None
            return repeatable(" ".join(words[-k:]), profile)
    return None


_PLACE_PREPOSITIONS = frozenset(["at", "in", "near", "inside", "outside", "behind", "beside"])


def _pair(before: list[str], second: list[str], profile: Profile) -> str | None:
    """Two people named with "and" between, each said again: "Moyo and Kasukuwere"."""
    first = _trailing_capitals(before, _ANTECEDENT_PARTICLES)
    one = repeatable(" ".join(first), profile) if first else None
    other = repeatable(" ".join(second), profile)
    return f"{one} and {other}" if one and other else None


def _person_word(noun: str, profile: Profile) -> bool:
    """A noun for a person or people ("great-nephew", "wife", "leader", "members")."""
    return re.sub(r"s$", "", noun).split("-")[-1] in _KIN or _people(noun, profile)


_KIN_WORDS = (
    "son daughter wife husband father mother brother sister nephew niece uncle aunt cousin "
    "grandson granddaughter grandfather grandmother friend widow widower partner member child "
    "children family parent"
)
_KIN = frozenset(_KIN_WORDS.split())


def _group_named(words: list[str], run: list[str]) -> bool:
    """ "the country’s political Islamists, who": a group named by a plural, after "the" or an
    owner and words in lower case, is said again as "The Islamists"."""
    if len(run) != 1 or not re.fullmatch(r"[A-Z][a-z]+s", run[0]):
        return False
    for word in reversed(words[-4:-1]):
        if bare(word) == "the" or word.endswith(("'s", "’s")):
            return True
        if not word.islower():
            return False
    return False


def _titled(words: list[str], profile: Profile) -> str | None:
    """ "... eclipsed by the 21-year-old striker, who is ...": "the" and a word of what the
    person does name one person the sentence has already pointed at ("The 21-year-old striker")."""
    if bare(words[-1]) not in profile.titles or words[-1][-1:] in ",;:":
        return None
    for k in range(2, 5):
        if k < len(words) and bare(words[-k]) == "the":
            return repeatable(" ".join(words[-k:]), profile)
    return None


def split_participle(text: str, profile: Profile) -> Split | None:
    """ "Gunmen opened fire ..., killing 19 people" -> "... . Gunmen killed 19 people";
    ", leaving three dead" -> ". That left three dead"."""
    for match in re.finditer(r",\s+([a-z]+ing)\s+", text):
        word = match.group(1)
        if inside_aside(text, match.start()):
            continue
        rest = text[match.end() :]
        if _ahead(text[: match.start()]):
            continue  # "will be able to trade, allowing ...": said as "That allowed" it would be past
        if re.match(r"(?:and|or)\s+[a-z]+ing\b", rest):
            continue  # "seizing and gunning down": only one of the two would be said as a verb
        # "adding to the problems" is what the event did; "adding that ..." is the speaker's.
        event = not rest.startswith(("that", "to say", "it ")) and (
            word != "adding" or rest.startswith("to ")
        )
        if word in profile.event_participles and event:
            opener = f"That {profile.event_participles[word]}"
        elif word in profile.agent_participles:
            subject = _agent(text[: match.start()], profile)
            if not subject or _reports_a_clause(text[: match.start()], profile):
                continue  # "An agency reported Syria carried out a strike, killing nine": not it
            opener = f"{subject} {profile.agent_participles[word]}"
        else:
            continue
        reports = profile.agent_participles.get(word) in profile.reporting
        # ", saying they are abusing journalists and limiting ...": the "-ing" words after are
        # the reported clause's own, said as they are.
        said = rest if reports and opens_clause(rest, profile) else None
        said = said or _second_participle_said(rest, profile)
        if said is None:
            continue  # "killing nine and fleeing ...": the second "-ing" has no past form here
        note = f"split at “{word}”, said as “{opener}”"
        return Split(_pieces(text[: match.start()], f"{opener} {said}"), note)
    return None


def _agent(clause: str, profile: Profile) -> str | None:
    """Who did what a clause's "-ing" tail says: the speaker after a quote ("'...,' he said,
    referring to" -> "He referred"), the clause's subject said again (before an aside set off
    by commas too: "The report, "...", criticizes"), or "They" for two named people ("Former
    judge Paul Cassell and attorney Bradley Edwards filed the lawsuit, accusing Dershowitz ..."
    -> "They accused Dershowitz ...")."""
    speaker = _SPEAKER_AFTER_QUOTE.search(clause)
    verbs = profile.reporting_forms | _GOES_ON_SAYING
    if opens_on_quote(clause):
        # "'This is a global tumor ...,' he said, referring to ...": the speaker referred; the
        # quote's own subject ("I") did nothing the tail says.
        if speaker is None or bare(speaker["verb"]) not in verbs:
            return None
        return repeatable(speaker["who"], profile)
    subject = main_subject(clause, profile) or _set_off(clause, profile)
    if subject:
        return subject
    words = clause.split()
    verb = verb_within(words, profile, PAIR_WORDS + 1)
    if not verb or words[0][:1].islower() or _has_comma_before(words, verb):
        return None
    halves = " ".join(words[:verb]).split(" and ")
    named = [half for half in halves if any(w[:1].isupper() for w in half.split()[-2:])]
    return "They" if len(halves) == 2 and len(named) == 2 else None


PAIR_WORDS = 12  # "Former federal judge Paul Cassell and Florida attorney Bradley Edwards"


def _set_off(clause: str, profile: Profile) -> str | None:
    """The subject before an aside set off by commas right before its verb ("The report, "No
    News is Good News," criticizes ..." -> "The report"); never the first of a list ("Smith,
    Jones and Brown said")."""
    match = _SET_OFF.match(clause)
    if not match or re.search(r"\b(?:and|or)\b", match["aside"]):
        return None
    subject = main_subject(f"{match['subject']} {match['rest']}", profile)
    # The verb comes right after the aside: the subject is the words before it, whole.
    same = subject and subject.split()[-1] == match["subject"].split()[-1]
    return subject if same else None


_SET_OFF = re.compile(
    r"^(?P<subject>[^,]{3,40}),\s+(?P<aside>[^,]{2,120}),[\"”’']?\s+(?P<rest>\S.*)$"
)
# "“I will not evade ...,” Yoon continued, speaking for two minutes": verbs that say someone
# went on speaking, after a quote.
_GOES_ON_SAYING = frozenset(["continued", "replied", "recalled", "tweeted"])
# "...,' he said" closing the clause: a quote, then who said it.
_SPEAKER_AFTER_QUOTE = re.compile(
    r"[\"”’'],?\s+(?P<who>[^,;“”\"]{1,40}?)\s+(?P<verb>[a-z]+)(?:\s+[A-Z][a-z]+day)?$"
)


def _reports_a_clause(left: str, profile: Profile) -> bool:
    """The clause's verb reports what someone else did ("reported Syria carried out"): an
    "-ing" tail after it tells what that other subject did; a quote and its speaker report
    nothing of the kind (the speaker did what the tail says)."""
    if opens_on_quote(left):
        return False
    words = left.split()
    verb = verb_within(words, profile, len(words))
    said = profile.reporting_forms
    if verb is None or bare(words[verb]) not in said:
        return False
    return verb_within(words[verb + 1 :], profile, len(words)) is not None


def _second_participle_said(rest: str, profile: Profile) -> str | None:
    """ "nine Syrians and wounding nine more" -> "nine Syrians and wounded nine more": a second
    "-ing" of the same tail said in the past too; None when it has no past form we know."""
    match = re.search(r"\s(?:and|or)\s+(?P<ing>[a-z]+ing)\b", rest)
    if not match or inside_aside(rest, match.start()):
        return rest
    past = {**profile.agent_participles, **profile.event_participles}.get(match["ing"])
    if past is None:
        return None
    return rest[: match.start("ing")] + past + rest[match.end("ing") :]


def _ahead(clause: str) -> bool:
    """The clause speaks of what will or may be, where a verb said in the past would not do; a
    quote's "will" is what the speaker said, not when the clause happens."""
    return _MODAL.search(QUOTED.sub("", clause)) is not None


_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|should|shall|must)\b", re.I)


def split_opening_participle(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, "Speaking publicly for the first time since ..., Stuart Gulliver described
    his shame ..." -> "Stuart Gulliver described his shame .... Gulliver was speaking publicly
    for the first time since ..." (the news first, the occasion after it)."""
    match = _OPENING_PARTICIPLE.match(text)
    if len(text.split()) <= LONGEST or not match:
        return None
    if bare(match["ing"]) in PREPOSITIONS | _NOT_PARTICIPLES:
        return None  # "During ...", "According to ...", "Having ...": no act of the subject's
    main = match["main"]
    subject = main_subject(main, profile)
    if not subject or not opens_clause(main, profile):
        return None
    plural = subject == "They" or (subject.startswith("The ") and subject.endswith("s"))
    said = f"{subject} {'were' if plural else 'was'} {match['ing'].lower()} {match['phrase']}"
    return Split((ended(main), ended(said)), "said the opening phrase after the news")


# "Speaking publicly for the first time since ..., Stuart Gulliver ...": an opening "-ing" phrase.
_OPENING_PARTICIPLE = re.compile(
    r"^(?P<ing>[A-Z][a-z]{2,}ing)\s+(?P<phrase>[^,;“”\"]{3,120}),\s+(?P<main>.+)$"
)
_NOT_PARTICIPLES_WORDS = (
    "having being according following including regarding concerning considering"
)
_NOT_PARTICIPLES = frozenset(_NOT_PARTICIPLES_WORDS.split())


def split_asked(text: str, profile: Profile) -> Split | None:
    """ "When asked if he would warn Russia, Trump smiled" -> "Trump was asked if he would warn
    Russia. Trump smiled"."""
    match = re.match(
        r"^(?:When |After being |Having been )?asked\s+(?P<q>[^,“\"]{6,}),\s+(?P<rest>.+)$",
        text,
        re.I,
    )
    if not match:
        return None
    subject = main_subject(match["rest"], profile)
    if not subject:
        return None
    first = f"{subject} was asked {match['q']}"
    return Split(_pieces(first, match["rest"]), "said who was asked first")


def split_where(text: str, profile: Profile) -> Split | None:
    """ "He was taken to hospital, where he died" -> "He was taken to hospital. He died there"."""
    for match in re.finditer(r",\s+where\s+", text):
        right = text[match.end() :]
        if inside_aside(text, match.start()) or not opens_clause(right, profile):
            continue
        if _placed(right):
            continue  # "in Minneapolis, where the company is currently based": "There, ... based"
        joined = re.search(r",\s+(?:and|but)\s+", right)
        if joined and opens_clause(right[joined.end() :], profile):
            continue  # "the Games, where 2.7 million tickets were sold, and most Americans
            # didn't know": the clause after "and" is the sentence's, not the place's
        return Split(_pieces(text[: match.start()], f"There, {right}"), "split at “where”")
    return None


def _placed(clause: str) -> bool:
    """The clause ends on a participle whose place the "where" was ("the company is currently
    based", "the feed is produced"): said on its own, "There" would have to come last."""
    words = [bare(w) for w in clause.split()]
    return bool(words) and words[-1].endswith("ed") and any(w in _BE for w in words[-3:-1])


def split_dash(text: str, profile: Profile) -> Split | None:
    """ "X — which Y — Z" -> "X Z. <X's noun> Y"; "A — B" -> "A. B" when B is a clause."""
    dashes = [m for m in re.finditer(r"\s(?:—|–|--)\s", text) if not inside_quote(text, m.start())]
    if len(dashes) == 2:
        inner = text[dashes[0].end() : dashes[1].start()]
        outer = text[: dashes[0].start()] + " " + text[dashes[1].end() :]
        if inner.split()[0].lower() in {"which", "who"}:
            subject = antecedent(text[: dashes[0].start()], profile, inner.startswith("who"))
            if subject:
                said = f"{subject} {' '.join(inner.split()[1:])}"
                return Split((ended(outer), ended(said)), "took the aside between dashes out")
        if opens_clause(inner, profile):
            return Split(
                (ended(outer), ended(capitalise(inner))), "took the aside between dashes out"
            )
        who = _dashed_apposition(text, dashes[0].start(), inner, profile)
        if who:
            return Split((ended(outer), ended(who)), "said who is meant in a sentence of its own")
    for match in dashes[:1] if len(dashes) == 1 else []:
        right = text[match.end() :]
        if opens_clause(right, profile):
            return Split(_pieces(text[: match.start()], right), "split at a dash")
        joined = _joined_after_dash(right, profile)
        # "told CNN they are more likely to use a biological weapon -- and the results could be
        # devastating": what follows may be his words too, unless what he said was a quote.
        quoted = text[: match.start()].rstrip().endswith(('"', "”", "’"))
        if joined and (quoted or not _reported_before(text, match.start(), profile)):
            return Split(_pieces(text[: match.start()], joined), "split at a dash")
    # A spaced hyphen stands for a dash too ("was shot - but believes"), when it is the only one.
    loose = [m for m in re.finditer(r"\s(?:—|–|--|-)\s", text) if not inside_quote(text, m.start())]
    for match in loose if len(loose) == 1 else []:
        again = _dashed_predicate(text[: match.start()], text[match.end() :], profile)
        if again:
            note = "split at a dash, the subject said again"
            return Split(_pieces(text[: match.start()], again), note)
    return _joined_after_aside(text, loose, profile)


def _joined_after_aside(text: str, dashes: list[re.Match[str]], profile: Profile) -> Split | None:
    """ "A mother and calf were spotted off Padstow, Cornwall - just 15 miles from Newquay - and
    experts warned ..." -> "... from Newquay. Experts warned ...": a dash that closes an aside
    and then "and" or "but" with a clause of its own ends the sentence there."""
    if len(dashes) != 2:
        return None
    closing = dashes[1]
    joined = _joined_after_dash(text[closing.end() :], profile)
    if not joined or _reported_before(text, closing.start(), profile):
        return None
    return Split(_pieces(text[: closing.start()], joined), "split after the aside between dashes")


def split_described(text: str, profile: Profile) -> Split | None:
    """ "... to take part in the sport – described as ‘barbaric’ by the Culture Secretary." ->
    "... in the sport. The Culture Secretary described the sport as ‘barbaric’.": a dash and
    who described the noun before it, said as what they did."""
    match = _DESCRIBED.match(text)
    if not match or inside_quote(text, match.start("dash")):
        return None
    agent = match["agent"].split()
    if len(agent) > AGENT_WORDS or verb_within(agent, profile, len(agent)) is not None:
        return None  # "by the man who found it": a clause, not who
    said = f"{capitalise(match['agent'])} described the {match['noun']} as {match['what']}"
    return Split(_pieces(match["main"], said), "said who described it in a sentence of its own")


AGENT_WORDS = 6  # "the Culture Secretary", "campaigners in the town": who, briefly
# "... the sport – described as ‘barbaric’ by the Culture Secretary." closing the sentence.
_DESCRIBED = re.compile(
    r"^(?P<main>.+\b(?:the|a|an|this|that|its|their|his|her)\s+(?P<noun>[a-z][\w-]+))"
    r"(?P<dash>\s+(?:—|–|--|-)\s+)described as (?P<what>.+?) by (?P<agent>[^,;“”\"]+?)\.$"
)


def _joined_after_dash(right: str, profile: Profile) -> str | None:
    """ "... a sign that says "Akwaaba," which means "Welcome" -- and this is exactly how you
    will feel ..." -> "... "Welcome". This is exactly how ...": a dash then "and" or "but" and
    a clause with its own subject opens a new sentence ("and" goes, as in any other split)."""
    words = right.split()
    if len(words) < MIN_PIECE or bare(words[0]) not in {"and", "but"}:
        return None
    if not opens_clause(" ".join(words[1:]), profile):
        return None
    opener = profile.coordinators.get(bare(words[0]), "")
    return capitalise(" ".join(w for w in (opener, *words[1:]) if w))


def _dashed_predicate(left: str, right: str, profile: Profile) -> str | None:
    """ "Louis van Gaal said he had no option ... - but believes it will benefit the youngster"
    -> "But Louis van Gaal believes ...": after a dash, "but" or "and" and a verb go back to the
    sentence's own subject."""
    words = right.split()
    if len(words) < 2 or bare(words[0]) not in {"but", "and"}:
        return None
    if not (is_finite_verb(words[1], profile) or present_at(["and", *words[1:3]], 1, profile)):
        return None
    subject = main_subject(left, profile)
    if not subject or subject.lower() in profile.subject_pronouns:
        return None  # "He said ... - but believes": "But He believes" is no better said
    opener = profile.coordinators.get(bare(words[0]), "")
    return " ".join(w for w in (opener, subject, *words[1:]) if w)


def _dashed_apposition(text: str, at: int, inner: str, profile: Profile) -> str | None:
    """ "Two hostages — an American and an Australian — who had been held ..." -> "The
    hostages are an American and an Australian": past LONGEST, a noun phrase between dashes
    right after the subject that opens the sentence says who the subject is."""
    subject = text[:at].split()
    if len(text.split()) <= LONGEST or not subject or len(subject) > SUBJECT_OPENING:
        return None
    role = _ROLE_OF.match(inner)  # "capital of China's richest province": "the" is understood
    if bare(inner.split()[0]) not in {"a", "an", "the"} and not role:
        return None
    if verb_within(inner.split(), profile, 99) is not None:
        return None
    if verb_within(subject, profile, len(subject)) is not None or subject[-1][-1:] in ",;:":
        return None
    head = subject[1:] if bare(subject[0]) in _COUNTS or subject[0].isdigit() else subject
    again = repeatable(" ".join(["the", *head]) if head is not subject else " ".join(head), profile)
    again = again or _named_after_description(subject, profile)
    if not again:
        return None
    plural = again.split()[-1].endswith("s") and not again.endswith("ss")
    return f"{again} {'are' if plural else 'is'} {'the ' if role else ''}{inner}"


# "capital of ...", "head of ...": a role held by one, written without its article.
_ROLE_OF = re.compile(r"^[a-z][a-z-]+\s+of\s")


def _named_after_description(subject: list[str], profile: Profile) -> str | None:
    """ "China's third-largest city Guangzhou": a name after what it is, said again by the
    name alone."""
    k = len(subject)
    while k > 0 and subject[k - 1][:1].isupper():
        k -= 1
    before = bare(subject[k - 1]) if k > 0 else ""
    if k == len(subject) or not before.isalpha() or not subject[k - 1][:1].islower():
        return None
    if before in PREPOSITIONS | profile.determiners | profile.subject_pronouns:
        return None  # "of Guangzhou", "the Guangzhou": the name is not what the phrase is
    return " ".join(subject[k:])


SUBJECT_OPENING = 5  # a subject longer than this is not the noun an aside after it describes
_COUNTS_WORDS = "two three four five six seven eight nine ten"
_COUNTS = frozenset(_COUNTS_WORDS.split())


def split_fronted_as(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, "As the 74 people on a research ship stuck in the ice readied for New
    Year's Eve, authorities revealed plans to send in a helicopter." -> "The 74 people ...
    readied for New Year's Eve. Authorities revealed plans ...": said in order, the two events
    need no "as"."""
    # "In March 2011, as journalists were covering ...": a short time first stays with the clause.
    match = re.match(
        r"^(?P<time>(?:In|On|Last|Earlier|Later)\s[^,;:“”\"]{2,25},\s+)?[Aa]s\s+"
        r"(?P<clause>[^,;:“”\"]{10,200}),\s+(?P<main>.+)$",
        text,
    )
    if len(text.split()) <= LONGEST or not match:
        return None
    if (match["time"] is None) != text.startswith("As"):
        return None  # "..., as" after anything but a short time is no opening clause
    clause, main = match["clause"], match["main"]
    words = clause.split()
    plural = re.fullmatch(r"[a-z]+[^s]s", bare(words[0])) is not None  # "as journalists were"
    if bare(words[0]) not in profile.determiners and not words[0][:1].isupper() and not plural:
        return None  # "As he left, ...": said alone, "He left." leans on nothing yet
    # The clause's subject may run long ("the 74 people on a ship stuck in the ice"): its verb
    # is anywhere in it.
    # "the offices of Reuters, CNN and NHK were raided": a listed subject is a subject too.
    listed = bare(main.split()[0]) in profile.determiners and verb_within(main.split(), profile, 12)
    if verb_within(words, profile, len(words)) is None or not (
        opens_clause(main, profile) or listed
    ):
        return None
    first = f"{match['time']}{clause}" if match["time"] else capitalise(clause)
    pieces = (ended(first), ended(capitalise(main)))
    return Split(pieces, "said the “as” clause as a sentence of its own")


def split_charges(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, "the ministries accused U.S. forces in al-Tanf of controlling X and
    disrupting Y" -> "... of controlling X. The ministries also accused U.S. forces of
    disrupting Y": each
    charge a sentence, with who made it and against whom said again."""
    match = _CHARGES.search(text)
    if len(text.split()) <= LONGEST or not match or inside_quote(text, match.start()):
        return None
    accuser = _accuser(text[: match.start()], profile)
    accused = match["accused"].split()
    at = next((k for k, w in enumerate(accused) if bare(w) in PREPOSITIONS), len(accused))
    if not accuser or not 0 < at <= SUBJECT_OPENING:
        return None
    second = f"{accuser} also {match['verb']} {' '.join(accused[:at])} of {match['second']}"
    return Split(
        _pieces(text[: match.start("and")], second), "split the charges, one sentence each"
    )


# "accused U.S. forces in al-Tanf of controlling “bandit formations” and disrupting a plan".
_CHARGES = re.compile(
    r"\b(?P<verb>accused|accuses)\s+(?P<accused>[^,;:“”\"]{2,80}?)\s+of\s+[a-z]+ing\b[^;]*?"
    r"(?P<and>\s+and\s+)(?P<second>[a-z]+ing\b.+)$"
)


def _accuser(before: str, profile: Profile) -> str | None:
    """Who accuses, said again: a plural noun phrase by its noun ("the Russian and Syrian
    defense ministries" -> "The ministries": a "They" would lean on the sentence before), a name
    by its surname; None when unsure."""
    subject = before.rsplit(",", 1)[-1].split()
    if not subject or verb_within(subject, profile, len(subject)) is not None:
        return None
    last = bare(subject[-1])
    if bare(subject[0]) in {"the", "a", "an"} and last.endswith("s") and not last.endswith("ss"):
        return f"The {subject[-1]}"
    return repeatable(" ".join(subject), profile) if subject[0][:1].isupper() else None


def split_colon(text: str, profile: Profile) -> Split | None:
    """ "The plan was clear: the town would close" -> "The plan was clear. The town would close"."""
    for match in re.finditer(r":\s+", text):
        right = text[match.end() :]
        if inside_quote(text, match.start()) or opens_on_quote(right):
            continue
        if opens_clause(right, profile) and opens_clause(text[: match.start()], profile):
            return Split(_pieces(text[: match.start()], right), "split at a colon")
    return None


def split_reported(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, what someone said is split as any sentence is, each piece keeping who said
    it: "A source said X are under arrest and are insisting Y" -> "A source said X are under
    arrest. The source said they are insisting Y"."""
    if len(text.split()) <= LONGEST:
        return None
    said = profile.reporting_forms
    verbs = "|".join(v for v in said if v not in {"told", "tells"})
    match = re.match(
        rf"^(?P<who>[^,;:“”\"]{{2,60}}?)\s+(?P<verb>{verbs})(?P<that>\s+that)?\s+(?P<body>[^“”\"].+)$",
        text,
    )
    if not match or verb_within(match["who"].split(), profile, 99) is not None:
        return None
    again = repeatable(match["who"], profile)
    body = capitalise(match["body"])
    if not again or bare(match["who"].split()[0]) in PREPOSITIONS | profile.openers:
        return None  # "After the vote, officials said ...": who said it is not the opening
    head = f"{match['who']} {match['verb']}{match['that'] or ''}"
    second = _second_that(match["body"])
    if second is not None:
        # "Jones said that anything ... is made, but that even the fanciest hotels don't":
        # a second "that" clause is a second thing said, said with who said it.
        at, joiner, rest = second
        opener = profile.coordinators.get(joiner, "")
        again_said = " ".join(w for w in (opener, again, match["verb"], "that", rest) if w)
        first = f"{head} {match['body'][:at]}"
        return Split((ended(first), ended(capitalise(again_said))), "split before a second “that”")
    # Only "and", "but" or a semicolon keep both parts inside what was said: after "as",
    # "after" or "because" the clause may be the writer's ("said she was humiliated as she
    # accused them": the accusing is not what she said).
    for rule in (split_semicolon, split_coordinated, split_shared_subject):
        split = rule(body, profile)
        if not split or not all(_whole(piece, profile) for piece in split.pieces):
            continue
        if not all(_restates(piece, profile) for piece in split.pieces[1:]):
            continue
        pieces = [f"{head} {decapitalise(split.pieces[0], profile)}"]
        pieces += [f"{again} {match['verb']} {decapitalise(p, profile)}" for p in split.pieces[1:]]
        return Split(tuple(pieces), f"{split.note}, each part said with who said it")
    return None


def _second_that(body: str) -> tuple[int, str, str] | None:
    """Where ", and that" or ", but that" opens a second reported clause: its place, the
    joining word and the clause after "that"."""
    for match in re.finditer(r",\s+(and|but)\s+that\s+(?=[a-z])", body):
        if not inside_aside(body, match.start()):
            return match.start(), match.group(1), body[match.end() :]
    return None


def _restates(piece: str, profile: Profile) -> bool:
    """A piece that can follow "The source said": its own subject and verb, not "That was
    because" or "There, ..." that lean on the sentence before."""
    first = bare(piece.split()[0])
    return opens_clause(piece, profile) and first not in {"that", "there", "but", "so", "yet"}


def split_shared_subject(text: str, profile: Profile) -> Split | None:
    """ "The fires forced an evacuation and were a stark reminder ..." -> "... an evacuation.
    They were a stark reminder ..."; the second verb's subject said again (a name by surname, a
    thing as "It" or "They" by the verb's number)."""
    words = text.split()
    long = len(words) > LONGEST
    first = verb_within(words, profile, len(words) if long else 12)
    if not first or (_has_comma_before(words, first) and not (long and _listed(words[:first]))):
        return None
    if bare(words[first]) in profile.reporting_forms:
        return None  # "A source said X are ... and are ...": the second verb is what was said
    if bare(words[0]) in PREPOSITIONS | _CLAUSE_WORDS:
        return None  # "After I was paralyzed swimming saved me ... and allowed": no subject yet
    start = _opened_by_phrase(words, first, profile)
    if start:
        # "Usually found in the Atlantic, the creature was spotted ... and is one of ten": the
        # subject is the creature, after the phrase.
        verb = verb_within(words[start:], profile, 12)
        if not verb:
            return None
        first = start + verb
    subject = " ".join(words[start:first])
    # "but" and a second verb only past LONGEST: under it, the sentence is said whole rather
    # than leaning its second half on the first ("... but did release a statement").
    joints = "and|but" if long else "and"
    for match in re.finditer(rf"\s+(?P<joint>{joints})\s+(?P<verb>[a-z]+)\b", text):
        after = ["and", match["verb"], *text[match.end("verb") :].split()[:1]]
        finite = is_finite_verb(match["verb"], profile) or present_at(after, 1, profile)
        if inside_aside(text, match.start()) or not finite or _describes(match, text, profile):
            continue
        between = [bare(w) for w in text[: match.start()].split()[first + 1 :]]
        passive = bare(words[first]) in _BE and match["verb"].endswith("ed")
        if passive:
            continue  # "was set up in the 1950s and modeled on the gulags": one "was" for both
        if between[-2:-1] == ["to"]:
            continue  # "the chance to learn and stay out of gangs": one infinitive and another
        if any(w in _CLAUSE_WORDS or w in profile.reporting for w in between):
            continue  # "said the plan had failed and would ...": the "and" is inside a clause
        if any(w in profile.coordinators and w != "and" for w in between):
            continue  # "..., but many donors and elected officials remain": another clause's
        if _clause_between(text, len(" ".join(words[: first + 1])), match.start(), profile):
            continue  # "Staff found him ... and the man was in distress and had injuries"
        opener = _pronoun_for(subject, match["verb"], profile)
        if opener:
            # "... but did release a statement": the contrast opens the new sentence.
            if match["joint"] == "but":
                pronoun = opener.lower() in profile.subject_pronouns
                opener = "But " + (opener.lower() if pronoun else opener)
            right = f"{opener} {text[match.end('verb') - len(match['verb']) :]}"
            note = f"split before “{match['joint']} {match['verb']}”"
            return Split(_pieces(text[: match.start()], right), note)
    return None


def _clause_between(text: str, start: int, end: int, profile: Profile) -> bool:
    """Between start and end, an "and" opens a clause with a subject of its own: a verb after
    end shares that subject, not the sentence's."""
    joints = re.finditer(r"\s+and\s+", text[start:end])
    return any(opens_clause(text[start + joint.end() :], profile) for joint in joints)


_BE = frozenset(["is", "are", "was", "were", "be", "been"])


def _opened_by_phrase(words: list[str], first: int, profile: Profile) -> int:
    """Where the sentence's own clause starts when its first verb stands in a phrase that opens
    it ("Usually found in the Atlantic, the creature was spotted"), else 0."""
    comma = next((k for k, w in enumerate(words) if w.endswith(",")), None)
    if comma is None or comma < first or not opens_clause(" ".join(words[comma + 1 :]), profile):
        return 0
    return comma + 1


def _describes(match: re.Match[str], text: str, profile: Profile) -> bool:
    """ "... and elected officials remain skeptical": an "-ed" word before a noun and its own
    verb describes that noun; it is not a second verb of the sentence's subject."""
    after = text[match.end("verb") :].split()[:2]
    return match["verb"].endswith("ed") and verb_within(after, profile, 2) not in (None, 0)


_NOT_CLAUSE_AFTER_AS_WORDS = "much many well long soon far if though such"
_NOT_CLAUSE_AFTER_AS = frozenset(_NOT_CLAUSE_AFTER_AS_WORDS.split())
# "just as", "much as", "the same as": what follows compares, and often leaves its verb out.
_COMPARING_BEFORE_AS = frozenset(["just", "much", "same", "so", "such", "twice", "half", "as"])
# Words that open a clause inside the sentence: an "and <verb>" after one may share that
# clause's subject ("charged after her boyfriend's mother tried to stop them and suffered ...").
_CLAUSE_WORDS_LIST = (
    "that which who whom whose if whether when because while as after before since until once "
    "unless although though whereas where"
)
_CLAUSE_WORDS = frozenset(_CLAUSE_WORDS_LIST.split())
_SINGULAR_VERBS_WORDS = "is was has does"
_SINGULAR_VERBS = frozenset(_SINGULAR_VERBS_WORDS.split())
_PLURAL_VERBS_WORDS = "are were have do"
_PLURAL_VERBS = frozenset(_PLURAL_VERBS_WORDS.split())


def _has_comma_before(words: list[str], at: int) -> bool:
    return any(w.endswith(",") for w in words[:at])


def _listed(subject: list[str]) -> bool:
    """ "Robert Mugabe, his wife Grace and two key figures ...": the commas list who the subject
    is (said again as "They"), not a phrase set before it."""
    return "and" in subject and not any(bare(w) in PREPOSITIONS - {"of"} for w in subject[:1])


def _pronoun_for(subject: str, verb: str, profile: Profile) -> str | None:
    """How a subject is said again before a second verb: a person by surname, else "It" or
    "They" by the verb's number; None when the number cannot be told."""
    said = repeatable(subject, profile)
    named = said is not None and all(w[:1].isupper() for w in said.split())
    if said and (len(said.split()) <= 2 or (named and len(said.split()) <= SUBJECT_OPENING)):
        return said  # "Mr Cameron", "The Gipsy Council": a name, however many words
    person = bare(subject.split()[-1]) in profile.titles  # "the former Lakers player": not "It"
    if verb in _SINGULAR_VERBS or (verb.endswith("s") and not verb.endswith("ss") and not person):
        return "It"  # "is", or a present verb in "-s": "... opens a window and draws a line"
    if verb in _PLURAL_VERBS:
        return "They"
    return None


def split_after(text: str, profile: Profile) -> Split | None:
    """ "The plan failed after members of his party left parliament" -> "The plan failed. It came
    after members of his party left parliament" (how broadcast news says what led to it)."""
    for match in re.finditer(r",?\s+after\s+", text):
        right, at = text[match.end() :], match.start()
        if bare((text[:at].split() or [""])[-1]) in _SPAN_BEFORE_AFTER and "," not in match[0]:
            continue  # "just after 4am", "several hours after the accident": a time, not a clause
        # "..., Austria's interior minister said on Tuesday, after years of debate": the
        # attribution is closed by its comma, and what came before is the writer's to say.
        closed = text[at : at + 1] == "," and _CLOSED_ATTRIBUTION.search(text[:at]) is not None
        if inside_aside(text, at) or (_reported_before(text, at, profile) and not closed):
            continue
        if len(text[: match.start()].split()) < 8:
            continue
        acted = _act_after(text, text[: match.start()], right, profile)
        if acted:
            right = acted
        elif not opens_clause(right, profile) and not _event_after(text, match, profile):
            continue
        return Split(
            _pieces(text[: match.start()], f"It came after {right}"), "split before “after”"
        )
    return None


def _act_after(text: str, left: str, right: str, profile: Profile) -> str | None:
    """Past LONGEST, "The boss of HSBC was facing questions over his tax affairs after claiming
    he sheltered money ..." -> "... It came after he claimed he sheltered money ...": the
    participle said as a verb, its subject the one the sentence's own "his" or "their" points
    at."""
    words = right.split()
    past = profile.agent_participles.get(bare(words[0])) if words else None
    if len(text.split()) <= LONGEST or not past or len(words) < MIN_PIECE:
        return None
    k = verb_within(left.split(), profile, SUBJECT_OPENING + 1)
    subject = left.split()[:k] if k else []
    if not subject or any(w.endswith(",") for w in subject):
        return None
    if len(subject) == 1 and bare(subject[0]) in profile.subject_pronouns:
        return " ".join([bare(subject[0]), past, *words[1:]])
    owners = {_OWNER_PRONOUNS[bare(w)] for w in left.split() if bare(w) in _OWNER_PRONOUNS}
    last = bare(subject[-1])
    plural = (last.endswith("s") and not last.endswith("ss")) or last in PLURAL_NOUNS
    # "Police searched his home after receiving a tip": "his" is not who received it.
    if len(owners) != 1 or (owners == {"they"}) != plural:
        return None
    return " ".join([owners.pop(), past, *words[1:]])


# "his tax affairs ... after claiming": the owner the sentence's subject is did what follows
# ("her" is left out: "Police questioned her after finding" names her as the object).
_OWNER_PRONOUNS = {"his": "he", "their": "they"}


def split_before(text: str, profile: Profile) -> Split | None:
    """ "Officials ordered an evacuation on Sunday morning before the storm hit the coast" ->
    "... on Sunday morning. The storm hit the coast": said in the order they happened, the two
    events need no "before". Only when the later clause names its own subject."""
    for match in re.finditer(r",?\s+before\s+", text):
        right, at = text[match.end() :], match.start()
        if bare((text[:at].split() or [""])[-1]) in _SPAN_BEFORE_AFTER:
            continue  # "shortly before the vote": a time
        if inside_aside(text, at) or _reported_before(text, at, profile) or inside_quote(text, at):
            continue
        first = bare(right.split()[0]) if right.split() else ""
        if first in profile.subject_pronouns or first in _STAND_INS:
            continue  # "before he left": the pronoun would lean on the sentence before
        if len(text[:at].split()) < MIN_PIECE or not opens_clause(right, profile):
            continue
        if _not_yet(right, profile):
            continue
        return Split(_pieces(text[:at], right), "split before “before”")
    return None


def _not_yet(right: str, profile: Profile) -> bool:
    """ "... posting images on Twitter before the models had even stepped out onto the
    catwalk": what had not happened yet, said alone ("The models had even stepped out ..."),
    would say it had."""
    words = right.split()
    verb = verb_within(words, profile)
    return verb is not None and (
        bare(words[verb]) == "had" or "even" in map(bare, words[: verb + 2])
    )


# Words that make "after" part of a time ("hours after", "shortly after", "soon after").
_SPAN_BEFORE_AFTER_WORDS = (
    "just shortly soon right immediately long moments seconds minutes hours days weeks months "
    "years decades day week month year hour minute straight not"
)
_SPAN_BEFORE_AFTER = frozenset(_SPAN_BEFORE_AFTER_WORDS.split())


def _event_after(text: str, match: re.Match[str], profile: Profile) -> bool:
    """Past LONGEST, ", after years of debate over ..." after a comma: what came before, said
    as "It came after years of debate" (never "named after", "after all", "day after day")."""
    words = text[match.end() :].split()
    if len(text.split()) <= LONGEST or "," not in match[0] or len(words) < 3:
        return False
    first = bare(words[0])
    plural = first.isalpha() and first.endswith("s") and not first.endswith("ss")
    return first in profile.determiners - {"all"} or first[:1].isdigit() or plural


def split_because(text: str, profile: Profile) -> Split | None:
    """ "She avoided jail because she spent the money on a friend" -> "She avoided jail. That is
    because she spent the money on a friend" (past: "That was because")."""
    for match in re.finditer(r",?\s+because\s+", text):
        right = text[match.end() :]
        left = text[: match.start()]
        if inside_aside(text, match.start()) or _reported_before(text, match.start(), profile):
            continue
        if len(left.split()) < 8 or not opens_clause(right, profile):
            continue
        verb = verb_within(left.split(), profile, len(left.split()))
        past = verb is not None and bare(left.split()[verb]) not in {
            "is",
            "are",
            "has",
            "have",
            "does",
            "do",
        }
        opener = "That was because" if past else "That is because"
        return Split(_pieces(left, f"{opener} {right}"), "split before “because”")
    return None


def split_purpose(text: str, profile: Profile) -> Split | None:
    """ "A team has been touring newsrooms in an attempt to allay concerns" -> "... newsrooms. It
    is trying to allay concerns" (was, for a past verb; they, for a plural one)."""
    match = re.search(r"\s+in (?:an attempt|an effort|a bid) to\s+", text)
    if not match or inside_aside(text, match.start()):
        return None
    left = text[: match.start()]
    words = left.split()
    verb = verb_within(words, profile, 12)
    if verb is None or _has_comma_before(words, verb):
        return None
    subject = _pronoun_for(" ".join(words[:verb]), bare(words[verb]), profile)
    if not subject:
        return None
    past = bare(words[verb]) not in {"is", "are", "has", "have"}
    plural = subject == "They"
    be = ("were" if plural else "was") if past else ("are" if plural else "is")
    right = f"{subject} {be} trying to {text[match.end() :]}"
    return Split(_pieces(left, right), "split before “in an attempt to”, said as “trying to”")


def split_appositive(text: str, profile: Profile) -> Split | None:
    """Past the limit, who someone is goes into a sentence of its own: "Kurt Volker, the former
    envoy, testified ..." -> "Kurt Volker testified .... Kurt Volker is the former envoy"."""
    if len(text.split()) <= LONGEST:
        return None
    outside: list[tuple[int, int, str, str]] = []  # (name's end, aside's end, who, aside)
    for match in _APPOSITION.finditer(text):
        if inside_aside(text, match.start()) or verb_within(match["app"].split(), profile, 99):
            continue
        if outside and match.start() < outside[-1][1]:
            continue  # inside the aside taken already
        named = match["app"].split()[1][:1].isupper()
        if named and re.match(r",\s+(?:and|or)\s", text[match.end("app") :]):
            continue  # "in Paris, the Las Vegas Strip, and New York's Times Square": a list
        if _closes_subordinate(text[: match.start("name")], profile):
            continue  # "as journalists covered ... Fatah and Hamas, the offices of ...": the subject
        if bare(match["name"]) in _NOT_NAMES or not repeatable(match["name"], profile):
            continue  # "Yesterday, the chief executive of William Hill, ...": a time, no one
        # Said again in full: "Zhou Yongkang" is Zhou, and only the article's use can tell.
        who = match["name"]
        # "Zhou Yongkang, a member of the politburo, the elite group of 25 men who run China,":
        # a second phrase describes the first; both are said of him, or it would hang on his name.
        stacked = _STACKED.match(text, match.end("app"))
        app, end = match["app"], match.end("app")
        if stacked:
            app, end = f"{app}, {stacked['app']}", stacked.end("app")
        outside.append((match.end("name"), end, who, app))
    if not outside:
        return None
    main = text
    for name_end, end, _, _ in reversed(outside):
        after = main[end:]
        # "Having bought the house in Braunau am Inn, a town on the border, Austria will ...":
        # the comma after the aside also closes the opening phrase the name ends.
        closes = _opening_phrase(main[:name_end], profile)
        main = main[:name_end] + (after if closes else after.replace(",", "", 1))
    said = [ended(f"{who} is {app}") for _, _, who, app in outside]
    return Split(
        (ended(main), *said), "said who people are in sentences of their own", beside_first=True
    )


def _closes_subordinate(before: str, profile: Profile) -> bool:
    """The words since the last comma open a clause of their own ("as journalists were covering
    a demonstration between Fatah and"): the comma after the name ends that clause, and what
    follows it is the sentence's own subject, not who the name is."""
    words = re.split(r"[,;:]", before)[-1].split()
    openers = profile.clause_conjunctions | _SUBORDINATORS | {"after", "before", "since", "until"}
    return bool(words) and bare(words[0]) in openers and verb_within(words, profile, 99) is not None


def _opening_phrase(before: str, profile: Profile) -> bool:
    """The words up to a name open the sentence with a phrase of their own ("Having bought the
    house in Braunau am Inn", "In Paris"), not its subject: a comma must end that phrase."""
    words = before.split()
    if not words or "," in before:
        return False
    first = bare(words[0])
    return first in PREPOSITIONS or first.endswith("ing")


# "Kurt Volker, the former special envoy to Ukraine," : a name and who it is, between commas;
# a place's name may hold a small word ("Braunau am Inn", "Stratford-upon-Avon", "Luis de Miranda").
_APPOSITION = re.compile(
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:(?:am|de|del|der|la|le|van|von|upon)\s+)?[A-Z][\w'’.-]+){0,3}),"
    r"\s+(?P<app>(?:the|a|an)\s[^,;“”\"()]{3,90}?)(?=,)"
)
# Capitalised words that open a sentence as a time or a link, never someone's name.
_NOT_NAMES_WORDS = (
    "yesterday today tonight tomorrow now then meanwhile however earlier later monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"
)
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
# ", the elite group of 25 men who run China," right after an aside: a second one on it; or
# the name of whom it ends on ("brother of heir to the British throne, Charles,").
_STACKED = re.compile(
    r",\s+(?P<app>(?:the|a|an)\s[^,;“”\"()]{3,90}?|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})(?=,)"
)


def split_closing_appositive(text: str, profile: Profile) -> Split | None:
    """ "Forrest Jones runs the start-up Beechmont Hotels Corporation, a hotel operating company
    that consults ..." -> "... Beechmont Hotels Corporation. Beechmont Hotels Corporation is a
    hotel operating company that consults ...": what the name that ends the main clause is,
    said in a sentence of its own that names it again."""
    match = _CLOSING_APPOSITION.match(text)
    if not match or inside_aside(text, match.start("app")):
        return None
    main, app = match["main"], match["app"].split()
    words = main.split()
    name = _closing_name(words)
    if not name or verb_within(words, profile, len(words) - len(name)) is None:
        return None
    if _dated(app, profile):
        return None  # "a firm that made toys": "is" would change when it was so
    if _clause_of_its_own(app, profile):
        return None  # ", a study out of Pennsylvania shows": a clause of its own, not a phrase
    if not repeatable(" ".join(name), profile):
        return None
    said = f"{' '.join(name)} is {match['app']}"
    return Split((ended(main), ended(said)), "said what a name is in a sentence of its own")


def _clause_of_its_own(phrase: list[str], profile: Profile) -> bool:
    """The phrase has a verb that no "that", "who" or "which" in it opens: a clause, not what
    someone or something is."""
    verb = verb_within(phrase, profile, len(phrase))
    return verb is not None and not any(bare(w) in {"that", "who", "which"} for w in phrase[:verb])


def _dated(phrase: list[str], profile: Profile) -> bool:
    """The phrase holds a past verb ("a firm that made toys"): said with "is" it would change
    when it was so; "a lost play" describes the play."""
    return any(
        (bare(w) in profile.irregular_past or bare(w).endswith("ed"))
        and bare(phrase[k - 1]) not in profile.determiners - {"that"}
        for k, w in enumerate(phrase[1:], start=1)
    )


def split_speaker_role(text: str, profile: Profile) -> Split | None:
    """ "“Netanyahu broke a lot of crockery,” said Martin Indyk, executive vice president of the
    Brookings Institution and a former U.S. ambassador to Israel." -> "Martin Indyk is executive
    vice president of .... “Netanyahu broke ...,” said Indyk.": who the speaker is, said first."""
    match = _SAID_ROLE.match(text)
    if not match or bare(match["verb"]) not in profile.reporting_forms:
        return None
    role = match["role"].split()
    if not role[0].isalpha() or not role[0].islower() or bare(role[0]) in _RELATIVES_OPENING:
        return None  # "45, of Leeds", "who served ...": an age or a clause, not a role
    if _clause_of_its_own(role, profile):
        return None  # ", adding that ...": a clause of its own
    name = repeatable(match["name"], profile)
    if not name or _dated(role, profile):
        return None
    said = f"{match['quote']} {match['verb']} {name}"
    return Split((ended(f"{match['name']} is {match['role']}"), ended(said)), _SPEAKER_NOTE)


# Who the speaker is comes first, so the quote stays right before what may continue it (a
# second quote in a sentence of its own that leans on this attribution).
_SPEAKER_NOTE = "said who the speaker is in a sentence of its own, before the quote"


def split_speaker_aside(text: str, profile: Profile) -> Split | None:
    """ "“We had some issues,” Mayer, Disney’s chairman of direct-to-consumer, said Tuesday at a
    conference." -> "Mayer is Disney’s chairman of direct-to-consumer. “...,” Mayer said
    Tuesday at a conference."; ", who serves in ..., said" -> "... Peschorn serves in ...": who
    the speaker after a quote is, taken out of the attribution and said first."""
    match = _SPEAKER_ASIDE.match(text)
    if not match or bare(match["verb"]) not in profile.reporting_forms:
        return None
    name = repeatable(_speaker_name(match["name"], profile), profile)
    aside = match["aside"].split()
    if not name or _dated(aside, profile):
        return None
    if bare(aside[0]) == "who":
        who = f"{match['name']} {' '.join(aside[1:])}"
        if len(aside) < 3 or bare(aside[1]) in profile.determiners | profile.subject_pronouns:
            return None  # "who the police said ...": "who" is not the subject
    elif aside[0][:1].isdigit() or verb_within(aside, profile, len(aside)) is not None:
        return None  # ", 45," is an age; ", adding that ..." a clause
    else:
        who = f"{match['name']} is {match['aside']}"
    said = f"{match['quote']} {name} {match['verb']}{match['tail']}"
    return Split((ended(who), ended(said)), _SPEAKER_NOTE)


def _speaker_name(words: str, profile: Profile) -> str:
    """The name after the title before it ("Interior Minister Wolfgang Peschorn" -> "Wolfgang
    Peschorn"): the words after the last title word."""
    run = words.split()
    titled = [k for k, word in enumerate(run[:-1]) if bare(word) in profile.titles]
    return " ".join(run[titled[-1] + 1 :] if titled else run)


# "“...,” Mayer, Disney’s chairman of ..., said Tuesday at ...": a quote, its speaker, who they
# are between commas, and the reporting verb.
_SPEAKER_ASIDE = re.compile(
    r"^(?P<quote>[“\"‘'].+[,?!…][”\"’'])\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s+"
    r"(?P<aside>[^,“”\"]{4,120}),\s+(?P<verb>[a-z]+)(?P<tail>(?:\s[^,“”\"]*)?)\.$"
)
# "“...,” said Martin Indyk, executive vice president of ...": a quote, its speaker, their role.
_SAID_ROLE = re.compile(
    r"^(?P<main>(?P<quote>.+[,?!…][”\"’'])\s+(?P<verb>[a-z]+)\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})),\s+(?P<role>[^“”\"]{5,200})\.$"
)
_RELATIVES_OPENING = frozenset(["who", "whose", "which", "whom", "where", "and", "but"])


def _closing_name(words: list[str]) -> list[str]:
    """The name that ends the words, whole ("Beechmont Hotels Corporation"), or nothing when
    the words end on something else or the name runs back to the sentence's start."""
    run = _trailing_capitals(words, NAME_PARTICLES)
    while run and not run[0][:1].isupper():
        run.pop(0)
    whole = 0 < len(run) <= CLOSING_NAME_WORDS and len(run) < len(words)
    before = bare(words[-len(run) - 1]) if whole else ""
    if any(bare(w) in NAME_PARTICLES for w in run) and before in {"the", "a", "an"}:
        return []  # "the CEO of Hotelied, a start-up": the phrase may be on Hotelied or the CEO
    return run if whole else []


CLOSING_NAME_WORDS = 4  # a longer capitalised run is a title or a list, not one name
# "... the start-up Beechmont Hotels Corporation, a hotel operating company that consults ...":
# a phrase on what the name that ends the main clause is ends the sentence.
_CLOSING_APPOSITION = re.compile(r"^(?P<main>.+\S),\s+(?P<app>(?:a|an)\s[^,;:“”\"()]{3,160})\.$")


def split_according_who(text: str, profile: Profile) -> Split | None:
    """ "X happened, according to a programmer who has released code that exploits the flaw." ->
    "According to a programmer, x happened. The programmer has released code that exploits the
    flaw.": the news first, with its source; who the source is after (it may lean on the news:
    "the flaw")."""
    match = _ACCORDING_WHO.match(text)
    if not match or verb_within(match["rest"].split(), profile, 2) is None:
        return None
    head = match["noun"].split()[-1]
    if match["who"] == "that" and not _people(head, profile):
        return None  # "according to the claim that police lied": what was claimed
    source = f"{match['det']} {match['noun']}"
    again = f"The {match['noun'] if match['det'] == 'the' else head}"
    body = match["body"]
    said = decapitalise(body, profile)
    # "But those towels might not be clean, according to the hotel bosses that ...": the "But"
    # answers the sentence before, so it stays first; "Minecraft makes it ...": a capital the
    # sentence alone cannot tell from a name's stays first too, the source after it.
    if bare(body.split()[0]) in profile.coordinators or unsure_case(said, NO_CASING):
        first = f"{body}, according to {source}"
    else:
        first = f"According to {source}, {said}"
    return Split((ended(first), ended(f"{again} {match['rest']}")), _WHO_NOTE)


_ACCORDING_WHO = re.compile(
    r"^(?P<body>[^“”\"]{12,}?),\s+according to (?P<det>an?|the) (?P<noun>[a-z][\w -]{2,40}?) "
    r"(?P<who>who|that) (?P<rest>[^,]+)\.$"
)
_WHO_NOTE = "said who the source is in a sentence of its own, after the news"


def _people(noun: str, profile: Profile) -> bool:
    """ "bosses", "officials", "researchers": a noun for people, which "that" may follow."""
    single = re.sub(r"(?:es|s)$", "", noun.lower())
    return (
        noun.lower() in PLURAL_NOUNS
        or single in profile.titles
        or noun.lower() in profile.titles
        or noun.lower().endswith(("ers", "ists", "ians"))
    )


def split_according_report(text: str, profile: Profile) -> Split | None:
    """Past LONGEST, "According to a report released Wednesday by Human Rights Watch, X" ->
    "Human Rights Watch released a report Wednesday. According to the report, X": who put out
    the report is said first, then what it found."""
    if len(text.split()) <= LONGEST:
        return None
    placed = _ACCORDING_PLACED.match(text)
    if placed and not inside_quote(text, placed.end("where")):
        # "According to a paper published in the journal Nature Astronomy on Monday, ...":
        # where it came out is said first.
        first = (
            f"{capitalise(placed['det'])} {placed['noun']} was {placed['verb']} {placed['where']}"
        )
        second = f"According to the {placed['noun']}, {placed['rest']}"
        return Split((ended(first), ended(second)), "said where the report came out first")
    match = _ACCORDING_REPORT.match(text)
    if not match or inside_quote(text, match.end("who")):
        return None
    who, when = match["who"], f" {match['when']}" if match["when"] else ""
    if verb_within(who.split(), profile, len(who.split())) is not None:
        return None  # "by a group that tracks the war": a clause, not a name
    first = f"{capitalise(who)} {match['verb']} {match['det'].lower()} {match['noun']}{when}"
    second = f"According to the {match['noun']}, {match['rest']}"
    return Split((ended(first), ended(second)), "said who put out the report first")


# "According to a report released Wednesday by Human Rights Watch, ...": a document, when it
# came out and whose it is, before what it says.
_ACCORDING_REPORT = re.compile(
    r"^According to (?P<det>an?) (?P<noun>report|study|survey|poll|analysis|review)"
    r" (?P<verb>released|published|issued)(?: (?P<when>[^,;“”\"]{2,20}?))? by"
    r" (?P<who>[^,;“”\"]{3,60}), (?P<rest>[^“”\"].+)$"
)
_ACCORDING_PLACED = re.compile(
    r"^According to (?P<det>an?) (?P<noun>report|study|survey|poll|analysis|review|paper)"
    r" (?P<verb>released|published|issued) (?P<where>in (?:the |a )?[^,;“”\"]{3,80}),"
    r" (?P<rest>[^“”\"].+)$"
)


SPLIT_RULES: tuple[SplitRule, ...] = (
    split_semicolon,
    split_asked,
    split_opening_participle,
    split_reported,
    split_according_who,
    split_according_report,
    split_dash,
    split_described,
    split_fronted_as,
    split_charges,
    split_relative,
    split_whose,
    split_coordinated,
    split_comma_splice,
    split_restrictive,
    split_clause_conjunction,
    split_participle,
    split_shared_subject,
    split_after,
    split_before,
    split_because,
    split_purpose,
    split_where,
    split_colon,
    split_appositive,
    split_speaker_role,
    split_speaker_aside,
    split_closing_appositive,
)
