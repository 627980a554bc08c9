"""A disk cache of spoken sentences keyed by (voice, rate, text): edits re-speak only changes.

Entries are written under unique temporary names and renamed into place, so concurrent jobs never
see a half-written entry; a damaged entry is removed and spoken again; a read-only cache costs time.
The cache keeps within a size limit: the entries used longest ago go first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import zipfile
from pathlib import Path

import numpy as np

from news60.atomic import writing
from news60.cachefiles import mark_used, trim_files
from news60.localfiles import open_regular
from news60.models import Word
from news60.resources import user_cache
from news60.speech.speech import Phone, Speech
from news60.speech.voices import Voice

log = logging.getLogger(__name__)

FORMAT = 3  # bump when a backend changes what it returns, so old entries are not reused
STALE_PARTIAL_S = 600.0  # a partial entry this old belongs to a job that died mid-write
LIMIT_BYTES = (
    1_000_000_000  # a story speaks ~5 MB of entries; unbounded, a newsroom's months fill a disk
)
# Trimmed down to this share of the limit, so a full cache is not trimmed again on every story.
TRIM_TO = 0.8
# What np.load and our checks raise for an entry that is empty, truncated, not an npz, or holds
# the wrong keys or values: EOFError (an empty file), BadZipFile (a truncated one), KeyError ...
_DAMAGED = (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, zipfile.BadZipFile)


def default_cache_dir() -> Path:
    """$XDG_CACHE_HOME/news60/speech, or ~/.cache/news60/speech."""
    return user_cache("speech")


class SpeechCache:
    """Spoken sentences on disk; counts hits and misses so a caller can tell what was re-spoken."""

    def __init__(self, folder: Path | None = None, limit_bytes: int = LIMIT_BYTES) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.limit_bytes = limit_bytes
        self.hits = 0
        self.misses = 0
        self._trimmed = False

    def speak(self, voice: Voice, name: str, rate: float, text: str) -> Speech:
        """`voice.speak(text)`, or the stored result of an earlier identical call."""
        cached = self.lookup(name, rate, text)
        if cached is not None:
            return cached
        speech = voice.speak(text)
        self.store(name, rate, text, speech)
        return speech

    def lookup(self, name: str, rate: float, text: str) -> Speech | None:
        """The stored speech of `text` by voice `name` at `rate`, or None (counted as a hit)."""
        path = self._path(name, rate, text)
        cached = _load(path, text)
        if cached is not None:
            self.hits += 1
            mark_used(path)
        return cached

    def store(self, name: str, rate: float, text: str, speech: Speech) -> None:
        """Keep what the voice said (counted as a miss: it had to be spoken)."""
        self.misses += 1
        if not self._trimmed:  # once per cache object: a make or a batch story, not every sentence
            self._trimmed = True
            trim(self.folder, self.limit_bytes)
        _store(self._path(name, rate, text), speech, text)

    def _path(self, name: str, rate: float, text: str) -> Path:
        return self.folder / f"{_key(name, rate, text)}.npz"


def _key(name: str, rate: float, text: str) -> str:
    data = json.dumps([FORMAT, name, round(rate, 4), text]).encode()
    return hashlib.sha256(data).hexdigest()[:32]


def _load(path: Path, text: str) -> Speech | None:
    """The entry at `path`, or None when there is none; a damaged one is removed with a warning."""
    try:
        return _read(path, text)
    except FileNotFoundError:
        return None
    except _DAMAGED as exc:
        log.warning(
            "speech cache entry %s is damaged (%s: %s): removed, speaking the sentence again",
            path,
            type(exc).__name__,
            exc,
        )
        _remove(path)
        return None


def _read(path: Path, text: str) -> Speech:
    """Read and check one entry; any damage raises one of _DAMAGED."""
    # A FIFO or device put where an entry belongs raises here (NotRegularFile), never hangs.
    with open_regular(path) as handle, np.load(handle) as data:
        if str(data["text"]) != text:
            raise ValueError("it holds another sentence")
        samples, rate = data["samples"], int(data["rate"])
        words = tuple(
            Word(str(t), float(s), float(e)) for t, s, e in json.loads(str(data["words"]))
        )
        phones = tuple(
            Phone(str(p), float(s), float(e)) for p, s, e in json.loads(str(data["phones"]))
        )
    if samples.ndim != 1 or samples.dtype.kind != "f" or rate <= 0:
        raise ValueError(f"samples {samples.dtype}{list(samples.shape)} at {rate} Hz")
    return Speech(samples.astype(np.float32), rate, words, phones)


def _store(path: Path, speech: Speech, text: str) -> None:
    words = json.dumps([[w.text, w.start, w.end] for w in speech.words])
    phones = json.dumps([list(p) for p in speech.phones])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _sweep(path.parent)
        with writing(path) as partial:
            np.savez(
                partial,
                samples=speech.samples,
                rate=speech.sample_rate,
                words=words,
                phones=phones,
                text=text,
            )
    except OSError as exc:  # a read-only cache only costs time
        log.warning(
            "could not write speech cache %s (%s): the sentence will be spoken again", path, exc
        )


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # a read-only cache: the entry stays, and is spoken afresh each time
        log.warning("could not remove damaged speech cache entry %s (%s)", path, exc)


def _sweep(folder: Path) -> None:
    """Remove partial entries left by jobs that died while writing them."""
    cutoff = time.time() - STALE_PARTIAL_S
    for partial in folder.glob(".*.partial-*.npz"):
        try:
            if partial.stat().st_mtime < cutoff:
                partial.unlink()
        except OSError:  # another job swept it first, or the cache is read-only
            continue


def trim(folder: Path, limit_bytes: int) -> int:
    """Once the cache passes `limit_bytes`, remove the entries used longest ago until it is
    within TRIM_TO of it; the number removed."""
    try:
        entries = [path for path in folder.glob("*.npz") if not path.name.startswith(".")]
    except OSError:  # no cache yet, or unreadable
        return 0
    removed = trim_files(entries, limit_bytes, down_to=TRIM_TO)
    if removed:
        log.info(
            "speech cache %s over %d MB: removed %d entries", folder, limit_bytes // 10**6, removed
        )
    return removed
