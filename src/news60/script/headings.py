"""A scene's heading says what its captions do not: never the spoken sentence a second time, never
a line that disagrees with what is said (another quote, another story's headline)."""

from __future__ import annotations

import re
from collections import Counter

from news60.models import OnScreen, QuoteCard
from news60.script.onscreen import headline
from news60.script.summarisers.prose import has_verb

# A heading sharing this share of its words with what is said shows the captions a second time.
NEAR_COPY = 0.8
# Words in quotation marks; an apostrophe inside a word ("Don't") neither opens nor closes them.
_QUOTED = re.compile(r"(?:^|(?<=\s))[“\"‘'](.+?)[”\"’'](?!\w)")
_OPENING_QUOTES = ("“", '"', "‘")
# A pronoun subject keeps its auxiliary: "They diagnosed with plague" reads as the active voice.
_PRONOUN = re.compile(r"^(?:He|She|It|They|We|I|You)\b")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Headline style drops a leading article ("The men were flown out" -> "Men flown out"), from a
# clause only: a noun phrase without its article reads as a fragment ("Manager of much of ...").
_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=[a-z])")
# ... and an aside after the subject ("Eloise Parry, 21, was taken" -> "Eloise Parry was taken"):
# the subject is a name or "the" and a noun, the aside is short, the sentence goes on in lower case.
_ASIDE = re.compile(
    r"^((?:(?:The|A|An)\s+[a-z][\w’'-]*|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)),\s[^,“”]{1,60},\s(?=[a-z])"
)
# ... and the auxiliary before a participle ("have been diagnosed" -> "diagnosed").
_AUXILIARY = re.compile(
    r"\b(?:(?:has|have|had)\s+been|has|have|is|are|was|were)\s+(?=[a-z]+(?:ed|en|wn)\b)"
)
# Only the main clause's: in a reported or relative clause ("said the tablets were believed",
# "which is expected") the participle without its auxiliary reads as an active verb.
_CLAUSE_OPENER = re.compile(r"\b(?:said|says|told|that|which|who|whom|where|when|because|if)\b")
# ... and an office before a full name ("US President Donald Trump" -> "Donald Trump").
_OFFICE = re.compile(
    r"\b(?:[A-Z][\w.]*\s+)*?(?:President|Prime Minister|Minister|Secretary|Chancellor|"
    r"Governor|Senator|Mayor|Chairman|Chief Executive|Commissioner)\s+(?=[A-Z][a-z]+\s+[A-Z])"
)


def scene_heading(line: OnScreen, spoken: str, title: str, *, first: bool) -> OnScreen:
    """The heading for a scene that says `spoken`, from its on-screen `line`: a quote card as it
    is; else the line in headline style when that is not what the captions show; else the story's
    headline on the first scene when it agrees with what is said; else none."""
    # A quote card with its speaker shows who speaks, which the captions cannot.
    if isinstance(line, QuoteCard) and line.speaker:
        return line
    line = str(line)
    # A quote without its speaker ("“We are concerned...") would put words in no one's mouth.
    key = "" if line.startswith(_OPENING_QUOTES) else condensed(line)
    if key and not repeats(key, spoken):
        return key
    lead = headline(title) if first and title else ""
    return lead if lead and not repeats(lead, spoken) and agrees(lead, spoken) else ""


def condensed(line: str) -> str:
    """A key line in headline style: no leading article, aside, auxiliary or office."""
    text = _OFFICE.sub("", line)
    text = _ASIDE.sub(r"\1 ", text)
    text = _without_auxiliary(text)
    text = _ARTICLE.sub("", text) if has_verb(line) else text
    return text[:1].upper() + text[1:]


def _without_auxiliary(text: str) -> str:
    """The main clause's verb without its auxiliary, when the subject is no pronoun."""
    found = _AUXILIARY.search(text)
    if found is None or _PRONOUN.match(text) or _CLAUSE_OPENER.search(text, 0, found.start()):
        return text
    return text[: found.start()] + text[found.end() :]


def repeats(heading: str, spoken: str) -> bool:
    """Whether a heading shows what is said: the same words, their start, or most of them."""
    shown, said = _words(heading), _words(spoken)
    if not shown:
        return False
    shared = sum((Counter(shown) & Counter(said)).values())
    return _starts(said, shown) or shared >= NEAR_COPY * max(len(shown), len(said))


def _starts(said: list[str], shown: list[str]) -> bool:
    """Whether what is said starts with the heading, its last word perhaps cut short."""
    n = len(shown)
    return said[: n - 1] == shown[:-1] and len(said) >= n and said[n - 1].startswith(shown[-1])


def agrees(heading: str, spoken: str) -> bool:
    """A heading that quotes no words the scene does not say (a headline's quote over another)."""
    said = set(_words(spoken))
    quoted = _QUOTED.findall(heading)
    return all(set(_words(words)) <= said for words in quoted if len(words.split()) > 1)


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]
