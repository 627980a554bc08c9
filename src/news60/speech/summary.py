"""The MP3 audio summary: headline, narration, then the credits, tagged for a podcast app."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from news60.atomic import writing
from news60.errors import RenderError
from news60.models import Narration, Script
from news60.settings import VoiceSettings
from news60.speech import audio, loudness
from news60.speech.audio import RATE
from news60.speech.cache import SpeechCache
from news60.speech.narration import speak_all, speakable_function

MP3_RATE = 44_100
BITRATE = "192k"
PAUSE_S = 0.8  # after the headline and before the credits
MP3_CEILING = -1.5  # the encoder's own overshoot needs room below -1 dBTP


def write_audio_summary(
    script: Script,
    narration: Narration,
    settings: VoiceSettings,
    dest: Path,
    *,
    credits: str = "",
    artist: str = "news60",
    disclosure: str = "",
    cache_dir: Path | None = None,
) -> Path:
    """Write `dest` (MP3, 44.1 kHz, 192k): headline, narration, the spoken credits; ID3-tagged.

    `disclosure` ("AI voice" for a synthetic narration) leads the ID3 comment, before the credits."""
    voice = replace(settings, name=narration.voice)  # the voice that actually narrated
    cache = SpeechCache(cache_dir, settings.cache_bytes)
    body, rate = audio.read_wav(narration.wav)
    body = audio.resample(body if body.ndim == 1 else body.mean(axis=1), rate)
    pause = np.zeros(int(PAUSE_S * RATE), dtype=np.float32)
    pieces = [
        *said_aloud(script.title, voice, cache),
        pause,
        body,
        pause,
        *said_aloud(credits, voice, cache),
    ]
    samples = audio.resample(np.concatenate(pieces), RATE, MP3_RATE)
    samples = loudness.normalise(samples, MP3_RATE, ceiling=MP3_CEILING)
    comment = " | ".join(part for part in (disclosure, credits) if part)
    return encode_mp3(samples, dest, _tags(script, artist, comment))


def said_aloud(text: str, settings: VoiceSettings, cache: SpeechCache) -> list[np.ndarray]:
    """`text` spoken at 48 kHz, as a one-item list; nothing for empty text."""
    if not text.strip():
        return []
    _, (speech,), _ = speak_all([speakable_function()(text).said], settings, cache)
    return [audio.resample(speech.samples, speech.sample_rate)]


def _tags(script: Script, artist: str, credits: str) -> dict[str, str]:
    match = re.match(r"\d{4}-\d{2}-\d{2}", script.published or "")
    date = match.group(0) if match else dt.date.today().isoformat()
    return {"title": script.title, "artist": artist, "date": date, "comment": credits}


def encode_mp3(samples: np.ndarray, dest: Path, tags: dict[str, str]) -> Path:
    """Encode with ffmpeg's libmp3lame under a temporary name, tag it, then rename into place."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    wav = audio.write_wav(dest.with_name(f".{dest.stem}.summary.wav"), samples, MP3_RATE)
    cmd = ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(wav), "-c:a", "libmp3lame"]
    try:
        with writing(dest) as partial:
            audio.run_ffmpeg(
                [*cmd, "-b:a", BITRATE, "-ar", str(MP3_RATE), "-f", "mp3", str(partial)]
            )
            _write_id3(partial, tags)
    finally:
        wav.unlink(missing_ok=True)
    return dest


def _write_id3(path: Path, tags: dict[str, str]) -> None:
    from mutagen.id3 import COMM, ID3, TDRC, TIT2, TPE1, ID3NoHeaderError

    try:
        id3 = ID3(path)
    except ID3NoHeaderError:
        id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags["title"]))
    id3.add(TPE1(encoding=3, text=tags["artist"]))
    id3.add(TDRC(encoding=3, text=tags["date"]))
    id3.add(COMM(encoding=3, lang="eng", desc="credits", text=tags["comment"]))
    try:
        id3.save(path)
    except Exception as exc:  # mutagen raises MutagenError and OSError subclasses
        raise RenderError(
            f"cannot tag {path} ({exc}): check the output folder is writable"
        ) from exc
