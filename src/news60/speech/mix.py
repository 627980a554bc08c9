"""The clip's soundtrack: narration at an offset over an optional music bed that ducks under it."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from news60.errors import RenderError
from news60.models import Narration
from news60.speech import audio, loudness
from news60.speech.audio import RATE
from news60.speech.windows import moving_mean

log = logging.getLogger(__name__)

BED_LUFS = -20.0  # the music alone, against a -14 LUFS voice
DUCK_DB = -18.0  # how far the music drops while someone speaks
RAMP_S = 0.3
HOLD_S = 1.2  # pauses shorter than this stay ducked, so the bed never pumps between sentences
FADE_IN_S = 0.5
FADE_OUT_S = 2.0


def mix_soundtrack(
    narration: Narration, *, offset: float, duration: float, music: Path | None, dest: Path
) -> Path:
    """Write the clip's 48 kHz stereo WAV: narration from `offset`, music bed, -14 LUFS."""
    if duration <= 0 or offset < 0:
        raise RenderError(f"cannot mix {duration} s with narration at {offset} s: check the timing")
    _check_fits(narration, offset, duration)
    frames = int(round(duration * RATE))
    voice = _voice_track(narration, offset, frames)
    mix = np.repeat(voice[:, None], 2, axis=1)
    if music is not None:
        spans = [(offset + s.start, offset + s.end) for s in narration.sentences]
        gain = duck_gain(spans, frames) * _fades(frames)
        mix = mix + _bed(music, frames) * gain[:, None]
    dest.parent.mkdir(parents=True, exist_ok=True)
    return audio.write_wav(dest, loudness.normalise(mix, RATE), RATE)


def duck_gain(spans: list[tuple[float, float]], frames: int) -> np.ndarray:
    """Linear music gain: DUCK_DB during speech, 0 dB in long gaps, RAMP_S ramps between."""
    ducked = np.zeros(frames, dtype=np.float32)
    for start, end in _merged(spans):
        # Widen by half a ramp each side; the moving average then ramps fully outside the speech.
        a, b = int((start - RAMP_S / 2) * RATE), int((end + RAMP_S / 2) * RATE)
        ducked[max(a, 0) : max(b, 0)] = 1.0
    ducked = moving_mean(ducked, int(RAMP_S * RATE), mode="nearest")
    return (10 ** (DUCK_DB * ducked / 20)).astype(np.float32)


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] < HOLD_S:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _check_fits(narration: Narration, offset: float, duration: float) -> None:
    last = narration.sentences[-1].end if narration.sentences else 0.0
    if offset + last > duration + 1e-3:
        raise RenderError(
            f"narration ends at {offset + last:.2f} s but the clip is {duration:.2f} s: "
            "shorten the script or lengthen the clip"
        )


def _voice_track(narration: Narration, offset: float, frames: int) -> np.ndarray:
    samples, rate = audio.read_wav(narration.wav)
    samples = audio.resample(samples if samples.ndim == 1 else samples.mean(axis=1), rate)
    track = np.zeros(frames, dtype=np.float32)
    start = int(round(offset * RATE))
    piece = samples[: max(0, frames - start)]
    track[start : start + len(piece)] = piece
    return track


def _bed(music: Path, frames: int) -> np.ndarray:
    """The music decoded to 48 kHz stereo, looped or cut to `frames`, at BED_LUFS."""
    try:
        samples = audio.decode(music, RATE, 2)
    except RenderError as exc:
        raise RenderError(
            f"cannot read music {music} ({exc}): pick another file or --music none"
        ) from exc
    if len(samples) == 0:
        raise RenderError(f"music {music} holds no audio: pick another file or --music none")
    looped = np.tile(samples, (frames // len(samples) + 1, 1))[:frames]
    level = loudness.integrated_loudness(looped, RATE)
    gain = 10 ** ((BED_LUFS - level) / 20) if np.isfinite(level) else 0.0
    return (looped * np.float32(gain)).astype(np.float32)


def _fades(frames: int) -> np.ndarray:
    """Music fades in briefly at the start and out over the last FADE_OUT_S seconds."""
    envelope = np.ones(frames, dtype=np.float32)
    fade_in, fade_out = min(frames, int(FADE_IN_S * RATE)), min(frames, int(FADE_OUT_S * RATE))
    envelope[:fade_in] *= np.linspace(0.0, 1.0, fade_in, dtype=np.float32)
    envelope[frames - fade_out :] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)
    return envelope
