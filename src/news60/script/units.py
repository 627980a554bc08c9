"""Story units: the runs of sentences a script keeps or drops whole, and what each one leans on.

A quote travels with its attribution however many sentences it spans; a sentence that opens on
"He", "However" or "The company" needs the sentence before it; a bare surname needs the sentence
that introduced the person (the story lets it go when that one cannot be said: the broadcast
writer then says the name in full). A unit is never split, and never kept without the units it
requires.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from news60.script.people import FULL_NAME, surname_of
from news60.script.quotes import QuoteMarks, attributes, is_speech, read_marks
from news60.script.sentences import LIST_MARKER

# Openers that point back at the sentence before: pronouns, connectives, "The company".
_OPENER = re.compile(
    r"^[\"“‘'(]?\s*(?:(?:he|she|it|they|this|that|these|those|his|her|its|their|him|them|such|"
    r"however|but|and|also|meanwhile|still|instead|yet|then|so|nevertheless|nonetheless|"
    r"furthermore|moreover|additionally|besides|otherwise|thus|therefore|likewise|similarly|"
    r"later|afterwards|both|neither|another|others|even so|as a result|in addition|"
    r"in response|at the time|by then|"
    # "Days later, a further 163,000 had joined.": later than what the sentence before told.
    r"(?:\w+\s+){0,2}?(?:days?|weeks?|months?|years?|hours?|minutes|moments)\s+later|"
    r"the\s+(?:next|following)\s+(?:day|morning|evening|night|week|month|year))\b)",
    re.IGNORECASE,
)
# "As he was reading, he veered...": a person called he before being named leans on earlier text.
_PERSONAL = re.compile(r"\b(?:he|she|him|his|hers|they|them|their)\b")
_DEFINITE_THE = re.compile(r"^[\"“‘'(]?\s*The\s+(?=[a-z\d])")  # "The ruling", not "The Irishman"
# The thing a "The ..." opener names: one or two lower-case words before its verb ("The car crash
# is", "The ruling has"); a second word that is a verb or adverb is not part of the name.
_THING = re.compile(r"^[\"“‘'(]?\s*The\s+([a-z][a-z-]{2,})(?:\s+([a-z][a-z-]{2,}))?\b")
_NOT_THING_LIST = (
    "is was are were has had have will would can could may might must should did does also "
    "said says told added came comes went goes made makes took takes"
)
_NOT_THING = frozenset(_NOT_THING_LIST.split())
# People and bodies a story names once and then calls "the infant" or "the company".
_ROLE = re.compile(
    r"\bthe\s+(infant|baby|toddler|child|boy|girl|man|woman|teenager|teen|victim|suspect|"
    r"driver|couple|pair|family|mother|father|company|firm|group|singer|actor|actress|star|"
    r"player|club|team|officer|pilot|patient|defendant|accused|gunman|attacker|student|pupil)\b"
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’-]{2,}\b")
# Capitalised words that end name-like runs ("Last Monday") without being anyone's surname.
_CALENDAR_LIST = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December"
)
_CALENDAR = frozenset(_CALENDAR_LIST.split())

LONGEST_QUOTE = 6  # sentences a quote may run through; past this its closing mark went missing


@dataclass(frozen=True)
class Unit:
    """Sentences first..last of the body, kept or dropped together; `requires` earlier units."""

    first: int
    last: int
    requires: tuple[int, ...] = ()
    speech: bool = False  # holds direct speech
    attributed: bool = True  # its speech names a speaker, here or in a unit it requires
    # Of `requires`, the units needed only because they introduce someone this unit calls by
    # surname ("Davis told the Post"), with those surnames: a writer that introduces people
    # at their first mention can do without them.
    for_names: tuple[tuple[int, str], ...] = ()

    @property
    def sentences(self) -> range:
        return range(self.first, self.last + 1)


def story_units(sentences: Sequence[str], paragraphs: Sequence[int]) -> tuple[Unit, ...]:
    """Segment the body's sentences (with the paragraph of each) into story units."""
    marks = carried_marks(sentences, paragraphs)
    spans = _hand_over(sentences, _attach_speakers(sentences, marks, _quote_runs(marks)))
    owner = {i: u for u, (first, last) in enumerate(spans) for i in range(first, last + 1)}
    introduced = _introductions(sentences)
    listed = _listed_after_colon(sentences, spans)
    units = []
    for u, (first, last) in enumerate(spans):
        needs = {owner[i] for i in _leans_on(sentences, first, last)} - {u}
        needs |= {listed[u]} if u in listed else set()
        names = {
            (owner[at], surname)
            for i in range(first, last + 1)
            for surname, at in _named_earlier(sentences[i], introduced).items()
            if at < first and owner[at] not in needs
        }
        needs |= {introducer for introducer, _ in names}
        speech = any(is_speech(marks[i]) for i in range(first, last + 1))
        leads_in = u > 0 and u - 1 in needs and _names_speaker(sentences, marks, spans[u - 1])
        heard = _heard_beside(sentences, marks, first, last, leads_in)
        units.append(
            Unit(
                first, last, tuple(sorted(needs)), speech, not speech or heard, tuple(sorted(names))
            )
        )
    return tuple(units)


