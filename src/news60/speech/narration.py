"""The narration track: every sentence spoken, placed with natural pauses, timed and normalised."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from news60.errors import VoiceError
from news60.models import Narration, Script, SpokenSentence, Word
from news60.settings import VoiceSettings
from news60.speech import audio, loudness, timing
from news60.speech.audio import RATE
from news60.speech.cache import SpeechCache
from news60.speech.speech import DEFAULT, Speech
from news60.speech.voices import canonical_name, get_voice

if TYPE_CHECKING:
    from news60.script.speakable import Speakable

log = logging.getLogger(__name__)

SENTENCE_PAUSE = 0.35  # seconds between sentences of one scene
SCENE_PAUSE = 0.7  # seconds between scenes
TAIL = 0.25  # silence after the last word

# A plain news paragraph, the yardstick for words per second.
REFERENCE = (
    "The city council approved a new budget on Tuesday after a long debate. "
    "It includes more money for schools, roads and public transport. "
    "Officials said the plan would create about two thousand jobs over the next three years. "
    "Critics warned that rising costs could force cuts elsewhere. "
    "A final vote is expected next month."
)


@dataclass(frozen=True)
class _Line:
    scene: int
    text: str  # as displayed
    spoken: Speakable  # as handed to the voice, with the shown word each spoken word says


@dataclass(frozen=True)
class Spoken:
    """A script's sentences spoken and trimmed, not yet laid end to end: what fitting measures.
    Its duration and scene spans are exactly those of the narration `record` makes of it."""

    lines: tuple[_Line, ...]
    speeches: tuple[Speech, ...]
    voice: str
    notes: tuple[str, ...] = ()

    @property
    def duration(self) -> float:
        return (_spans(self.lines, self.speeches)[-1][1] + _samples(TAIL)) / RATE

    def scene_span(self, scene: int) -> tuple[float, float]:
        """When the scene's first sentence starts and its last ends, in seconds."""
        spans = _spans(self.lines, self.speeches)
        inside = [span for line, span in zip(self.lines, spans, strict=True) if line.scene == scene]
        return inside[0][0] / RATE, inside[-1][1] / RATE


def narrate(
    script: Script,
    settings: VoiceSettings,
    workdir: Path,
    *,
    cache_dir: Path | None = None,
    cache: SpeechCache | None = None,
) -> Narration:
    """Speak the script sentence by sentence into workdir/narration.wav (48 kHz, -14 LUFS)."""
    cache = cache or SpeechCache(cache_dir, settings.cache_bytes)
    return record(speak_script(script, settings, cache), workdir)


def speak_script(script: Script, settings: VoiceSettings, cache: SpeechCache) -> Spoken:
    """Every sentence of the script spoken (or taken from the cache) and trimmed."""
    lines = _lines(script)
    if not lines:
        raise VoiceError("the script has no sentences to speak: add text to its scenes")
    hits, misses = cache.hits, cache.misses
    name, speeches, notes = speak_all([line.spoken.said for line in lines], settings, cache)
    log.info(
        "spoke %d sentences (%d timed by the voice's alignment), cache %d hit(s), %d miss(es)",
        len(lines),
        sum(speech.aligned for speech in speeches),
        cache.hits - hits,
        cache.misses - misses,
    )
    return Spoken(tuple(lines), tuple(speeches), name, notes)


def record(spoken: Spoken, workdir: Path) -> Narration:
    """Lay the sentences end to end with pauses, normalise, and write workdir/narration.wav."""
    samples, sentences = _assemble(spoken.lines, spoken.speeches)
    samples = loudness.normalise(samples, RATE)
    workdir.mkdir(parents=True, exist_ok=True)
    wav = audio.write_wav(workdir / "narration.wav", samples, RATE)
    return Narration(wav, len(samples) / RATE, sentences, spoken.voice, RATE, spoken.notes)


def speak_all(
    texts: Sequence[str], settings: VoiceSettings, cache: SpeechCache
) -> tuple[str, list[Speech], tuple[str, ...]]:
    """Trimmed speech for every text, with `settings.name` or else `settings.fallback`."""
    name = canonical_name(settings.name)
    try:
        return name, _speak(texts, name, settings, cache), ()
    except VoiceError as exc:
        backup = canonical_name(settings.fallback) if settings.fallback else None
        if backup is None or backup == name:
            raise
        reason = getattr(exc, "reason", str(exc))
        log.warning("%s failed (%s); falling back to %s", name, reason, backup)
        note = f"{name} unavailable ({reason}); narrated with {backup}"
        return backup, _speak(texts, backup, replace(settings, name=backup), cache), (note,)


