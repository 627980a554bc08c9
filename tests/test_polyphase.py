"""news60's resampler computes what scipy.signal's resample_poly does, without importing it."""

from __future__ import annotations

import numpy as np
import pytest

from news60.speech import audio
from news60.speech.polyphase import lowpass, resample_poly

signal = pytest.importorskip("scipy.signal", reason="scipy's resampler is the reference")


@pytest.mark.parametrize(
    ("length", "up", "down"),
    [
        (110_250, 320, 147),
        (1000, 320, 147),
        (7, 320, 147),
        (48_000, 147, 320),
        (2205, 4, 1),
        (1, 2, 1),
    ],
)
def test_the_resampler_matches_scipys_resample_poly(length, up, down):
    samples = np.random.default_rng(length).normal(size=length).astype(np.float32)
    expected = signal.resample_poly(samples.astype(np.float64), up, down)
    got = resample_poly(samples, up, down)
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() < 1e-9


def test_the_low_pass_filter_is_firwins_kaiser_window():
    for taps, cutoff in ((81, 0.25), (6401, 1 / 320)):
        expected = signal.firwin(taps, cutoff, window=("kaiser", 5.0))
        assert np.abs(lowpass(taps, cutoff) - expected).max() < 1e-12


def test_a_piper_sentence_is_resampled_to_48_khz_at_the_length_spans_count_on():
    samples = np.sin(np.arange(22_050) / 10).astype(np.float32)
    out = audio.resample(samples, 22_050)
    assert out.dtype == np.float32 and len(out) == audio.resampled_length(22_050, 22_050) == 48_000
    stereo = audio.resample(np.stack([samples, -samples], axis=1), 22_050)
    assert stereo.shape == (48_000, 2) and np.array_equal(stereo[:, 0], out)
