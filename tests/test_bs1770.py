"""news60's own loudness meter, IIR filter and moving windows give the reference libraries'
numbers (pyloudnorm, scipy.signal.lfilter, scipy.ndimage), and a narration imports neither."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from news60.speech import audio
from news60.speech.bs1770 import integrated_loudness
from news60.speech.iir import BLOCK, lfilter
from news60.speech.loudness import normalise
from news60.speech.windows import moving_mean, moving_min

pyloudnorm = pytest.importorskip("pyloudnorm", reason="the reference meter: pip install '.[dev]'")
signal = pytest.importorskip("scipy.signal")
ndimage = pytest.importorskip("scipy.ndimage")

BED = Path(__file__).resolve().parents[1] / "assets" / "music" / "news-bed.ogg"
FILTERS = {
    "biquad": ([1.53, -2.69, 1.19], [1.0, -1.69, 0.73]),
    "repeated pole near 1 (BS.1770's high pass)": ([1.0, -2.0, 1.0], [1.0, -1.990047, 0.990072]),
    "one pole": ([0.5], [1.0, -0.9]),
    "numerator only": ([1.0, 2.0, 3.0, 4.0], [1.0]),
    "a[0] not 1": ([2.0, 1.0], [2.0, -1.0, 0.3]),
}


@pytest.mark.parametrize("kind", FILTERS)
@pytest.mark.parametrize("length", [1, BLOCK - 1, BLOCK, BLOCK + 1, 10 * BLOCK + 3, 200_000])
def test_the_blocked_filter_is_lfilter(kind, length):
    b, a = FILTERS[kind]
    x = np.random.default_rng(length).standard_normal(length).astype(np.float32)
    ours, theirs = lfilter(b, a, x), signal.lfilter(b, a, x.astype(np.float64))
    assert np.max(np.abs(ours - theirs)) <= 1e-9 * max(np.max(np.abs(theirs)), 1.0)


@pytest.fixture(scope="module")
def music() -> np.ndarray:
    """The theme's music bed: real stereo music, decoded at 48 kHz."""
    return audio.decode(BED, 48000, 2)


def test_the_meter_reads_real_music_as_pyloudnorm_does(music):
    for rate, samples in ((48000, music), (44100, music[::2].copy()), (48000, music[:, 0].copy())):
        theirs = pyloudnorm.Meter(rate).integrated_loudness(samples)
        assert integrated_loudness(samples, rate) == pytest.approx(theirs, abs=1e-5)


def test_the_meter_gates_as_pyloudnorm_does_silence_and_a_quiet_start():
    rng = np.random.default_rng(7)
    quiet_start = np.concatenate(
        [1e-4 * rng.standard_normal(96000), 0.1 * rng.standard_normal(96000)]
    )
    theirs = pyloudnorm.Meter(48000).integrated_loudness(quiet_start)
    assert integrated_loudness(quiet_start, 48000) == pytest.approx(theirs, abs=1e-5)
    assert integrated_loudness(np.zeros(48000), 48000) == float("-inf")


def test_normalise_lands_on_target_by_pyloudnorms_measure(music):
    loud = (music * 4).astype(np.float32)  # peaks far over the ceiling: the limiter works
    out = normalise(loud, 48000, target=-14.0)
    assert pyloudnorm.Meter(48000).integrated_loudness(out) == pytest.approx(-14.0, abs=0.1)


@pytest.mark.parametrize("mode", ["reflect", "nearest"])
@pytest.mark.parametrize("length", [1, 3, 20, 1001])
@pytest.mark.parametrize("width", [1, 2, 3, 8, 21, 961, 2000])
def test_moving_windows_are_scipys_filters(mode, length, width):
    x = np.random.default_rng(width).random(length).astype(np.float32)
    assert np.array_equal(moving_min(x, width, mode), ndimage.minimum_filter1d(x, width, mode=mode))
    theirs = ndimage.uniform_filter1d(x, width, mode=mode)
    assert np.allclose(moving_mean(x, width, mode), theirs, atol=1e-6)


def test_narrating_and_mixing_import_neither_scipy_nor_pyloudnorm():
    """Their imports cost a make 0.8 s (scipy.signal builds its docstrings at import)."""
    job = """
import sys
import numpy as np
from news60.speech import loudness, mix
tone = (0.3 * np.sin(np.arange(96000) * 2 * np.pi * 440 / 48000)).astype(np.float32)
loudness.normalise(np.stack([tone, tone], axis=1), 48000)
mix.duck_gain([(0.5, 1.0)], 96000)
print(sorted(m for m in sys.modules if m.split(".")[0] in ("scipy", "pyloudnorm")))
"""
    done = subprocess.run([sys.executable, "-c", job], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_blocked_filter_refuses_a_filter_longer_than_its_block():
    with pytest.raises(ValueError, match="taps"):
        lfilter(np.ones(BLOCK + 1), [1.0], np.zeros(10))
