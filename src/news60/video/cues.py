"""Burned-in caption cues: the narration's words grouped into short two-line cues; SRT and VTT."""

from __future__ import annotations

from news60.models import Cue, SpokenSentence, Word
from news60.speech.timing import apportion

LINE_CHARS = 32  # what fits one line on a phone at caption size
MAX_LINES = 2
HOLD = 0.25  # a cue lingers this long after its last word, unless the next one starts


def plan_cues(sentences: tuple[SpokenSentence, ...], offset: float) -> tuple[Cue, ...]:
    """Group each sentence's words into cues, shifted by `offset` seconds into the clip."""
    cues: list[Cue] = []
    for sentence in sentences:
        words = _display_words(sentence)
        groups = _group_words(words)
        for i, group in enumerate(groups):
            start = group[0].start + offset
            end = groups[i + 1][0].start + offset if i + 1 < len(groups) else group[-1].end + offset
            shifted = tuple(Word(w.text, w.start + offset, w.end + offset) for w in group)
            cues.append(Cue(start, end, wrap(" ".join(w.text for w in group)), shifted))
    return tuple(_hold(cues))


def _display_words(sentence: SpokenSentence) -> list[Word]:
    """The sentence's words with their times: the narration's, or spread by length if it has none."""
    if sentence.words:
        return list(sentence.words)
    return list(apportion(sentence.text.split(), sentence.start, sentence.end))


def _group_words(words: list[Word]) -> list[list[Word]]:
    """The fewest cues of at most MAX_LINES lines each, with the words spread evenly among them."""
    total = len(" ".join(w.text for w in words))
    count = max(1, -(-total // (LINE_CHARS * MAX_LINES)))
    while count < len(words):
        groups = _even_split(words, count)
        if all(len(_lines(group)) <= MAX_LINES for group in groups):
            return groups
        count += 1
    return [[word] for word in words]


def _even_split(words: list[Word], count: int) -> list[list[Word]]:
    """Cut `words` into `count` runs of about equal length in characters."""
    target = sum(len(w.text) + 1 for w in words) / count
    groups: list[list[Word]] = [[]]
    filled = 0.0
    for word in words:
        if groups[-1] and len(groups) < count and filled >= target * len(groups):
            groups.append([])
        groups[-1].append(word)
        filled += len(word.text) + 1
    return groups


def _lines(words: list[Word]) -> list[str]:
    return wrap(" ".join(w.text for w in words)).split("\n")


def wrap(text: str, width: int = LINE_CHARS) -> str:
    """Wrap at word boundaries into lines of at most `width` characters (longer words stand alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def _hold(cues: list[Cue]) -> list[Cue]:
    """Let each cue stay a little after its last word, without overlapping the next cue."""
    held = []
    for i, cue in enumerate(cues):
        limit = cues[i + 1].start if i + 1 < len(cues) else cue.end + HOLD
        held.append(Cue(cue.start, max(cue.end, min(cue.end + HOLD, limit)), cue.text, cue.words))
    return held


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
