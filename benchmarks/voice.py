"""Real-time factor of each offline voice on a fixed script: seed article paragraphs 5-10.

RTF = seconds spent synthesising / seconds of audio produced (lower is faster; < 1 is faster
than real time). The model load is timed apart. Run: python benchmarks/voice.py [article.txt]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from news60.script.sentences import split_sentences
from news60.settings import VoiceSettings
from news60.speech import piper_voice
from news60.speech.voices import DEFAULT, get_voice

SEED = Path("/work/shared/data/seed/article.txt")


def sentences(article: Path) -> list[str]:
    paragraphs = [p for p in article.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return split_sentences("\n\n".join(paragraphs[4:10]))


def offline_voices() -> list[str]:
    return [DEFAULT, *(f"piper:{p}" for p in piper_voice.installed_models())]


def measure(name: str, texts: list[str]) -> tuple[float, float, float]:
    """(load seconds, synthesis seconds, audio seconds) for one voice over `texts`."""
    voice = get_voice(VoiceSettings(name=name))
    started = time.perf_counter()
    voice.speak("Warm up.")  # the first call loads the model
    loaded = time.perf_counter()
    audio_s = sum(voice.speak(text).duration for text in texts)
    return loaded - started, time.perf_counter() - loaded, audio_s


def main() -> None:
    texts = sentences(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} sentences, {words} words")
    print(f"{'voice':40} {'load s':>7} {'synth s':>8} {'audio s':>8} {'RTF':>6}")
    for name in offline_voices():
        load, synth, audio_s = measure(name, texts)
        print(f"{name:40} {load:7.2f} {synth:8.2f} {audio_s:8.2f} {synth / audio_s:6.3f}")


if __name__ == "__main__":
    main()
