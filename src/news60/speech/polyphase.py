"""Polyphase resampling and its low-pass filter in numpy: the filter and alignment of
scipy.signal's resample_poly and firwin, without importing scipy.signal (0.7 s a process)."""

from __future__ import annotations

import functools
from math import gcd

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

KAISER_BETA = 5.0  # resample_poly's default window, ("kaiser", 5.0)


def lowpass(taps: int, cutoff: float, beta: float = KAISER_BETA) -> np.ndarray:
    """firwin(taps, cutoff, window=("kaiser", beta)): a windowed sinc, unit gain at DC
    (`cutoff` as a fraction of the Nyquist frequency)."""
    middle = np.arange(taps) - (taps - 1) / 2
    taps_ = cutoff * np.sinc(cutoff * middle) * np.kaiser(taps, beta)
    filtered: np.ndarray = taps_ / taps_.sum()
    return filtered


def resample_poly(samples: np.ndarray, up: int, down: int) -> np.ndarray:
    """resample_poly(samples, up, down) of a 1-D signal, in float64: the output is
    ceil(len * up / down) long, sample k at input time k * down / up."""
    common = gcd(up, down)
    up, down = up // common, down // common
    if up == down:
        return samples.astype(np.float64)
    bank, skip = _bank(up, down)
    taps = bank.shape[1]
    count = -(-len(samples) * up // down)
    last_input = ((count - 1 + skip) * down) // up
    padded = np.zeros(taps + max(len(samples), last_input + 1), dtype=np.float64)
    padded[taps : taps + len(samples)] = samples
    # Row r of `windows` holds inputs r - taps + 1 .. r (in input numbering), newest last.
    windows = sliding_window_view(padded[1:], taps)
    out = np.empty(count, dtype=np.float64)
    for phase in range(min(up, count)):
        # Outputs k = phase, phase + up, ... share one filter phase; their inputs step by `down`.
        start = ((phase + skip) * down) // up
        branch = bank[((phase + skip) * down) % up]
        rows = windows[start : start + down * len(out[phase::up]) : down]
        out[phase::up] = rows @ branch
    return out


def interpolation_filter(rate: int, gain: int) -> np.ndarray:
    """resample_poly's filter for a ratio whose larger side is `rate`: 20 * rate + 1 taps of a
    Kaiser-windowed sinc cut at 1 / rate, times `gain` (the upsampling factor)."""
    return lowpass(20 * rate + 1, 1.0 / rate) * gain


@functools.cache
def _bank(up: int, down: int) -> tuple[np.ndarray, int]:
    """resample_poly's filter split into `up` phases (each reversed, newest input last), and
    how many leading outputs its centring drops."""
    rate = max(up, down)
    half = 10 * rate
    taps = interpolation_filter(rate, up)
    pad = down - half % down
    skip = (half + pad) // down
    padded = np.concatenate([np.zeros(pad), taps])
    length = -(-len(padded) // up)
    bank = np.zeros((up, length))
    for phase in range(up):
        branch = padded[phase::up]
        bank[phase, : len(branch)] = branch
    return np.ascontiguousarray(bank[:, ::-1]), skip
