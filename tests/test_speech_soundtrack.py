"""The clip soundtrack (ducked music bed) and the MP3 audio summary, measured with ffmpeg."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
from conftest import ebur128

from news60.errors import RenderError
from news60.models import Photo, Reporting, Scene, Script
from news60.settings import VoiceSettings
from news60.speech import audio
from news60.speech.mix import mix_soundtrack
from news60.speech.narration import narrate
from news60.speech.summary import write_audio_summary

BED = Path(__file__).resolve().parents[1] / "assets" / "music" / "news-bed.ogg"
SCRIPT = Script(
    title="Council backs budget",
    scenes=(Scene("The council met today. It approved the budget.", "Budget approved"),),
    photos=(Photo(None, "The council chamber", "Susan Walsh via PA Images"),),
    reporting=Reporting(agencies=("AFP",)),
    published="2019-06-28T09:30:00Z",
)


def probe(path: Path) -> dict:
    cmd = ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module")
def narration(tmp_path_factory):
    folder = tmp_path_factory.mktemp("job")
    return narrate(SCRIPT, VoiceSettings(), folder, cache_dir=folder / "cache")


@pytest.fixture(scope="module")
def hum(tmp_path_factory) -> Path:
    """A 3 s, 50 Hz 'music bed': below the voice's range, so it can be measured under speech."""
    t = np.arange(3 * 48000) / 48000
    path = tmp_path_factory.mktemp("music") / "hum.wav"
    return audio.write_wav(path, (0.3 * np.sin(2 * np.pi * 50 * t)).astype(np.float32), 48000)


def band_level(samples: np.ndarray, start: float, end: float) -> float:
    """dB RMS of the 40-60 Hz band between two times."""
    from scipy.signal import butter, sosfiltfilt

    band = sosfiltfilt(butter(4, [40, 60], btype="band", fs=48000, output="sos"), samples)
    piece = band[int(start * 48000) : int(end * 48000)]
    return 20 * np.log10(np.sqrt(np.mean(piece**2)))


def test_music_ducks_under_speech_and_comes_back_after(narration, hum, tmp_path):
    dest = mix_soundtrack(narration, offset=2.0, duration=9.0, music=hum, dest=tmp_path / "a.wav")
    samples, rate = audio.read_wav(dest)
    assert rate == 48000 and samples.shape == (9 * 48000, 2)
    mono = samples.mean(axis=1)
    speech = (2.0 + narration.sentences[0].start + 0.3, 2.0 + narration.sentences[-1].end - 0.3)
    before, during = band_level(mono, 0.6, 1.6), band_level(mono, *speech)
    after = band_level(mono, 2.0 + narration.duration + 0.5, 6.8)
    assert before - during >= 15 and after - during >= 15
    assert band_level(mono, 8.7, 9.0) < before - 15  # faded out


def test_mix_is_at_minus_14_lufs_below_minus_1_dbtp(narration, tmp_path):
    dest = mix_soundtrack(narration, offset=1.0, duration=8.0, music=BED, dest=tmp_path / "b.wav")
    lufs, peak = ebur128(dest)
    assert -15.0 <= lufs <= -13.0 and peak <= -1.0
    stream = probe(dest)["streams"][0]
    assert stream["sample_rate"] == "48000" and float(probe(dest)["format"]["duration"]) == 8.0
    assert not list(tmp_path.glob(".*"))  # no temporary file left behind


def test_mix_without_music_is_the_narration_alone(narration, tmp_path):
    dest = mix_soundtrack(narration, offset=0.5, duration=6.0, music=None, dest=tmp_path / "c.wav")
    samples, _ = audio.read_wav(dest)
    assert np.abs(samples[: int(0.45 * 48000)]).max() == 0.0


def test_narration_longer_than_the_clip_is_refused(narration, tmp_path):
    with pytest.raises(RenderError, match="shorten the script"):
        mix_soundtrack(narration, offset=2.0, duration=3.0, music=None, dest=tmp_path / "d.wav")


def test_summary_mp3_is_tagged_44k1_and_loudness_normalised(narration, tmp_path):
    from mutagen.id3 import ID3

    dest = write_audio_summary(
        SCRIPT,
        narration,
        VoiceSettings(),
        tmp_path / "summary.mp3",
        credits="Reporting: AFP. Photos: PA Images.",
        cache_dir=tmp_path / "cache",
    )
    stream = probe(dest)["streams"][0]
    assert (stream["codec_name"], stream["sample_rate"]) == ("mp3", "44100")
    duration = float(probe(dest)["format"]["duration"])
    assert narration.duration + 2.5 < duration < narration.duration + 8
    tags = ID3(dest)
    assert str(tags["TIT2"]) == "Council backs budget" and str(tags["TPE1"]) == "news60"
    assert str(tags["TDRC"]) == "2019-06-28"
    assert str(tags.getall("COMM")[0]) == "Reporting: AFP. Photos: PA Images."
    lufs, peak = ebur128(dest)
    assert -15.0 <= lufs <= -13.0 and peak <= -1.0
    assert [p.name for p in tmp_path.iterdir() if p.name != "cache"] == ["summary.mp3"]


def test_music_bed_asset_is_a_small_30s_48k_loop():
    info = probe(BED)
    assert BED.stat().st_size < 1_000_000
    assert info["streams"][0]["sample_rate"] == "48000"
    assert 29.5 <= float(info["format"]["duration"]) <= 30.5
    assert "MIT" in (BED.parent / "LICENSE.txt").read_text()


def test_the_true_peak_is_the_4x_oversampled_peak_of_every_channel():
    from scipy.signal import resample_poly

    from news60.speech.loudness import _oversampled_peak

    rng = np.random.default_rng(7)
    stereo = (rng.standard_normal((4801, 2)) * 0.3).astype(np.float32)
    stereo[2000] = (0.9, -0.9)  # a click: its neighbours interpolate above their own samples
    expected = np.abs(resample_poly(stereo, 4, 1, axis=0)).max(axis=1).reshape(-1, 4).max(axis=1)
    expected = np.maximum(expected, np.abs(stereo).max(axis=1))
    assert np.allclose(_oversampled_peak(stereo), expected, atol=1e-5)
    assert np.allclose(_oversampled_peak(stereo[:, 0]), _oversampled_peak(stereo[:, :1]), atol=0)
    assert _oversampled_peak(np.zeros(0, np.float32)).shape == (0,)
