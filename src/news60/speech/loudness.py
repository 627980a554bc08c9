"""Loudness: integrated LUFS by BS.1770 (pyloudnorm), a 4x-oversampled true-peak limiter."""

from __future__ import annotations

import functools

import numpy as np

from news60.speech.polyphase import lowpass

TARGET_LUFS = -14.0
CEILING_DBTP = -1.0
_MARGIN_DB = 0.5  # aim a little under the ceiling: resampling and dither move peaks slightly
_WINDOW_S = 0.02  # limiter look-ahead and release
_UP = 4  # true peak: the signal 4x oversampled, as BS.1770 measures it
_HALF = 10 * _UP  # resample_poly's filter half-length for 4x


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness in LUFS; silence or very short audio measures as -inf."""
    import pyloudnorm

    padded = _pad_to(samples, int(0.5 * rate))
    if not np.any(padded):
        return float("-inf")
    return float(pyloudnorm.Meter(rate).integrated_loudness(padded))


def normalise(
    samples: np.ndarray,
    rate: int,
    *,
    target: float = TARGET_LUFS,
    ceiling: float = CEILING_DBTP,
) -> np.ndarray:
    """Return a copy at `target` LUFS with true peaks limited to `ceiling` dBTP."""
    source = samples.astype(np.float32)
    loudness = integrated_loudness(source, rate)
    if not np.isfinite(loudness):
        return source
    peaks = _oversampled_peak(source)  # a gain scales them: measured once, not per attempt

    def attempt(gain_db: float) -> tuple[float, np.ndarray]:
        gain = np.float32(10 ** (gain_db / 20))
        out = limit(source * gain, rate, ceiling - _MARGIN_DB, peaks * gain)
        return integrated_loudness(out, rate), out

    # Limiting takes some loudness back, so search for the gain that lands on target (secant).
    gain, (level, out) = target - loudness, attempt(target - loudness)
    previous: tuple[float, float] | None = None
    for _ in range(8):
        if abs(level - target) < 0.1:
            break
        slope = 1.0 if previous is None else (level - previous[1]) / (gain - previous[0])
        previous = (gain, level)
        gain += min((target - level) / max(slope, 0.2), 6.0)
        level, out = attempt(gain)
    return out


def limit(
    samples: np.ndarray, rate: int, ceiling: float, peaks: np.ndarray | None = None
) -> np.ndarray:
    """Smooth look-ahead gain so no oversampled peak (`peaks`, measured when not given) exceeds
    `ceiling` dBTP."""
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    limit_amp = 10 ** (ceiling / 20)
    peaks = _oversampled_peak(samples) if peaks is None else peaks
    needed = np.minimum(1.0, limit_amp / np.maximum(peaks, 1e-9))
    width = max(3, int(_WINDOW_S * rate) | 1)
    # A moving average of a moving minimum of the same width never exceeds the needed gain.
    gain = uniform_filter1d(minimum_filter1d(needed, width), width)
    shaped = gain if samples.ndim == 1 else gain[:, None]
    limited: np.ndarray = (samples * shaped).astype(np.float32)
    return limited


def _oversampled_peak(samples: np.ndarray) -> np.ndarray:
    """Per input frame, the largest absolute value across channels of a 4x-oversampled copy:
    scipy's resample_poly(x, 4, 1), computed as its four polyphase branches (short
    convolutions, three times faster than the general resampler)."""
    magnitudes = np.abs(samples) if samples.ndim == 1 else np.abs(samples).max(axis=1)
    peaks: np.ndarray = magnitudes.astype(np.float32)
    shift, frames = _HALF // _UP, len(samples)
    for channel in (samples,) if samples.ndim == 1 else samples.T:
        for branch in _branches() if frames else ():
            interpolated = np.convolve(channel, branch)[shift : shift + frames]
            np.maximum(peaks, np.abs(interpolated), out=peaks)
    return peaks


@functools.cache
def _branches() -> tuple[np.ndarray, ...]:
    """resample_poly's 4x interpolation filter (Kaiser-windowed sinc), split by output phase."""
    taps = lowpass(2 * _HALF + 1, 1.0 / _UP) * _UP
    return tuple(taps[phase::_UP].astype(np.float32) for phase in range(_UP))


def _pad_to(samples: np.ndarray, frames: int) -> np.ndarray:
    if len(samples) >= frames:
        return samples
    shape = (frames - len(samples),) + samples.shape[1:]
    return np.concatenate([samples, np.zeros(shape, dtype=samples.dtype)])
