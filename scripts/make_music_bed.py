"""Synthesise assets/music/news-bed.ogg: a calm, loopable 30 s pad bed for narration.

Every frequency is a whole number of cycles per loop and every envelope wraps around,
so the file loops without a seam. Run: python scripts/make_music_bed.py [dest.ogg]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

RATE = 48_000
LOOP_S = 30.0
FRAMES = int(RATE * LOOP_S)
# D major, gently: Dmaj7, Bm7, Gmaj7, A6sus4 (MIDI note numbers), 7.5 s each.
CHORDS = [(50, 57, 61, 66), (47, 54, 57, 62), (43, 50, 54, 59), (45, 52, 54, 59)]
CHORD_S = LOOP_S / len(CHORDS)
DEST = Path(__file__).resolve().parent.parent / "assets" / "music" / "news-bed.ogg"


def looped(freq: float) -> float:
    """The nearest frequency with a whole number of cycles per loop."""
    return round(freq * LOOP_S) / LOOP_S


def hz(note: int) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)


def window(start_s: float, length_s: float, attack_s: float, release_s: float) -> np.ndarray:
    """Indices (wrapping round the loop) and a smooth sin² envelope over them."""
    n = int(length_s * RATE)
    t = np.arange(n) / RATE
    env = np.ones(n)
    a, r = t < attack_s, t > length_s - release_s
    env[a] = np.sin(0.5 * np.pi * t[a] / attack_s) ** 2
    env[r] = np.sin(0.5 * np.pi * (length_s - t[r]) / release_s) ** 2
    return (int(start_s * RATE) + np.arange(n)) % FRAMES, env


def pad_note(
    freq: float, index: np.ndarray, env: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """A soft pad: six falling harmonics, three slightly detuned voices per side."""
    t = index / RATE
    out = np.zeros((len(index), 2))
    for k in range(1, 7):
        for side in (0, 1):
            for detune in (-2, 0, 2):
                f = looped(freq * k) + (detune + side) / LOOP_S
                out[:, side] += np.sin(2 * np.pi * f * t + rng.uniform(0, 2 * np.pi)) / k**1.8
    return out * env[:, None]


def bell(freq: float, start_s: float, pan: float) -> tuple[np.ndarray, np.ndarray]:
    """A quiet, slowly decaying bell tone panned a little off centre."""
    index, _ = window(start_s, 3.0, 0.01, 0.5)
    t = np.arange(len(index)) / RATE
    tone = sum(np.sin(2 * np.pi * looped(freq * k) * t) / k**2 for k in (1, 2, 3))
    tone = tone * np.exp(-t / 0.9) * np.minimum(1.0, t / 0.01)
    return index, np.stack([tone * (1 - pan), tone * (1 + pan)], axis=1)


def bed() -> np.ndarray:
    rng = np.random.default_rng(5)
    mix = np.zeros((FRAMES, 2))
    for i, chord in enumerate(CHORDS):
        index, env = window(i * CHORD_S - 1.5, CHORD_S + 3.0, 2.5, 3.0)
        for note in chord:
            mix[index] += pad_note(hz(note), index, env, rng)
        root_index, root_env = window(i * CHORD_S - 0.5, CHORD_S + 1.0, 0.8, 1.5)
        mix[root_index] += (
            0.8
            * np.sin(2 * np.pi * looped(hz(chord[0] - 12)) * root_index / RATE)[:, None]
            * root_env[:, None]
        )
        for j, step in enumerate((0.0, 2.5, 5.0)):
            index, tone = bell(
                hz(chord[(j + 1) % 4] + 24), i * CHORD_S + step + 0.25, (-0.3, 0.3, 0.0)[j]
            )
            mix[index] += 0.25 * tone
    return (mix / np.abs(mix).max() * 0.5).astype(np.float32)


def encode(samples: np.ndarray, dest: Path) -> None:
    cmd = [
        "ffmpeg",
        "-v",
        "error",
        "-y",
        "-f",
        "f32le",
        "-ar",
        str(RATE),
        "-ac",
        "2",
        "-i",
        "pipe:0",
    ]
    cmd += ["-c:a", "libvorbis", "-q:a", "3", str(dest)]
    subprocess.run(cmd, input=samples.tobytes(), check=True)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEST
    encode(bed(), target)
    print(f"wrote {target} ({target.stat().st_size / 1024:.0f} KiB)")
