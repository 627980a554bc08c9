"""A disk cache of spoken sentences keyed by (voice, rate, text): edits re-speak only changes."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import numpy as np

from news60.models import Word
from news60.speech.speech import Speech
from news60.speech.voices import Voice

log = logging.getLogger(__name__)

FORMAT = 1  # bump when a backend changes what it returns, so old entries are not reused


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/news60/speech, or ~/.cache/news60/speech."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "news60" / "speech"


class SpeechCache:
    """Spoken sentences on disk; counts hits and misses so a caller can tell what was re-spoken."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.hits = 0
        self.misses = 0

    def speak(self, voice: Voice, name: str, rate: float, text: str) -> Speech:
        """`voice.speak(text)`, or the stored result of an earlier identical call."""
        path = self.folder / f"{_key(name, rate, text)}.npz"
        cached = _load(path)
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        speech = voice.speak(text)
        _store(path, speech)
        return speech


def _key(name: str, rate: float, text: str) -> str:
    return hashlib.sha256(json.dumps([FORMAT, name, round(rate, 4), text]).encode()).hexdigest()[
        :32
    ]


def _load(path: Path) -> Speech | None:
    try:
        with np.load(path) as data:
            words = json.loads(str(data["words"]))
            return Speech(
                data["samples"].astype(np.float32),
                int(data["rate"]),
                tuple(Word(t, s, e) for t, s, e in words),
            )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:  # a torn or stale entry: speak again
        log.debug("ignoring unreadable speech cache entry %s: %s", path, exc)
        return None


def _store(path: Path, speech: Speech) -> None:
    words = json.dumps([[w.text, w.start, w.end] for w in speech.words])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.stem}.{os.getpid()}.npz")
        np.savez(tmp, samples=speech.samples, rate=speech.sample_rate, words=words)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only cache only costs time
        log.warning("could not write speech cache %s: %s", path, exc)
