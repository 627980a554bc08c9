"""Which spoken word each of a voice's timed phonemes belongs to.

The voice times phonemes, not words, and its phoneme words are not the text's words: espeak splits
a number ("2016": three phoneme words) and joins function words ("on the": one). So the sentence's
phonemes are aligned, by least edits, with the phonemes of each word said alone; a word starts at
its first aligned phoneme.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from news60.speech.speech import Phone

SPACE = " "
# Symbols that take time in the alignment but are not sounds of a word: sentence start and end
# marks, and punctuation (its time is the pause after the word).
SILENT = frozenset("^$_.,;:!?¡¿…—–-\"'“”‘’()[]«»")
_GAP = 1.0  # a phoneme said in context but not alone (or alone but not in context)
_MISMATCH = 1.0  # one phoneme for another ("ɑː" said alone, "ɔ" in "on the")
_SPACE_FOR_SOUND = 3.0  # never pair a word break with a sound: breaks anchor the alignment


def word_spans(
    phones: Sequence[Phone], words: Sequence[Sequence[str]]
) -> list[tuple[float, float] | None]:
    """For each word (given as its own phonemes), the seconds it is heard; None if never heard."""
    heard = [p for p in phones if p.symbol not in SILENT]
    target, owner = _target(words)
    pairs = _align([p.symbol for p in heard], target)
    owners = _owners_of(heard, [owner[j] if j >= 0 else None for j in pairs])
    spans: list[tuple[float, float] | None] = [None] * len(words)
    for phone, word in zip(heard, owners, strict=True):
        if word is not None:
            start, end = spans[word] or (phone.start, phone.end)
            spans[word] = (min(start, phone.start), max(end, phone.end))
    return spans


def _target(words: Sequence[Sequence[str]]) -> tuple[list[str], list[int | None]]:
    """Every word's sounds in order with a space between words, and which word each came from."""
    symbols: list[str] = []
    owner: list[int | None] = []
    for index, phonemes in enumerate(words):
        sounds = [s for s in phonemes if s not in SILENT]
        if symbols and sounds:
            symbols.append(SPACE)
            owner.append(None)
        symbols += sounds
        owner += [None if s == SPACE else index for s in sounds]
    return symbols, owner


def _owners_of(heard: Sequence[Phone], owners: list[int | None]) -> list[int | None]:
    """Give an unpaired sound the word of its neighbours within its phoneme word."""
    filled = list(owners)
    for order in (range(len(heard)), range(len(heard) - 1, -1, -1)):
        last = None
        for i in order:
            if heard[i].symbol == SPACE:
                last = None
            elif filled[i] is None:
                filled[i] = last
            else:
                last = filled[i]
    return [None if p.symbol == SPACE else w for p, w in zip(heard, filled, strict=True)]


def _align(source: Sequence[str], target: Sequence[str]) -> list[int]:
    """For each symbol of `source`, the index of the `target` symbol paired with it, or -1."""
    cost = _cost_matrix(source, target)
    paired = [-1] * len(source)
    i, j = len(source), len(target)
    while i > 0 and j > 0:  # walk one cheapest path back from the end
        if np.isclose(cost[i, j], cost[i - 1, j - 1] + _change(source[i - 1], target[j - 1])):
            i, j = i - 1, j - 1
            paired[i] = j
        elif np.isclose(cost[i, j], cost[i - 1, j] + _GAP):
            i -= 1
        else:
            j -= 1
    return paired


def _cost_matrix(source: Sequence[str], target: Sequence[str]) -> np.ndarray:
    """The least edit cost between every prefix of `source` and of `target`, row by row."""
    steps = np.arange(len(target) + 1) * _GAP
    cost = np.empty((len(source) + 1, len(target) + 1))
    cost[0] = steps
    targets = np.array(target, dtype=object)
    spaces = targets == SPACE
    for i, symbol in enumerate(source, start=1):
        change = np.where(targets == symbol, 0.0, _MISMATCH)
        change = np.where(spaces != (symbol == SPACE), _SPACE_FOR_SOUND, change)
        best = np.minimum(cost[i - 1, :-1] + change, cost[i - 1, 1:] + _GAP)
        row = np.concatenate([[cost[i - 1, 0] + _GAP], best])
        # Runs of insertions along the row: a running minimum of (cost - j * gap), plus j * gap.
        cost[i] = np.minimum.accumulate(row - steps) + steps
    return cost


def _change(a: str, b: str) -> float:
    if (a == SPACE) != (b == SPACE):
        return _SPACE_FOR_SOUND
    return 0.0 if a == b else _MISMATCH
