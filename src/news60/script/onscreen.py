"""A scene's on-screen line: its quote with the speaker, or a whole headline-style clause."""

from __future__ import annotations

import re

from news60.models import OnScreen, QuoteCard
from news60.script.people import speaker
from news60.script.quotes import quotations
from news60.script.sentences import split_sentences
from news60.script.summarisers.prose import has_verb

CAPTION_TARGET = 70  # a caption longer than this is cut back to its main clause
CAPTION_CHARS = 96  # and never runs longer than this
QUOTE_CHARS = 90  # a quote card's words at most; a longer quote shows its first whole part
# Opening subordinate clauses ("When asked about it, Trump said ...") are context, not the news.
_LEAD_CLAUSE = re.compile(
    r"^(?:when|as|after|asked|while|although|though|before|despite|if|since|speaking)\b[^,]{0,120},\s+",
    re.IGNORECASE,
)
# Connectives and bullets that lean on what came before: a heading starts on its own news.
_LEAD_IN = re.compile(
    r"^(?:[•·▪►*–—-]\s*)+|^(?:however|but|and|also|meanwhile|still|yet|so|now|then|instead),?\s+",
    re.IGNORECASE,
)
# Where a sentence can end early and still stand: before a subordinate clause or an aside.
_CLAUSE_BREAKS = (
    "; ",
    " — ",
    " – ",
    ", who ",
    ", which ",
    ", where ",
    ", but ",
    ", and ",
    " because ",
    " since ",
    " although ",
    " while ",
    " after ",
    " as ",
    " when ",
    " which ",
    " who ",
    ", ",
)
# A line that is nothing but a quote: drawn as a quote card, it would lack its speaker.
_BARE_QUOTE = re.compile(r"^[“\"‘'].*[”\"’']$")
# Phrase boundaries for a last cut: before a preposition or conjunction.
_PHRASE_BREAK = re.compile(
    r"\s(?=(?:in|on|at|for|with|after|during|over|from|since|by|about|amid|into|than|and|or|"
    r"but|because|as|while|when|where|who|which|that|to)\s)"
)
_ARTICLES = frozenset(["a", "an", "the"])
# A heading never ends on a word that leaves the phrase hanging.
_STOP_ENDINGS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "and",
        "or",
        "with",
        "in",
        "on",
        "for",
        "at",
        "by",
        "as",
        "from",
        "into",
        "his",
        "her",
        "their",
        "its",
        "our",
        "your",
        "my",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "was",
        "is",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "him",
        "them",
        "this",
        "these",
        "those",
        "than",
        "but",
        "not",
        "no",
        "very",
        "more",
        "most",
        "about",
        "over",
        "under",
        "around",
        "before",
        "between",
        "through",
        "without",
        "within",
        "against",
        "among",
        "like",
        "per",
        "via",
        "up",
        "off",
        "anyone",
        "someone",
        "everyone",
        "anything",
        "something",
        "everything",
        "said",
        "says",
        "told",
        "added",
    ]
)


def caption_for(text: str, context: str = "", fallback: str = "") -> OnScreen:
    """The on-screen line for a scene: its direct quote with the speaker, else a headline of
    its first sentence; never a quote on its own (a card would show it with no speaker); ""
    when no line stands whole."""
    start, words = next(quotations(text), (0, ""))
    if len(words.split()) >= 4 and _stands_alone(text, start):
        who = speaker(text, start, context)
        quote = _short_quote(words)
        if who and quote:
            return QuoteCard(quote, who)
    # Only what the scene says heads it: another sentence's line would show what is not said.
    for source in (*split_sentences(text)[:2], fallback):
        line = headline(source) if source else ""
        if line and not _BARE_QUOTE.match(line):
            return line
    # Quoted words with their quote marks taken off would read as the newsroom's own claim.
    return ""


