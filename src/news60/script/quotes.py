"""Direct speech in a sentence: one pattern for every stage that looks for quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Curly quotes pair with curly and straight with straight, so a page that mixes them never pairs
# across; single quotes only around words (not apostrophes in "don't" or "Trump's").
QUOTED = re.compile(r"“([^“”]+)”|\"([^\"]+)\"|(?<!\w)['‘](?=\w)(.+?)(?<=[\w.,!?])['’](?!\w)")
# Verbs that name who speaks: "said X", "X told reporters", "according to X".
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|asked|asks|explained|explains|"
    r"wrote|writes|insisted|warned|stated|argued|noted|claimed|tweeted|posted|declared|admitted|"
    r"recalled|continued|replied|commented|announced|acknowledged|conceded|chanted|shouted|"
    r"yelled|cried|quipped|joked|called|dubbed|described|labell?ed|titled|named|reads|read|"
    # "the announcer can be heard saying: ...", "a court heard that ...": the speaker is named.
    r"saying|heard|"
    # "Medvedev has blasted Obama for bringing the world to 'a second Cold War ...'": a verb of
    # saying whose subject spoke the quoted words (not "was accused of 'bowing to ...'").
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    r"(?:blasted|blasts|slammed|slams|hit out|accused|accuses|accusing|branded|brands|vowed|"
    r"vows|urged|urges|criticised|criticized|condemned|praised|denied|denies|revealed|"
    r"pledged|promised|demanded|complained|boasted))\b",
    re.IGNORECASE,
)


def opens_on_quote(text: str) -> bool:
    """The text's first character opens a quotation: the words after it are someone's."""
    return text[:1] in "“\"‘'"


SPEECH_WORDS = 4  # a quoted span this long is speech; shorter ones are phrases or titles
PHRASE_WORDS = 5  # a phrase quoted mid-clause this long is someone's speech all the same
# An opening straight mark follows a space or bracket; any other straight mark closes.
_OPENS_AFTER = " \t([{—–-/“‘"


def quotations(sentence: str) -> Iterator[tuple[int, str]]:
    """(where the opening mark stands, the words inside) for every quote in the sentence."""
    for match in QUOTED.finditer(sentence):
        inside = next(group for group in match.groups() if group is not None)
        yield match.start(), inside.strip()


@dataclass(frozen=True)
class QuoteMarks:
    """How a sentence sits in the quotes around it: open at its start and end, words inside."""

    open_at_start: str  # the mark of a quote that runs into the sentence ("" when none)
    open_at_end: str  # the mark of a quote the sentence leaves open ("" when none)
    quoted_words: int  # words spoken inside quotation marks, titles left out
    outside: str  # the sentence with its quoted words taken out
    restyled: tuple[tuple[int, str], ...] = ()  # closing marks to match their opening mark


def read_marks(sentence: str, open_at_start: str = "") -> QuoteMarks:
    """Walk a sentence's quotation marks, starting inside a quote when one runs into it."""
    if open_at_start and _reopens(sentence, open_at_start):
        open_at_start = ""
    opened, start, inside, outside, restyled = open_at_start, 0, [], [], []
    maybe = -1  # a possessive-looking mark ("the 'Invincibles' side") that may close a quote
    for i, ch in enumerate(sentence):
        kind = _mark(sentence, i)
        if kind == "maybe" and opened in "'‘" and opened:
            maybe = i
        if kind == "open" and not opened:
            outside.append(sentence[start:i])
            opened, start = ch, i + 1
        elif kind == "close" and opened and _pairs(opened, ch):
            inside.append((sentence[start:i], _standalone(sentence, start - 1)))
            if _CLOSING[opened] != ch and ch in '"”':
                restyled.append((i, _CLOSING[opened]))  # “...\" closes as “...”
            opened, start = "", i + 1
    if opened in "'‘" and opened and maybe >= start:
        inside.append((sentence[start:maybe], _standalone(sentence, start - 1)))
        opened, start = "", maybe + 1
    if opened:
        inside.append((sentence[start:], True))
    else:
        outside.append(sentence[start:])
    spoken = sum(len(span.split()) for span, alone in inside if _spoken(span, alone))
    return QuoteMarks(open_at_start, opened, spoken, " ".join(outside), tuple(restyled))


