"""Text as it appears on screen: curly quotes, emoji kept or taken out, short lines for hooks and covers."""

from __future__ import annotations

import re

from news60.video.emoji import EMOJI, emoji_font, strip_emoji
from news60.video.linebreaks import DANGLING

# A straight double quote opens after a space, a bracket or a dash, or at the start; else it closes.
_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{—–-“])'")
HOOK_WORDS = 7  # a hook line is read in under two seconds
COVER_WORDS = (3, 6)  # a cover line reads at thumbnail size in a profile grid
# A part that is nothing but a quote names no speaker: a hook or cover line never stands alone on it.
_BARE_QUOTE = re.compile(r"^\s*[“\"‘'].*[”\"’']\s*$")
LABEL_WORDS = 3  # "Brexit:", "Police:", "Michigan Officials:" head a headline; a clause runs longer


def curly(text: str) -> str:
    """Typographer's quotes and apostrophes: "don't" is don’t, "it" is “it”, 'it' is ‘it’."""
    text = _OPEN_DOUBLE.sub(lambda m: m.group(1) + "“", text).replace('"', "”")
    text = _OPEN_SINGLE.sub(lambda m: m.group(1) + "‘", text)
    return text.replace("'", "’")


# Words that open a phrase: a line cut short ends best just before one.
_PHRASE_OPENERS_LIST = (
    "after before as at by for from in into of on over since to under until when where while "
    "with without amid against during and but or because which who that"
)
_PHRASE_OPENERS = frozenset(_PHRASE_OPENERS_LIST.split())


_VERB_FORM = re.compile(r"(?:ed|ing)\W*$", re.IGNORECASE)
# A line never ends on a pronoun: "... insisting he" leaves its verb behind.
_PRONOUNS_LIST = "i you he she it we they"
_PRONOUNS = frozenset(_PRONOUNS_LIST.split())


def _opens_phrase(word: str) -> bool:
    return word.lower().strip(",;:“”‘’'\"") in _PHRASE_OPENERS


def screen_text(text: str) -> tuple[str, bool]:
    """`text` ready to draw, and whether emoji had to be taken out (no colour emoji font)."""
    text = "\t".join(curly(" ".join(field.split())) for field in text.split("\t"))
    if emoji_font() is None and EMOJI.search(text):
        return strip_emoji(text), True
    return text, False


def hook_line(headline: str, limit: int = HOOK_WORDS) -> str:
    """A line of at most `limit` words from the headline: its first part that stands alone.

    "Trump jokes to Putin: 'Don't meddle in the election, please'" gives "Trump jokes to Putin".
    """
    text = " ".join(headline.split()).rstrip(" .")
    if len(text.split()) <= limit:
        return text
    parts = re.split(r"\s*(?::|\s[—–|-]\s)\s*", text)
    # "Michigan Officials: 6th Fatality Linked ...": a short part before a colon names the source
    # or the topic; the news is what follows it.
    labelled = len(parts) > 1 and ":" in text and len(parts[0].split()) <= LABEL_WORDS
    for part in parts[1:] if labelled else parts:
        if 2 <= len(part.split()) <= limit and not _BARE_QUOTE.match(part):
            return part.strip(" ,;")
    if labelled:
        return cut_words(text.split(":", 1)[1].strip(), limit)
    # A part is whole: never a quote alone, never cut at a comma inside a quote.
    for part in re.split(r",\s*", text):
        whole = not _BARE_QUOTE.match(part) and _open_quote(part.split()) is None
        if 3 <= len(part.split()) <= limit and whole:
            return part
    return cut_words(text, limit)


def cover_line(headline: str) -> str:
    """Three to six words from the headline for a cover."""
    line = hook_line(headline, COVER_WORDS[1])
    if len(line.split()) >= COVER_WORDS[0]:
        return line
    return cut_words(" ".join(headline.split()), COVER_WORDS[1])


def cut_words(text: str, limit: int) -> str:
    """The first `limit` words, ending where a phrase ends when one does (before "after ruling
    party lawmakers", not inside it), before a quote it would cut open, never on a word that
    leans on the next; quotes stay paired."""
    every = text.split()
    breaks = [k for k in range(3, min(limit, len(every) - 1) + 1) if _opens_phrase(every[k])]
    # The next word opening a phrase (or a verb form: "... Encephalitis | Reported") ends one here.
    ends_here = (
        len(every) <= limit or _opens_phrase(every[limit]) or _VERB_FORM.search(every[limit])
    )
    words = every[: breaks[-1]] if breaks and not ends_here else every[:limit]
    if len(words) < len(every):
        opened = _open_quote(words)
        words = words[:opened] if opened is not None and opened >= 3 else words
    while len(words) > 2 and words[-1].lower().strip(",;:“”‘’'\"") in DANGLING | _PRONOUNS:
        words.pop()
    line = " ".join(words).rstrip(",;:")
    for opening, closing in (("“", "”"), ("‘", "’")):
        if line.count(opening) > line.count(closing):
            line += closing
    return line


def _open_quote(words: list[str]) -> int | None:
    """Where a quote opens that these words do not close, if one does."""
    opened = None
    for k, word in enumerate(words):
        if (
            opened is None
            and word[:1] in "“‘'\""
            and not word.rstrip(",;:.").endswith(("”", "’", "'", '"'))
        ):
            opened = k
        elif opened is not None and word.rstrip(",;:.!?").endswith(("”", "’", "'", '"')):
            opened = None
    return opened