def headline(sentence: str, limit: int = CAPTION_CHARS) -> str:
    """A sentence cut to a whole main clause of at most `limit` characters for the screen: no
    ellipsis, no hanging word."""
    # The source's own elision ("harmless … we still advise") never shows: the line ends before it.
    text = _LEAD_IN.sub("", sentence.strip().split("…")[0].strip())
    text = _LEAD_CLAUSE.sub("", text.rstrip(".!?:;, "), count=1).strip()
    text = text[:1].upper() + text[1:]
    for marker in _CLAUSE_BREAKS:
        if len(text) <= CAPTION_TARGET:
            break
        head = _head(text, marker)
        if len(head.split()) >= 5 and _whole(head):
            text = head
    return text if len(text) <= limit and _balanced(text) else _phrase_cut(text, limit)


def _phrase_cut(text: str, limit: int = CAPTION_CHARS) -> str:
    """The longest start of the text that ends at a phrase boundary and reads as a whole, or ""
    when none does (a line cut mid-word or with its quote left open is never shown)."""
    cuts = [m.start() for m in _PHRASE_BREAK.finditer(text) if m.start() <= limit]
    for cut in reversed(cuts):
        if _joins(text[:cut], text[cut:]):
            continue
        head = text[:cut].rstrip(",;: ")
        if len(head.split()) >= 4 and _whole(head):
            return head
    # No phrase ends where a line may: a sentence cut anywhere else is a fragment, not a heading.
    return ""


def _head(text: str, marker: str) -> str:
    """The text before the first `marker` that ends a clause."""
    parts = text.split(marker)
    # "reported in Barry, Berrien, Calhoun ..." goes on with a name: that comma is no clause break.
    ends = [k for k in range(1, len(parts)) if marker != ", " or not parts[k][:1].isupper()]
    return marker.join(parts[: ends[0]]).rstrip(",;: ") if ends else text


def _joins(head: str, rest: str) -> bool:
    """Whether a cut here parts words that need each other: a participle and its agent ("a probe
    led | by Mueller"), or two adjectives of one noun ("an autonomous | and sparse region")."""
    words = head.split()
    after = rest.split()[0].lower() if rest.split() else ""
    agent = after == "by" and bool(words) and words[-1].lower().endswith(("ed", "en", "led"))
    coordinated = after in ("and", "or") and len(words) >= 2 and words[-2].lower() in _ARTICLES
    return agent or coordinated


def _whole(text: str) -> bool:
    """A clause that stands alone: a verb (or a figure), paired quotes, no hanging last word."""
    return (has_verb(text) or bool(re.search(r"\d", text))) and _ends_cleanly(text)


def _ends_cleanly(text: str) -> bool:
    """Paired quotes and a last word that closes the phrase ("said:" hands over to a quote)."""
    last = text.split()[-1].lower().strip(",;:") if text.split() else ""
    return _balanced(text) and last not in _STOP_ENDINGS and not text.endswith(":")


def _short_quote(words: str) -> str:
    """The quote's words, or its first sentence or clause when it runs long; "" if none fits."""
    quote = words.split("…")[0].rstrip(",;: ")
    if len(quote.split()) < 4:
        return ""
    if len(quote) <= QUOTE_CHARS:
        return quote
    first = split_sentences(quote)[0].rstrip(",;: ")
    if len(first) <= QUOTE_CHARS:
        return first
    for marker in ("; ", " — ", ", "):
        head = first.split(marker)[0]
        if len(head.split()) >= 4 and len(head) <= QUOTE_CHARS and _whole(head):
            return head
    return _phrase_cut(first, QUOTE_CHARS)


def _stands_alone(text: str, quote_start: int) -> bool:
    """A quote that opens the sentence or follows a colon or comma, not a phrase quoted mid-clause."""
    before = text[:quote_start].rstrip()
    return not before or before.endswith((":", ",", "."))


def _balanced(text: str) -> bool:
    pairs = (("“", "”"), ("(", ")"), ("[", "]"))
    straight = text.count('"') % 2 == 0 and all(text.count(a) == text.count(b) for a, b in pairs)
    return straight and len(_SINGLE_OPEN.findall(text)) <= len(_SINGLE_CLOSE.findall(text))


# Curly single quotes: an opening one starts a word; a closing one ends a word, where an
# apostrophe ("it’s") sits inside one.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(:—–-]))‘")
_SINGLE_CLOSE = re.compile(r"’(?=[\s,.;:!?)—–-]|$)")
