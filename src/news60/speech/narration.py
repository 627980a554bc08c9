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
from news60.speech.speech import Speech
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


def narrate(
    script: Script,
    settings: VoiceSettings,
    workdir: Path,
    *,
    cache_dir: Path | None = None,
    cache: SpeechCache | None = None,
) -> Narration:
    """Speak the script sentence by sentence into workdir/narration.wav (48 kHz, -14 LUFS)."""
    lines = _lines(script)
    if not lines:
        raise VoiceError("the script has no sentences to speak: add text to its scenes")
    cache = cache or SpeechCache(cache_dir)
    name, speeches, notes = speak_all([line.spoken.said for line in lines], settings, cache)
    samples, sentences = _assemble(lines, speeches)
    samples = loudness.normalise(samples, RATE)
    workdir.mkdir(parents=True, exist_ok=True)
    wav = audio.write_wav(workdir / "narration.wav", samples, RATE)
    log.info(
        "narration: %d sentences (%d timed by the voice's alignment), cache %d hit(s), %d miss(es)",
        len(lines),
        sum(speech.aligned for speech in speeches),
        cache.hits,
        cache.misses,
    )
    return Narration(wav, len(samples) / RATE, sentences, name, RATE, notes)


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


@functools.cache
def speaking_rate(settings: VoiceSettings, cache_dir: Path | None = None) -> float:
    """Words per second of this voice on a fixed news paragraph, pauses included."""
    from news60.script.sentences import split_sentences

    texts = split_sentences(REFERENCE)
    speakable = speakable_function()
    _, speeches, _ = speak_all([speakable(t).said for t in texts], settings, SpeechCache(cache_dir))
    seconds = sum(s.duration for s in speeches) + SENTENCE_PAUSE * (len(speeches) - 1)
    return round(len(REFERENCE.split()) / seconds, 3)


def _speak(
    texts: Sequence[str], name: str, settings: VoiceSettings, cache: SpeechCache
) -> list[Speech]:
    voice = get_voice(settings)
    return [timing.trim(cache.speak(voice, name, settings.rate, text)) for text in texts]


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
    pieces: list[np.ndarray] = []
    sentences: list[SpokenSentence] = []
    cursor = 0
    for index, (line, speech) in enumerate(zip(lines, speeches, strict=True)):
        if index:
            pause = SCENE_PAUSE if line.scene != lines[index - 1].scene else SENTENCE_PAUSE
            pieces.append(np.zeros(int(round(pause * RATE)), dtype=np.float32))
            cursor += len(pieces[-1])
        pieces.append(audio.resample(speech.samples, speech.sample_rate))
        start, end = cursor / RATE, (cursor + len(pieces[-1])) / RATE
        words = _display_words(line, speech, start)
        sentences.append(
            SpokenSentence(line.text, line.scene, round(start, 3), round(end, 3), words)
        )
        cursor += len(pieces[-1])
    pieces.append(np.zeros(int(TAIL * RATE), dtype=np.float32))
    return np.concatenate(pieces), tuple(sentences)


def _display_words(line: _Line, speech: Speech, offset: float) -> tuple[Word, ...]:
    """The displayed words timed by the spoken words they own, shifted to the sentence's start."""
    spoken = line.spoken
    if len(speech.words) == len(spoken.owners):
        return timing.shown_words(spoken.shown, spoken.owners, speech.words, offset)
    audible = (offset, offset + speech.duration)  # a voice that timed other words than it was given
    return timing.apportion(spoken.shown, *audible)
