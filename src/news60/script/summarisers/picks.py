"""What every summariser returns: picked sentences in the order they will be said (the
article's order for extractive scripts), each with the story unit it belongs to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from news60.models import Article, TracedSentence
from news60.script.sentences import split_sentences

DEFAULT_WORDS = 150  # about a minute of narration, when no budget is given


@dataclass(frozen=True)
class Pick:
    """A sentence to say; `index` is its place in the body's sentences (-1 when written anew)."""

    text: str
    score: float  # usefulness: the time fitter drops the lowest first
    index: int
    unit: int = -1  # the story unit it belongs to (-1: a unit of its own)
    requires: tuple[int, ...] = ()  # units that must be said for this one to make sense
    lines: tuple[TracedSentence, ...] = ()  # the sentences said, traced to the article


class Summariser(Protocol):
    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Return picks in the order they are said, the news first; scores rank their units."""
        ...


def picks_from_script(text: str) -> list[Pick]:
    """Split a written script into picks whose scores fall in reading order."""
    lines = split_sentences(text)
    return [Pick(line, 1.0 - i / (len(lines) + 1), -1) for i, line in enumerate(lines)]


def word_count(text: str) -> int:
    return len(text.split())
