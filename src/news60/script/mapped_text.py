"""Text rewritten rule by rule that remembers where each character came from, so every word of the
result can be traced to the word of the original it says (the spoken "G twenty" to the shown "G20")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A replacement: a plain string (spread over the whole match), or pieces that each say which
# group of the match (or which span of the text) they come from: a rule that reorders words, like
# an acronym after its expansion, names its groups so each spoken word points at the word it says.
Pieces = Sequence[tuple[str, int | str | tuple[int, int]]]
Replacement = str | Callable[[re.Match[str]], str | Pieces]
NOWHERE = -1  # an inserted character that stands for no original one


@dataclass(frozen=True)
class MappedText:
    """`text`, and for each of its characters the index of the original character it came from."""

    text: str
    origins: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> MappedText:
        return cls(text, tuple(range(len(text))))

    def sub(
        self, pattern: str | re.Pattern[str], replacement: Replacement, flags: int = 0
    ) -> MappedText:
        """`re.sub`, carrying origins: kept text keeps them, new text takes those of what it replaced."""
        regex = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        text: list[str] = []
        origins: list[int] = []
        last = 0
        for match in regex.finditer(self.text):
            text.append(self.text[last : match.start()])
            origins += self.origins[last : match.start()]
            for piece, span in _pieces(match, replacement):
                text.append(piece)
                origins += _spread(self.origins[span[0] : span[1]], len(piece))
            last = match.end()
        text.append(self.text[last:])
        origins += self.origins[last:]
        return MappedText("".join(text), tuple(origins))

    def owners(self, original: str) -> tuple[int, ...]:
        """For each word of `text`, the index of the word of `original` it came from."""
        word_at = _word_index(original)
        found: list[int | None] = []
        for match in re.finditer(r"\S+", self.text):
            votes = Counter(
                word_at[o]
                for o in self.origins[match.start() : match.end()]
                if o != NOWHERE and word_at[o] is not None
            )
            found.append(min(votes, key=lambda w: (-votes[w], w)) if votes else None)
        return _fill_gaps(found)


def _pieces(match: re.Match[str], replacement: Replacement) -> list[tuple[str, tuple[int, int]]]:
    """The replacement as (text, span of the match it stands for) pieces."""
    if isinstance(replacement, str):
        return [(match.expand(replacement), match.span())]
    result = replacement(match)
    if isinstance(result, str):
        return [(result, match.span())]
    return [
        (text, source if isinstance(source, tuple) else match.span(source))
        for text, source in result
    ]


def _spread(origins: Sequence[int], length: int) -> list[int]:
    """`length` origins stretched evenly over `origins` (the same ones when the lengths agree)."""
    if not origins:
        return [NOWHERE] * length
    return [origins[i * len(origins) // length] for i in range(length)]


def _word_index(text: str) -> list[int | None]:
    """For each character of `text`, the index of the whitespace-separated word holding it."""
    index: list[int | None] = [None] * len(text)
    for number, match in enumerate(re.finditer(r"\S+", text)):
        index[match.start() : match.end()] = [number] * (match.end() - match.start())
    return index


def _fill_gaps(found: list[int | None]) -> tuple[int, ...]:
    """A word made only of inserted text belongs with the word before it (or else after it)."""
    filled: list[int] = []
    for owner in found:
        filled.append(owner if owner is not None else (filled[-1] if filled else -1))
    following = next((o for o in filled if o >= 0), 0)
    return tuple(o if o >= 0 else following for o in filled)
