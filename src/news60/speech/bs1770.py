"""Integrated loudness by ITU-R BS.1770-4 (K-weighting, 400 ms blocks, -70 LUFS and -10 LU
gates), as pyloudnorm's Meter measures it, block for block, in numpy (no scipy.signal import)."""

from __future__ import annotations

import math

import numpy as np

from news60.speech.iir import lfilter

BLOCK_S = 0.4  # gating block
STEP = 0.25  # blocks overlap by 75 %
ABSOLUTE_GATE = -70.0  # LUFS: blocks of near silence do not count
RELATIVE_GATE = -10.0  # LU under the loudness of the blocks kept so far: pauses do not count
CHANNEL_GAINS = (1.0, 1.0, 1.0, 1.41, 1.41)  # L, R, C, Ls, Rs: the surrounds weigh more


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """LUFS of `samples` (frames, or frames x channels; at least one block long); -inf when
    every block is below the absolute gate."""
    return gated_loudness(k_weighted(samples, rate), rate)


def gated_loudness(weighted: np.ndarray, rate: int, envelope: np.ndarray | None = None) -> float:
    """LUFS of K-weighted channels (frames x channels), each frame first scaled by `envelope`
    when given (a gain that changes slowly: the K-weighting and the gain nearly commute)."""
    powers = sum(
        gain * _block_powers(_scaled(weighted[:, index], envelope), rate)
        for index, gain in zip(range(weighted.shape[1]), CHANNEL_GAINS, strict=False)
    )
    assert isinstance(powers, np.ndarray)
    with np.errstate(divide="ignore"):
        levels = -0.691 + 10.0 * np.log10(powers)
    above = levels >= ABSOLUTE_GATE
    if not above.any():
        return float("-inf")
    relative = _level(powers[above].mean()) + RELATIVE_GATE
    kept = (levels > relative) & (levels > ABSOLUTE_GATE)
    return _level(powers[kept].mean()) if kept.any() else float("-inf")


def k_weighted(samples: np.ndarray, rate: int) -> np.ndarray:
    """Every channel through BS.1770's two stages, the head's high shelf, then the high pass:
    frames x channels, float64."""
    channels = samples[:, None] if samples.ndim == 1 else samples
    shelf = _biquad("high_shelf", 4.0, 1 / math.sqrt(2), 1500.0, rate)
    high_pass = _biquad("high_pass", 0.0, 0.5, 38.0, rate)
    weighted = np.empty(channels.shape)
    for index in range(channels.shape[1]):
        weighted[:, index] = lfilter(*high_pass, lfilter(*shelf, channels[:, index]))
    return weighted


def _scaled(channel: np.ndarray, envelope: np.ndarray | None) -> np.ndarray:
    if envelope is None:
        return channel
    scaled = channel.copy()
    scaled[: len(envelope)] *= envelope[: len(channel)]
    return scaled


def _block_powers(weighted: np.ndarray, rate: int) -> np.ndarray:
    """Mean square of each gating block; the bounds are pyloudnorm's, to the sample."""
    count = int(round((len(weighted) / rate - BLOCK_S) / (BLOCK_S * STEP))) + 1
    starts = np.arange(count, dtype=np.float64)
    lower = (BLOCK_S * (starts * STEP) * rate).astype(np.int64)
    upper = (BLOCK_S * (starts * STEP + 1) * rate).astype(np.int64)
    energy = np.concatenate([[0.0], np.cumsum(np.square(weighted))])
    upper = np.minimum(upper, len(weighted))
    powers: np.ndarray = (energy[upper] - energy[lower]) / (BLOCK_S * rate)
    return powers


def _level(power: float) -> float:
    return -0.691 + 10.0 * math.log10(power) if power > 0 else float("-inf")


def _biquad(
    kind: str, gain_db: float, q: float, centre: float, rate: int
) -> tuple[list[float], list[float]]:
    """The RBJ cookbook biquad pyloudnorm designs for the K-weighting stages, at `rate`."""
    amp = 10 ** (gain_db / 40.0)
    w0 = 2.0 * math.pi * (centre / rate)
    alpha, cos = math.sin(w0) / (2.0 * q), math.cos(w0)
    if kind == "high_shelf":
        root = 2 * math.sqrt(amp) * alpha
        b = [
            amp * ((amp + 1) + (amp - 1) * cos + root),
            -2 * amp * ((amp - 1) + (amp + 1) * cos),
            amp * ((amp + 1) + (amp - 1) * cos - root),
        ]
        a = [(amp + 1) - (amp - 1) * cos + root, 2 * ((amp - 1) - (amp + 1) * cos)]
        a.append((amp + 1) - (amp - 1) * cos - root)
    else:  # high_pass
        b = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
        a = [1 + alpha, -2 * cos, 1 - alpha]
    return [v / a[0] for v in b], [v / a[0] for v in a]
