"""Word times: placed from a voice's alignment or apportioned by characters, carried from spoken
words to shown ones; silence trimming."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from news60.models import Word
from news60.speech.speech import Phone, Speech

_SILENCE_DB = -45.0  # below the sentence's own peak, a frame counts as silence
_FRAME_S = 0.01
_FADE_S = 0.005


def apportion(words: Sequence[str], start: float, end: float) -> tuple[Word, ...]:
    """Share [start, end] among `words` in proportion to their length (plus one for the space)."""
    weights = np.array([len(w) + 1 for w in words], dtype=float)
    if len(weights) == 0:
        return ()
    edges = start + (end - start) * np.concatenate([[0.0], np.cumsum(weights)]) / weights.sum()
    return tuple(
        Word(w, round(float(a), 3), round(float(b), 3))
        for w, a, b in zip(words, edges[:-1], edges[1:], strict=True)
    )


def place(words: Sequence[str], spans: Sequence[tuple[float, float] | None]) -> tuple[Word, ...]:
    """Words at their spans; a word never heard takes no time, where the next one starts."""
    placed: list[Word] = []
    for index, (word, span) in enumerate(zip(words, spans, strict=True)):
        if span is None:
            later = next((s for s in spans[index + 1 :] if s is not None), None)
            at = later[0] if later else (placed[-1].end if placed else 0.0)
            span = (at, at)
        placed.append(Word(word, round(span[0], 3), round(span[1], 3)))
    return tuple(placed)


def shown_words(
    shown: Sequence[str], owners: Sequence[int], said: Sequence[Word], offset: float = 0.0
) -> tuple[Word, ...]:
    """Time each shown word by the said words it owns: from the first one's start to the last's end.

    A shown word that is not said (an aside in brackets) takes no time, where the next one starts;
    starts never run backwards (an acronym said after its expansion starts with the expansion).
    """
    spans: list[tuple[float, float] | None] = [None] * len(shown)
    for owner, word in zip(owners, said, strict=True):
        start, end = spans[owner] or (word.start, word.end)
        spans[owner] = (min(start, word.start), max(end, word.end))
    placed = place(shown, [None if s is None else (s[0] + offset, s[1] + offset) for s in spans])
    following = placed[-1].start if placed else 0.0
    ordered: list[Word] = []
    for word in reversed(placed):
        following = min(following, word.start)
        ordered.append(Word(word.text, following, max(word.end, following)))
    return tuple(ordered[::-1])


def audible_span(samples: np.ndarray, rate: int) -> tuple[float, float]:
    """Seconds from the first to the last frame louder than the silence threshold."""
    duration = len(samples) / rate
    frame = max(1, int(_FRAME_S * rate))
    count = len(samples) // frame
    if count == 0:
        return 0.0, duration
    rms = np.sqrt(np.mean(samples[: count * frame].reshape(count, frame) ** 2, axis=1))
    loud = np.nonzero(rms > rms.max() * 10 ** (_SILENCE_DB / 20))[0]
    if len(loud) == 0 or rms.max() == 0:
        return 0.0, 0.0
    return float(loud[0] * frame / rate), float(min(duration, (loud[-1] + 1) * frame / rate))


def trim(speech: Speech) -> Speech:
    """Cut the silence a voice leaves around speech; word times move with the audio."""
    rate = speech.sample_rate
    start, end = audible_span(speech.samples, rate)
    samples = _faded(speech.samples[int(start * rate) : int(end * rate)], rate)
    length = len(samples) / rate
    words = tuple(
        Word(w.text, _clamp(w.start - start, length), _clamp(w.end - start, length))
        for w in speech.words
    )
    phones = tuple(
        Phone(p.symbol, _clamp(p.start - start, length), _clamp(p.end - start, length))
        for p in speech.phones
    )
    return replace(speech, samples=samples, words=words, phones=phones)


def _faded(samples: np.ndarray, rate: int) -> np.ndarray:
    """A few milliseconds of fade at each end so a cut never clicks."""
    out = samples.astype(np.float32, copy=True)
    n = min(len(out) // 2, int(_FADE_S * rate))
    if n > 0:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        out[:n] *= ramp
        out[-n:] *= ramp[::-1]
    return out


def _clamp(value: float, length: float) -> float:
    return round(float(min(max(value, 0.0), length)), 3)
