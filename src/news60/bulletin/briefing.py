"""The audio briefing: the bulletin's voice on the clip's own clock, then the spoken credits; an
MP3 at the chosen loudness whose ID3 chapters start where the clip's do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from news60.bulletin.chapters import add_id3_chapters
from news60.bulletin.models import Chapter
from news60.models import Narration
from news60.settings import VoiceSettings
from news60.speech import audio, loudness
from news60.speech.audio import RATE
from news60.speech.cache import SpeechCache
from news60.speech.summary import MP3_CEILING, MP3_RATE, encode_mp3, said_aloud

TAIL = 0.8  # seconds of quiet after the credits, so a player does not cut the last word


def write_briefing(
    narration: Narration,
    chapters: Sequence[Chapter],
    dest: Path,
    *,
    voice: VoiceSettings,
    offset: float,
    credits: str,
    lufs: float,
    tags: dict[str, str],
) -> Path:
    """Voice from the first frame on, silence where the clip shows no one speaking, then the credits said
    aloud under the last chapter; -14 LUFS by default, -16 for podcast players.

    `offset` is when the clip's narration starts; the last chapter (the credits) starts the credits."""
    voice = replace(voice, name=narration.voice)  # the voice that actually narrated
    said = said_aloud(credits, voice, SpeechCache(limit_bytes=voice.cache_bytes))
    track = on_the_clock(narration, offset, chapters[-1].start)
    tail = np.zeros(int(TAIL * RATE), np.float32)
    samples = audio.resample(np.concatenate([track, *said, tail]), RATE, MP3_RATE)
    samples = loudness.normalise(samples, MP3_RATE, target=lufs, ceiling=MP3_CEILING)
    length = len(samples) / MP3_RATE
    marks = [*chapters[:-1], replace(chapters[-1], end=length)]
    return add_id3_chapters(encode_mp3(samples, dest, tags), marks)


def on_the_clock(narration: Narration, offset: float, until: float) -> np.ndarray:
    """The narration at 48 kHz mono from `offset`, then silence up to `until` (clip seconds)."""
    body, rate = audio.read_wav(narration.wav)
    body = audio.resample(body if body.ndim == 1 else body.mean(axis=1), rate)
    lead = np.zeros(int(round(offset * RATE)), np.float32)
    gap = np.zeros(max(0, int(round(until * RATE)) - len(lead) - len(body)), np.float32)
    return np.concatenate([lead, body, gap])
