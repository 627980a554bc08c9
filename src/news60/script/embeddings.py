"""Sentence embeddings from the bundled all-MiniLM-L6-v2 model.

Every vector is kept in a disk cache by text, so a story seen before (a re-run, `render` of its
story.json, a correction that changes a few sentences) is embedded without loading the model;
the model is loaded at most once per process, and only for texts the cache does not hold.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import zipfile
from pathlib import Path

import numpy as np

from news60.atomic import writing
from news60.localfiles import open_regular
from news60.resources import user_cache
from news60.script.minilm import Encoder, load_encoder

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the encoder changes what it returns, so old vectors are not reused
SIZE = 384  # all-MiniLM-L6-v2's vectors
THREADS = 2  # the encoder's threads: a short stage; more would contend with a neighbour's render
# What np.load raises for an empty, truncated or foreign entry.
_DAMAGED = (OSError, EOFError, ValueError, zipfile.BadZipFile)


def embed(texts: list[str]) -> np.ndarray:
    """Return one L2-normalised MiniLM embedding per text, shape (len(texts), 384)."""
    if not texts:
        return np.zeros((0, SIZE), dtype=np.float32)
    folder = user_cache("embeddings")
    stored = {text: _load(_entry(folder, text)) for text in dict.fromkeys(texts)}
    known = {text: vector for text, vector in stored.items() if vector is not None}
    missing = [text for text in stored if text not in known]
    if missing:
        for text, vector in zip(missing, encoder().encode(missing), strict=True):
            known[text] = vector
            _store(_entry(folder, text), vector)
    return np.stack([known[text] for text in texts])


@functools.cache
def encoder() -> Encoder:
    """The MiniLM encoder, loaded once per process on first use (until `unload`)."""
    global _loads
    _loads += 1
    return load_encoder(THREADS)


_loads = 0  # loads in this process: a cached story's render adds none


def model_loaded() -> bool:
    """Whether the model is in this process's memory now."""
    return encoder.cache_info().currsize > 0


def model_loads() -> int:
    """How many times this process has loaded the model."""
    return _loads


def unload() -> None:
    """Let the model go (about 170 MiB): the next `embed` that misses the cache loads it again."""
    encoder.cache_clear()


def _entry(folder: Path, text: str) -> Path:
    key = hashlib.sha256(f"{FORMAT}\0{text}".encode()).hexdigest()[:32]
    return folder / key[:2] / f"{key}.npy"


def _load(path: Path) -> np.ndarray | None:
    """The stored vector, or None when there is none or it is damaged (then it is computed again);
    an entry that is not a regular file (a FIFO would block the read) counts as damaged."""
    try:
        with open_regular(path) as handle:
            vector: np.ndarray = np.load(handle, allow_pickle=False)
    except FileNotFoundError:
        return None
    except _DAMAGED as exc:
        log.warning("embedding cache entry %s is damaged (%s): computing it again", path, exc)
        return None
    if vector.shape != (SIZE,) or vector.dtype != np.float32:
        log.warning(
            "embedding cache entry %s holds %s %s: computing it again",
            path,
            vector.dtype,
            vector.shape,
        )
        return None
    return vector


def _store(path: Path, vector: np.ndarray) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with writing(path) as partial:
            np.save(partial, vector.astype(np.float32), allow_pickle=False)
    except OSError as exc:  # a read-only cache only costs time
        log.warning("could not write embedding cache %s (%s)", path, exc)
