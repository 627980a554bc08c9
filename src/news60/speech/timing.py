"""Word times: from Piper's phoneme alignments, or apportioned by characters; silence trimming."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from news60.models import Word
from news60.speech.speech import Phone, Speech

_PUNCTUATION = set(".,;:!?…—–-\"'“”‘’()[]")
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


def word_spans(phonemes: Sequence[str], samples: Sequence[int]) -> list[tuple[int, int]]:
    """Sample spans of each word in one Piper chunk: phonemes grouped between ' ' phonemes."""
    spans: list[tuple[int, int]] = []
    position, start, end = 0, None, None
    for phoneme, count in zip(phonemes, samples, strict=True):
        if phoneme == " ":
            if start is not None:
                spans.append((start, end))
            start = end = None
        elif phoneme not in _PUNCTUATION and phoneme not in "^$":
            start = position if start is None else start
            end = position + int(count)
        position += int(count)
    if start is not None:
        spans.append((start, end))
    return spans


def name_spans(
    text: str, spans: Sequence[tuple[float, float]], audible: tuple[float, float]
) -> tuple[Word, ...]:
    """Pair the text's words with timed spans when they match one to one, else apportion."""
    words = text.split()
    if spans and len(spans) == len(words):
        return tuple(
            Word(w, round(a, 3), round(b, 3)) for w, (a, b) in zip(words, spans, strict=True)
        )
    return apportion(words, *audible)


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
