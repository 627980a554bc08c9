"""Burned-in caption cues: the narration's words in phrases of at most two lines; SRT and VTT."""

from __future__ import annotations

import re
from collections.abc import Callable

from news60.models import Cue, SpokenSentence, Word
from news60.speech.timing import apportion
from news60.video.linebreaks import DANGLING, balanced_lines, greedy_lines
from news60.video.typography import curly

LINE_CHARS = 32  # what fits one line on a phone at caption size, when no font measures it
MAX_LINES = 2
HOLD = 0.25  # a cue lingers this long after its last word, unless the next one starts
# A cue never ends on a pronoun: "... said | he would" reads as two broken phrases.
PRONOUNS_LIST = "i you he she it we they me him us them who whom whose"
PRONOUNS = frozenset(PRONOUNS_LIST.split())
# Words that open a phrase: a cue may end just before them at little cost.
PHRASE_OPENERS_LIST = (
    "and but or so because when while as after before since if though although unless until "
    "who which that where whose to in on at by for with from over about against during without"
)
PHRASE_OPENERS = frozenset(PHRASE_OPENERS_LIST.split())
_NEVER = 100.0  # the cost of ending a cue on a word that leans on the next one
# A list item's marker ("- ", "• ", "–Officials said") is the page's layout, not words to read.
BULLETS = re.compile(r"^[-–—•·▪►*]+\s*")

Measure = Callable[[str], float]


def plan_cues(
    sentences: tuple[SpokenSentence, ...],
    offset: float,
    *,
    measure: Measure | None = None,
    width: float = LINE_CHARS,
) -> tuple[Cue, ...]:
    """Each sentence's words as cues of whole phrases, shifted by `offset` seconds into the clip.

    Lines are measured with `measure` (pixels, against `width`), or counted in characters.
    """
    measure = measure or len
    cues: list[Cue] = []
    for sentence in sentences:
        words = [Word(curly(w.text), w.start, w.end) for w in _display_words(sentence)]
        groups = phrase_groups(words, measure, width)
        for i, group in enumerate(groups):
            start = group[0].start + offset
            end = groups[i + 1][0].start + offset if i + 1 < len(groups) else group[-1].end + offset
            shifted = tuple(Word(w.text, w.start + offset, w.end + offset) for w in group)
            text = "\n".join(lines(" ".join(w.text for w in group), measure, width))
            cues.append(Cue(start, end, text, shifted))
    return tuple(_hold(cues))


def _display_words(sentence: SpokenSentence) -> list[Word]:
    """The sentence's words with their times (the narration's, or spread by length if it has
    none), without a list's bullet or dash before the first word."""
    words = list(sentence.words or apportion(sentence.text.split(), sentence.start, sentence.end))
    while len(words) > 1 and BULLETS.fullmatch(words[0].text):
        words.pop(0)
    if words and BULLETS.match(words[0].text):
        words[0] = Word(BULLETS.sub("", words[0].text, count=1), words[0].start, words[0].end)
    return words


def lines(text: str, measure: Measure, width: float) -> list[str]:
    """The cue's text in at most two balanced lines (more only for a word run that cannot fit)."""
    return balanced_lines(text, measure, width, MAX_LINES) or greedy_lines(text, measure, width)


def phrase_groups(words: list[Word], measure: Measure, width: float) -> list[list[Word]]:
    """Cut the words into cues that each fit two lines, ending where phrases end.

    A dynamic programme: each cue costs one, plus how far it ends from a phrase boundary,
    plus how uneven it is; a cue ending on "the" or "he" costs so much that it only happens
    when nothing else fits.
    """
    n = len(words)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    target = _target(words, measure, width)
    for end in range(1, n + 1):
        for start in range(max(0, end - 24), end):
            text = " ".join(w.text for w in words[start:end])
            if len(greedy_lines(text, measure, width)) > MAX_LINES and end - start > 1:
                continue
            cost = (
                best[start][0] + 1 + _ending(words, end) + ((measure(text) - target) / target) ** 2
            )
            if cost < best[end][0]:
                best[end] = (cost, start)
    groups, end = [], n
    while end > 0:
        start = best[end][1]
        groups.append(words[start:end])
        end = start
    return groups[::-1]


def _target(words: list[Word], measure: Measure, width: float) -> float:
    """An even share of the sentence per cue, about one and a half lines each."""
    total = measure(" ".join(w.text for w in words))
    count = max(1, round(total / (1.5 * width)))
    return max(1.0, total / count)


def _ending(words: list[Word], end: int) -> float:
    """How badly a cue that ends before word `end` breaks the sentence."""
    if end == len(words):
        return 0.0
    last = words[end - 1].text
    bare = last.lower().strip("“”‘’\"'()")
    if bare in DANGLING or bare in PRONOUNS:
        return _NEVER
    if last.endswith((".", "!", "?", ";", ":", "—")):
        return 0.0
    said = " ".join(w.text for w in words[:end])
    if said.count("“") > said.count("”"):
        return 6.0  # inside a quotation: the quote is read whole where it can be
    if last[:1].isupper() and words[end].text[:1].isupper():
        return 6.0  # inside a name: "Robert | Mueller"
    if last.endswith((",", "”", "’")):
        return 0.3
    if words[end].text.lower().strip("“‘\"'(") in PHRASE_OPENERS:
        return 0.8
    return 2.5


def _hold(cues: list[Cue]) -> list[Cue]:
    """Let each cue stay a little after its last word, without overlapping the next cue."""
    held = []
    for i, cue in enumerate(cues):
        limit = cues[i + 1].start if i + 1 < len(cues) else cue.end + HOLD
        held.append(Cue(cue.start, max(cue.end, min(cue.end + HOLD, limit)), cue.text, cue.words))
    return held


def wrap(text: str, width: int = LINE_CHARS) -> str:
    """Wrap at word boundaries into lines of at most `width` characters (longer words stand alone)."""
    return "\n".join(greedy_lines(text, len, width))


def to_srt(cues: tuple[Cue, ...]) -> str:
    """SubRip text for the cues."""
    blocks = [
        f"{i}\n{_stamp(c.start, ',')} --> {_stamp(c.end, ',')}\n{c.text}\n"
        for i, c in enumerate(cues, 1)
    ]
    return "\n".join(blocks)


def to_vtt(cues: tuple[Cue, ...]) -> str:
    """WebVTT text for the cues."""
    blocks = [f"{_stamp(c.start, '.')} --> {_stamp(c.end, '.')}\n{c.text}\n" for c in cues]
    return "WEBVTT\n\n" + "\n".join(blocks)


def _stamp(seconds: float, separator: str) -> str:
    millis = round(max(0.0, seconds) * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"
