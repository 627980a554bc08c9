"""Loudness: integrated LUFS by BS.1770 (news60.speech.bs1770), a 4x-oversampled true-peak
limiter, and normalising to a target with one to the other."""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from news60.speech import bs1770
from news60.speech.polyphase import interpolation_filter
from news60.speech.windows import moving_mean, moving_min

TARGET_LUFS = -14.0
CEILING_DBTP = -1.0
_MARGIN_DB = 0.5  # aim a little under the ceiling: resampling and dither move peaks slightly
_WINDOW_S = 0.02  # limiter look-ahead and release
_UP = 4  # true peak: the signal 4x oversampled, as BS.1770 measures it
_HALF = 10 * _UP  # resample_poly's filter half-length for 4x


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness in LUFS; silence measures as -inf (short audio is padded to a block)."""
    padded = _pad_to(samples, int(0.5 * rate))
    if not np.any(padded):
        return float("-inf")
    return bs1770.integrated_loudness(padded, rate)


def normalise(
    samples: np.ndarray,
    rate: int,
    *,
    target: float = TARGET_LUFS,
    ceiling: float = CEILING_DBTP,
) -> np.ndarray:
    """Return a copy at `target` LUFS with true peaks limited to `ceiling` dBTP."""
    source = samples.astype(np.float32)
    if not np.any(source):
        return source
    weighted = bs1770.k_weighted(_pad_to(source, int(0.5 * rate)), rate)
    loudness = bs1770.gated_loudness(weighted, rate)
    if not np.isfinite(loudness):
        return source
    # A gain scales the peaks, so the room under them is found once, not for every attempt.
    room = _room(_oversampled_peak(source), rate)
    limit_amp = 10 ** ((ceiling - _MARGIN_DB) / 20)

    @functools.lru_cache(maxsize=1)  # the gain the search ends on is the one applied
    def shaped(gain_db: float) -> np.ndarray:
        """The gain at every frame: `gain_db`, less what the limiter takes off the peaks."""
        gain = np.float32(10 ** (gain_db / 20))
        return _smoothed(np.minimum(1.0, (limit_amp / gain) * room), rate) * gain

    # The weighting filter and a slowly moving gain nearly commute, so the search weighs the
    # signal once and steers by estimates; only the gain it lands on is measured in full.
    def estimate(gain_db: float) -> float:
        return bs1770.gated_loudness(weighted, rate, shaped(gain_db))

    @functools.lru_cache(maxsize=1)  # the output measured last is the one returned
    def output(gain_db: float) -> np.ndarray:
        return _applied(source, shaped(gain_db))

    def measure(gain_db: float) -> float:
        return integrated_loudness(output(gain_db), rate)

    gain = _search(target - loudness, target, estimate)
    gain = _search(gain, target, measure)  # one full measure, unless the estimate was off
    return output(gain)


def _search(gain: float, target: float, level_at: Callable[[float], float]) -> float:
    """The gain (dB) whose level lands within 0.1 LU of target, by the secant method from
    `gain`: limiting takes back some of the loudness a gain adds."""
    level = level_at(gain)
    previous: tuple[float, float] | None = None
    for _ in range(8):
        if abs(level - target) < 0.1:
            break
        slope = 1.0 if previous is None else (level - previous[1]) / (gain - previous[0])
        previous = (gain, level)
        gain += min((target - level) / max(slope, 0.2), 6.0)
        level = level_at(gain)
    return gain


def _room(peaks: np.ndarray, rate: int) -> np.ndarray:
    """Per frame, the gain that brings the highest peak near it (within the limiter's look-ahead)
    to full scale: a moving minimum of 1 / peak. The gain a ceiling needs, min(1, ceiling x 1 /
    peak), rises with 1 / peak, so its moving minimum is the same function of this one."""
    return moving_min(1.0 / np.maximum(peaks, 1e-9), _width(rate))


def _smoothed(gain: np.ndarray, rate: int) -> np.ndarray:
    # A moving average of a moving minimum of the same width never exceeds the needed gain: the
    # limiter's look-ahead, with no step in the gain.
    return moving_mean(gain, _width(rate))


def _width(rate: int) -> int:
    return max(3, int(_WINDOW_S * rate) | 1)


def _applied(samples: np.ndarray, gain: np.ndarray) -> np.ndarray:
    shaped = gain if samples.ndim == 1 else gain[:, None]
    applied: np.ndarray = (samples * shaped).astype(np.float32)
    return applied


def _oversampled_peak(samples: np.ndarray) -> np.ndarray:
    """Per input frame, the largest absolute value across channels of a 4x-oversampled copy:
    scipy's resample_poly(x, 4, 1), computed as its four polyphase branches (short
    convolutions, three times faster than the general resampler)."""
    magnitudes = np.abs(samples) if samples.ndim == 1 else np.abs(samples).max(axis=1)
    peaks: np.ndarray = magnitudes.astype(np.float32)
    shift, frames = _HALF // _UP, len(samples)
    for channel in (samples,) if samples.ndim == 1 else samples.T:
        for branch in _branches() if frames else ():
            np.maximum(peaks, np.abs(_interpolated(channel, branch, shift)), out=peaks)
    return peaks


def _interpolated(channel: np.ndarray, branch: np.ndarray, shift: int) -> np.ndarray:
    """One polyphase branch's output, aligned with the input."""
    largest = np.abs(branch).max()
    interpolated: np.ndarray
    if np.count_nonzero(np.abs(branch) > 1e-9 * largest) == 1:  # the phase on the input's
        interpolated = channel * branch[np.argmax(np.abs(branch))]  # own samples (others ~1e-17)
    else:
        interpolated = np.convolve(channel, branch)[shift : shift + len(channel)]
    return interpolated


@functools.cache
def _branches() -> tuple[np.ndarray, ...]:
    """resample_poly's 4x interpolation filter (Kaiser-windowed sinc), split by output phase."""
    taps = interpolation_filter(_UP, _UP)
    return tuple(taps[phase::_UP].astype(np.float32) for phase in range(_UP))


def _pad_to(samples: np.ndarray, frames: int) -> np.ndarray:
    if len(samples) >= frames:
        return samples
    shape = (frames - len(samples),) + samples.shape[1:]
    return np.concatenate([samples, np.zeros(shape, dtype=samples.dtype)])
