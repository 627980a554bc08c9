"""Real-time factor of each offline voice on the seed script, and narration's share of a render.

RTF = seconds spent synthesising / seconds of audio produced (lower is faster; < 1 is faster
than real time). The model load is timed apart. The share: one whole `make` of the seed with an
empty speech cache, timed stage by stage (narration includes the time fitting's re-narrations).
Run: python benchmarks/voice.py [article.txt] [--size 1080x1920] [--no-share]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from news60.script.sentences import split_sentences
from news60.settings import VoiceSettings
from news60.speech import piper_voice
from news60.speech.voices import DEFAULT, get_voice

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-article.txt"


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


def narration_share(article: Path, size: tuple[int, int]) -> None:
    """Time one whole make of `article`, with nothing cached, and print each stage's share."""
    from news60 import pipeline
    from news60.fingerprint import article_fingerprint
    from news60.outputs import STORY, write_outputs
    from news60.settings import load_settings
    from news60.stories import claim_story, discard, open_draft
    from news60.video.theme import load_theme

    with tempfile.TemporaryDirectory(prefix="news60-bench-") as tmp:
        os.environ["XDG_CACHE_HOME"] = tmp  # an empty speech cache: every sentence is spoken
        settings = load_settings(video={"width": size[0], "height": size[1]}, out=tmp)
        times = {}
        started = time.perf_counter()
        article = pipeline.read_source(str(article), settings)
        times["read the article"] = time.perf_counter() - started
        prints = article_fingerprint(article, settings)
        job = open_draft(claim_story(Path(tmp), article.title, "benchmark"), prints)
        mark = time.perf_counter()
        theme = load_theme(settings.video.theme)
        script, narration = pipeline.write_script(article, settings, theme, job.work)
        times["script + narration"] = time.perf_counter() - mark
        mark = time.perf_counter()
        write_outputs(STORY, script, narration, settings, theme, job)
        times["mix, video, mp3, captions"] = time.perf_counter() - mark
        discard(job)
    total = sum(times.values())
    print(
        f"\nwhole make at {size[0]}x{size[1]}: {total:.1f} s for {narration.duration:.1f} s of narration"
    )
    for stage, seconds in times.items():
        print(f"  {stage:28} {seconds:7.1f} s  {100 * seconds / total:5.1f} %")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=Path, default=SEED)
    parser.add_argument("--size", default="1080x1920", help="frame size for the share run")
    parser.add_argument("--no-share", action="store_true", help="only the real-time factors")
    args = parser.parse_args()
    texts = sentences(args.article)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} sentences, {words} words")
    print(f"{'voice':40} {'load s':>7} {'synth s':>8} {'audio s':>8} {'RTF':>6}")
    for name in offline_voices():
        load, synth, audio_s = measure(name, texts)
        print(f"{name:40} {load:7.2f} {synth:8.2f} {audio_s:8.2f} {synth / audio_s:6.3f}")
    if not args.no_share:
        width, height = (int(v) for v in args.size.split("x"))
        narration_share(args.article, (width, height))


if __name__ == "__main__":
    main()
