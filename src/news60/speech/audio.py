"""Sample arrays in and out: WAV files, resampling, and decoding through ffmpeg."""

from __future__ import annotations

import subprocess
import wave
from fractions import Fraction
from pathlib import Path

import numpy as np

from news60.atomic import writing
from news60.errors import RenderError
from news60.speech.polyphase import resample_poly

RATE = 48_000  # every track news60 writes is 48 kHz


def resample(samples: np.ndarray, source_rate: int, target_rate: int = RATE) -> np.ndarray:
    """Resample along the first axis with a polyphase filter (scipy's resample_poly's)."""
    if source_rate == target_rate or len(samples) == 0:
        return samples.astype(np.float32)
    ratio = Fraction(target_rate, source_rate)
    if samples.ndim == 1:
        return resample_poly(samples, ratio.numerator, ratio.denominator).astype(np.float32)
    channels = [resample_poly(c, ratio.numerator, ratio.denominator) for c in samples.T]
    return np.stack(channels, axis=1).astype(np.float32)


def resampled_length(frames: int, source_rate: int, target_rate: int = RATE) -> int:
    """How many frames `resample` returns for `frames` frames (polyphase: ceil(n * up / down))."""
    if source_rate == target_rate or frames == 0:
        return frames
    ratio = Fraction(target_rate, source_rate)
    return -(-frames * ratio.numerator // ratio.denominator)


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Write float samples (mono, or frames x channels) as 16-bit PCM, via a temporary name."""
    pcm = np.clip(np.round(samples * 32767.0), -32768, 32767).astype("<i2")
    channels = 1 if pcm.ndim == 1 else pcm.shape[1]
    with writing(path) as partial, wave.open(str(partial), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    """Read a 16-bit PCM WAV as float32: (frames,) for mono, (frames, channels) otherwise."""
    try:
        with wave.open(str(path), "rb") as src:
            channels, rate = src.getnchannels(), src.getframerate()
            data = np.frombuffer(src.readframes(src.getnframes()), dtype="<i2")
    except (OSError, wave.Error) as exc:
        raise RenderError(
            f"cannot read {path} as 16-bit WAV ({exc}); re-run the narration"
        ) from None
    samples = data.astype(np.float32) / 32768.0
    return (samples if channels == 1 else samples.reshape(-1, channels)), rate


def decode(
    source: Path | bytes,
    rate: int,
    channels: int,
    *,
    tempo: float = 1.0,
    seconds: float | None = None,
) -> np.ndarray:
    """Decode any file (or in-memory bytes) ffmpeg reads into float32 samples at `rate`."""
    filters = ["-af", f"atempo={tempo:.4f}"] if abs(tempo - 1.0) > 1e-3 else []
    src = "pipe:0" if isinstance(source, bytes) else str(source)
    limit = ["-t", f"{seconds:g}"] if seconds else []  # only the start, to check a file is audio
    cmd = ["ffmpeg", "-v", "error", "-nostdin", *limit, "-i", src, *filters]
    cmd += ["-f", "f32le", "-ac", str(channels), "-ar", str(rate), "pipe:1"]
    data = run_ffmpeg(cmd, source if isinstance(source, bytes) else None)
    samples = np.frombuffer(data, dtype="<f4").copy()
    return samples if channels == 1 else samples.reshape(-1, channels)


def run_ffmpeg(cmd: list[str], stdin: bytes | None = None) -> bytes:
    """Run ffmpeg and return its stdout; a failure becomes a RenderError with ffmpeg's own words."""
    try:
        done = subprocess.run(cmd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise RenderError("ffmpeg is not installed: install it (apt install ffmpeg)") from None
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        raise RenderError(f"ffmpeg failed: {detail[0]}")
    return done.stdout