def _heard_beside(
    sentences: Sequence[str], marks: Sequence[QuoteMarks], first: int, last: int, leads_in: bool
) -> bool:
    """Every piece of speech sits next to a sentence naming its speaker: a listener hears who
    speaks within a sentence of the words (the sentence before counts when it leads in)."""
    naming = {
        i for i in range(first, last + 1) if attributes(marks[i]) or _introduces(sentences[i])
    }
    if leads_in:
        naming.add(first - 1)
    spoken = [i for i in range(first, last + 1) if is_speech(marks[i])]
    return all(naming & {i - 1, i, i + 1} for i in spoken)


def carried_marks(sentences: Sequence[str], paragraphs: Sequence[int]) -> list[QuoteMarks]:
    """Each sentence's quotation marks, with a quote left open carried into the next sentence."""
    marks: list[QuoteMarks] = []
    run = 0  # sentences the open quote has run through
    for i, sentence in enumerate(sentences):
        carried = marks[-1].open_at_end if marks else ""
        new_paragraph = i and paragraphs[i] != paragraphs[i - 1]
        # A quote left open at a paragraph's end goes on only if the next paragraph reopens it;
        # one that runs on and on was never closed (a stray mark), so it stops.
        if carried and new_paragraph and sentence.lstrip()[:1] not in "\"“‘'":
            carried = ""
        run = run + 1 if carried else 0
        marks.append(read_marks(sentence, carried if run <= LONGEST_QUOTE else ""))
    return marks


def _quote_runs(marks: Sequence[QuoteMarks]) -> list[tuple[int, int]]:
    """Spans of sentences joined by a quote that runs from one into the next."""
    spans: list[tuple[int, int]] = []
    for i, mark in enumerate(marks):
        if spans and mark.open_at_start:
            spans[-1] = (spans[-1][0], i)
        else:
            spans.append((i, i))
    return spans


def _attach_speakers(
    sentences: Sequence[str], marks: Sequence[QuoteMarks], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Join a quote with no speaker to the quote after it that names one ("... ," he said)."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        if joined and _needs_later_speaker(sentences, marks, joined[-1], span):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _needs_later_speaker(
    sentences: Sequence[str],
    marks: Sequence[QuoteMarks],
    earlier: tuple[int, int],
    later: tuple[int, int],
) -> bool:
    """The earlier span is unattributed speech and the later one is attributed speech."""

    def heard(span: tuple[int, int]) -> bool:
        return any(attributes(marks[i]) for i in range(span[0], span[1] + 1))

    def speech(span: tuple[int, int]) -> bool:
        return any(is_speech(marks[i]) for i in range(span[0], span[1] + 1))

    opens_on_quote = sentences[later[0]].lstrip()[:1] in "\"“‘'"
    previous = earlier[0] - 1
    introduced = previous >= 0 and (attributes(marks[previous]) or _introduces(sentences[previous]))
    return (
        speech(earlier)
        and not heard(earlier)
        and not introduced
        and speech(later)
        and heard(later)
        and opens_on_quote
    )


