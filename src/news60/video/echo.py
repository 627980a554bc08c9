"""Whether a line above the captions shows the words the captions show: the one test the storyboard
plans by, the captions give way by, and the review measures by."""

from __future__ import annotations

import re
from collections import Counter

from news60.models import Slide
from news60.video.linebreaks import DANGLING

# A line this much made of the words shown beside it says them twice.
ECHO_SHARE = 0.6
# Lines of fewer words that say something (a figure, a name, a place and date) are labels: they
# may agree with the voice without repeating it.
ECHO_WORDS = 4
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Words every sentence shares: "Trump jokes to Putin" and "Trump came face to face with Putin"
# have two words in common, not three.
_FUNCTION_LIST = "is are was were be been has have had it he she they we i you will would not"
_FUNCTION = DANGLING | frozenset(_FUNCTION_LIST.split())


def echoes(line: str, shown: str) -> bool:
    """Whether most of the line's words are among the words `shown`."""
    mine, theirs = Counter(words(line)), Counter(words(shown))
    total = sum(mine.values())
    return total >= ECHO_WORDS and sum((mine & theirs).values()) >= ECHO_SHARE * total


def shared(line: str, shown: str) -> int:
    """How many of the line's words are among the words `shown`."""
    return sum((Counter(words(line)) & Counter(words(shown))).values())


def words(text: str) -> list[str]:
    """The text's words that say something, in lower case, apostrophes straightened."""
    found = (w.replace("’", "'") for w in _WORD.findall(text.lower()))
    return [w for w in found if w not in _FUNCTION]


def line_runs(slides: tuple[Slide, ...] | list[Slide]) -> list[tuple[float, float, list[str]]]:
    """(start, end, lines) of each stretch showing the same lines above the captions (the end
    card's credits aside)."""
    runs: list[tuple[float, float, list[str]]] = []
    for slide in slides:
        if slide.kind == "end":
            continue
        lines = [line for line in shown_lines(slide) if len(words(line)) >= ECHO_WORDS]
        if runs and runs[-1][2] == lines and abs(runs[-1][1] - slide.start) < 1e-6:
            runs[-1] = (runs[-1][0], slide.end, lines)
        else:
            runs.append((slide.start, slide.end, lines))
    return [run for run in runs if run[2]]


def shown_lines(slide: Slide) -> tuple[str, ...]:
    """The lines a slide shows above the captions; a timeline's dates are its axis, not a line."""
    if slide.kind == "timeline":
        labels = [row.split("\t", 1)[-1] for row in slide.body.split("\n")]
        return slide.heading, " · ".join(labels)
    return slide.heading, slide.body