def is_speech(marks: QuoteMarks) -> bool:
    """True when the sentence holds or continues direct speech, not a quoted title or phrase."""
    return bool(marks.open_at_start or marks.open_at_end) or marks.quoted_words >= SPEECH_WORDS


def attributes(marks: QuoteMarks) -> bool:
    """True when the words outside the quotes name a speaker ("she said", "according to")."""
    return bool(ATTRIBUTION.search(marks.outside))


def balanced(sentence: str, marks: QuoteMarks) -> str:
    """The sentence with a quote that runs in reopened, one left open closed, and every closing
    mark in the style of its opening one, for the screen."""
    text = sentence
    for i, mark in marks.restyled:
        text = text[:i] + mark + text[i + 1 :]
    if marks.open_at_start and not text.startswith(marks.open_at_start):
        text = _OPENING[marks.open_at_start] + text
    if marks.open_at_end:
        text = text + _CLOSING[marks.open_at_end]
    return text


_OPENING = {'"': '"', "“": "“", "'": "'", "‘": "‘"}
_CLOSING = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def _mark(text: str, i: int) -> str:
    """ "open", "close" or "" for the character at i."""
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "“‘" and not after.isspace():
        # "the automaker isn ‘t slowing down", "the ‘90s": an apostrophe set the wrong way round.
        return "" if ch == "‘" and _TURNED_APOSTROPHE.match(text, i) else "open"
    if ch == "”":
        return "close"
    if ch == '"':
        return "open" if before in _OPENS_AFTER and not after.isspace() else "close"
    if ch in "'’":
        # "Boeing 's jets": a possessive split off its noun (some feeds tokenise it) opens nothing.
        split_possessive = re.match(r"['’][sS](?!\w)", text[i : i + 3]) is not None
        if before in _OPENS_AFTER and after.isalnum() and ch == "'" and not split_possessive:
            return "open"
        # A closing single mark ends a word before a space or punctuation; "players' union" is
        # a possessive, so an s before a space does not close.
        if before.isalnum() or before in ".,!?…)]":  # "tho [sic]'" closes too
            ends = after in " \t,.;:!?)—–" or i + 1 == len(text)
            possessive = before == "s" and after.isspace()
            return "maybe" if ends and possessive else "close" if ends else ""
    return ""


def _reopens(sentence: str, running: str) -> bool:
    """The sentence opens a quote of the running one's kind inside it, before any mark closes
    it: the running quote was never closed ("'I was not expecting it at all." and then "Mr Coe
    said he was still a bit 'perplexed' ..."), so the sentence starts outside it. A mark that
    opens the sentence reopens the running quote, as each new paragraph of a quote does."""
    singles = "'‘’"
    start = len(sentence) - len(sentence.lstrip())
    for i, ch in enumerate(sentence):
        kind = _mark(sentence, i)
        if kind in ("close", "maybe") and _pairs(running, ch):
            return False
        if kind == "open" and i > start and (ch in singles) == (running in singles):
            return True
    return False


_TURNED_APOSTROPHE = re.compile(r"‘(?:(?:t|s|d|ll|re|ve|m|til|em)\b|\d)")


def _standalone(sentence: str, mark: int) -> bool:
    """A quote that opens the sentence or follows a colon, comma or dash: a speaker's words."""
    before = sentence[: max(mark, 0)].rstrip()
    return not before or before.endswith((":", ",", "—", "–", "-"))


def _spoken(span: str, standalone: bool) -> bool:
    """Speech, not a title; a phrase quoted mid-clause ("his “very good relationship”") is the
    writer's unless it runs long."""
    return not _is_title(span) and (standalone or len(span.split()) >= PHRASE_WORDS)


def _pairs(opened: str, closing: str) -> bool:
    """Straight marks close straight quotes, curly close curly, of the same width."""
    if opened in '"“':
        return closing in '"”'
    return closing in "'’"


# Words a title leaves in lower case however long they are ("Tapes from Beyond the Grave").
_TITLE_MINOR_LIST = (
    "about above across after against along among around before behind below beneath beside "
    "between beyond during from inside into near onto outside over since than that through "
    "toward towards under until upon with within without"
)
_TITLE_MINOR = frozenset(_TITLE_MINOR_LIST.split())


def _is_title(span: str) -> bool:
    """A quoted title ("The Irishman", "Once Upon a Time in Hollywood"): every long word capped."""
    words = [w for w in span.split() if (len(w) > 3 and w not in _TITLE_MINOR) or w[:1].isupper()]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)