def _hand_over(sentences: Sequence[str], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span that ends on a colon, or on a promise ("Here's how it works."), to the span
    after it: "President Obama also said:" promises what comes next (a quote, a list's first
    item), and alone it says nothing."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        last = sentences[joined[-1][1]] if joined else ""
        if joined and (_introduces(last) or _PROMISE.match(last)):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def _listed_after_colon(
    sentences: Sequence[str], spans: Sequence[tuple[int, int]]
) -> dict[int, int]:
    """The spans that are items of a list a colon hands over to ("President Obama also said:"
    then "- Despite racial tensions, the US is becoming more tolerant."), each with the span
    that holds the colon: an item said without it would state the speaker's view as fact."""
    listed: dict[int, int] = {}
    intro: int | None = None
    for u, (first, last) in enumerate(spans):
        if intro is not None and LIST_MARKER.match(sentences[first]):
            listed[u] = intro
            continue
        colon = [i for i in range(first, last) if _introduces(sentences[i])]
        intro = u if colon and LIST_MARKER.match(sentences[colon[-1] + 1]) else None
    return listed


# "Here's how it works.", "This is what we know.": a sentence that promises the next as a colon
# does, and says nothing without it.
_PROMISE = re.compile(
    r"^(?:Here['’]s|Here (?:is|are)|This is|These are) (?:how|what|why|where|who|when)\b"
    r"(?:\s+\S+){0,4}[.:]$"
)


def _introduces(sentence: str) -> bool:
    """A sentence that hands over to a quote: "The minister said:"."""
    return sentence.rstrip().endswith(":")


def _names_speaker(
    sentences: Sequence[str], marks: Sequence[QuoteMarks], span: tuple[int, int]
) -> bool:
    """The span names who speaks next: it attributes speech or ends on a colon."""
    last = span[1]
    return attributes(marks[last]) or _introduces(sentences[last])


def _leans_on(sentences: Sequence[str], first: int, last: int) -> set[int]:
    """The earlier sentences that the span's sentences need to be understood (besides those
    introducing the people it names by surname)."""
    needs: set[int] = set()
    if first and leans_on_previous(sentences[first], _heard(sentences, first, last)):
        needs.add(first - 1)
    for i in range(first, last + 1):
        needs |= {s for s in _roles_earlier(sentences, i) if s < first}
    return needs | _introduced_thing(sentences, first)


def _introduced_thing(sentences: Sequence[str], i: int) -> set[int]:
    """The sentence that first mentioned what "The missile strike is gigantic" calls "the
    missile strike", when it came before the sentence just ahead of this one."""
    opener = _THING.match(sentences[i])
    if not opener:
        return set()
    words = [w for w in opener.groups() if w and w not in _NOT_THING]
    if not words or len(words) < len([w for w in opener.groups() if w]) - 1:
        return set()
    thing = re.compile(rf"\b{' '.join(words)}\b", re.IGNORECASE)
    earlier = [j for j in range(i - 1) if thing.search(sentences[j])]
    return set(earlier[:1])


def leans_on_previous(sentence: str, heard: bool = False) -> bool:
    """The sentence needs the one before it: it refers back, or it quotes someone only the
    sentence before names (`heard`: the sentence's own unit names the speaker)."""
    return _refers_back(sentence) or (is_speech(read_marks(sentence)) and not heard)


def _refers_back(sentence: str) -> bool:
    """Opens on a pronoun, connective or "The company", or names "he" before anyone."""
    if _OPENER.match(sentence) or _DEFINITE_THE.match(sentence):
        return True
    # A name inside a quote is not who "she said" after it means ("'... a picture of Dencia
    # darker ...,' she said": she is the one named before), so only the words outside count.
    outside = read_marks(sentence).outside
    pronoun = _PERSONAL.search(outside)
    name = _CAPITALISED.search(outside, 1)
    return pronoun is not None and (name is None or pronoun.start() < name.start())


def _heard(sentences: Sequence[str], first: int, last: int) -> bool:
    return any(attributes(read_marks(sentences[i])) for i in range(first, last + 1))


def _introductions(sentences: Sequence[str]) -> dict[str, int]:
    """Surname -> the sentence where the person's full name first appears."""
    # A word the story also writes in lower case ("the Diocese"/"the diocese") is no surname.
    lower = {w for s in sentences for w in re.findall(r"\b[a-z][a-z'’-]+\b", s)}
    first: dict[str, int] = {}
    for i, sentence in enumerate(sentences):
        for match in FULL_NAME.finditer(sentence):
            surname = surname_of(match.group(0))
            if surname.lower() not in lower and surname not in _CALENDAR:
                first.setdefault(surname, i)
    return first


def _named_earlier(sentence: str, introduced: dict[str, int]) -> dict[str, int]:
    """The people this sentence calls by surname alone ("Ms. Temple said"), each with the
    sentence that introduced them."""
    full = {surname_of(m.group(0)) for m in FULL_NAME.finditer(sentence)}
    return {
        word: introduced[word]
        for word in _CAPITALISED.findall(sentence)
        if word in introduced and word not in full
    }


def _roles_earlier(sentences: Sequence[str], i: int) -> set[int]:
    """The sentence that first mentioned "the infant" or "the company" this one refers to."""
    needs = set()
    for match in _ROLE.finditer(sentences[i]):
        noun = re.compile(rf"\b{match.group(1)}\b", re.IGNORECASE)
        if noun.search(sentences[i][: match.start()]):
            continue  # introduced earlier in this very sentence
        earlier = [j for j in range(i) if noun.search(sentences[j])]
        needs.add(earlier[0] if earlier else i - 1)
    return {n for n in needs if n >= 0}