# speaking_rate of the bundled voice at its own rate, as measured: Piper's noise is fixed
# (piper_noise), so the measure is exact, and a first run need not speak the paragraph (3 s)
# before the story; tests/test_speech_narration.py measures it again.
MEASURED_PACE = {DEFAULT: 2.905}


@functools.cache
def speaking_rate(settings: VoiceSettings, cache_dir: Path | None = None) -> float:
    """Words per second of this voice on a fixed news paragraph, pauses included."""
    known = MEASURED_PACE.get(canonical_name(settings.name))
    if known is not None and settings.rate == 1.0:
        return known
    return measure_pace(settings, cache_dir)


def measure_pace(settings: VoiceSettings, cache_dir: Path | None = None) -> float:
    """speaking_rate measured: the voice speaks REFERENCE (or its sentences come from the cache)."""
    from news60.script.sentences import split_sentences

    texts = split_sentences(REFERENCE)
    speakable = speakable_function()
    _, speeches, _ = speak_all(
        [speakable(t).said for t in texts], settings, SpeechCache(cache_dir, settings.cache_bytes)
    )
    seconds = sum(s.duration for s in speeches) + SENTENCE_PAUSE * (len(speeches) - 1)
    return round(len(REFERENCE.split()) / seconds, 3)


def _speak(
    texts: Sequence[str], name: str, settings: VoiceSettings, cache: SpeechCache
) -> list[Speech]:
    """Every text trimmed, from the cache or else spoken (each distinct text once)."""
    cached = {text: cache.lookup(name, settings.rate, text) for text in dict.fromkeys(texts)}
    found = {text: speech for text, speech in cached.items() if speech is not None}
    missing = [text for text in cached if text not in found]
    if missing:
        voice = get_voice(settings)
        for text in missing:
            speech = voice.speak(text)
            cache.store(name, settings.rate, text, speech)
            found[text] = speech
    return [timing.trim(found[text]) for text in texts]


def _lines(script: Script) -> list[_Line]:
    from news60.script.sentences import split_sentences

    speakable = speakable_function()
    return [
        _Line(index, sentence, speakable(sentence))
        for index, scene in enumerate(script.scenes)
        for sentence in split_sentences(scene.text)
    ]


def speakable_function() -> Callable[[str], Speakable]:
    """The script stage's speech-ready rewrite: numbers, abbreviations, the pronunciation lexicon."""
    from news60.script.speakable import Speakable, load_lexicon, speakable

    lexicon = load_lexicon()

    def rewrite(sentence: str) -> Speakable:
        spoken = speakable(sentence, lexicon=lexicon)
        return spoken if spoken.said else Speakable.verbatim(sentence)  # all asides: read it all

    return rewrite


def _assemble(
    lines: Sequence[_Line], speeches: Sequence[Speech]
) -> tuple[np.ndarray, tuple[SpokenSentence, ...]]:
    """Lay the sentences end to end with pauses; return the samples and each sentence's times."""
    spans = _spans(lines, speeches)
    samples = np.zeros(spans[-1][1] + _samples(TAIL), dtype=np.float32)
    sentences: list[SpokenSentence] = []
    for line, speech, (first, last) in zip(lines, speeches, spans, strict=True):
        samples[first:last] = audio.resample(speech.samples, speech.sample_rate)
        start, end = first / RATE, last / RATE
        words = _display_words(line, speech, start)
        sentences.append(
            SpokenSentence(line.text, line.scene, round(start, 3), round(end, 3), words)
        )
    return samples, tuple(sentences)


def _spans(lines: Sequence[_Line], speeches: Sequence[Speech]) -> list[tuple[int, int]]:
    """Where each sentence starts and ends on the narration's clock, in samples at RATE."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for index, (line, speech) in enumerate(zip(lines, speeches, strict=True)):
        if index:
            pause = SCENE_PAUSE if line.scene != lines[index - 1].scene else SENTENCE_PAUSE
            cursor += _samples(pause)
        length = audio.resampled_length(len(speech.samples), speech.sample_rate)
        spans.append((cursor, cursor + length))
        cursor += length
    return spans


def _samples(seconds: float) -> int:
    return int(round(seconds * RATE))


def _display_words(line: _Line, speech: Speech, offset: float) -> tuple[Word, ...]:
    """The displayed words timed by the spoken words they own, shifted to the sentence's start."""
    spoken = line.spoken
    if len(speech.words) == len(spoken.owners):
        return timing.shown_words(spoken.shown, spoken.owners, speech.words, offset)
    audible = (offset, offset + speech.duration)  # a voice that timed other words than it was given
    return timing.apportion(spoken.shown, *audible)
