"""Same source, same settings, same clip: `make`, a local batch worker and a cluster worker give
the same script.json and the same durations, to the frame, with a warm or a cold speech cache.
(The voice drew fresh noise for every sentence: the same article made 56.5 s once, 59.5 s next.)"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from batchkit import SCRAPES, TINY, run_batch, scrape
from conftest import ffprobe, run_news60, stream

from news60.batch.localhost import local_scheduler
from news60.settings import VoiceSettings
from news60.speech.piper_noise import noise_table
from news60.speech.voices import get_voice


def test_the_voice_says_a_sentence_the_same_way_every_time():
    voice = get_voice(VoiceSettings())
    text = "The city council approved a new budget on Tuesday after a long debate."
    first = voice.speak(text)
    voice.speak("Critics warned that rising costs could force cuts elsewhere.")
    again = voice.speak(text)
    assert np.array_equal(first.samples, again.samples) and first.words == again.words


def test_the_noise_table_is_standard_normal_and_fixed():
    table = noise_table(1 << 16)
    assert abs(float(table.mean())) < 0.02 and abs(float(table.std()) - 1) < 0.02
    assert np.array_equal(table[:1000], noise_table(1000))


def made(out: Path) -> dict:
    """What must not differ: every scene's words, the speed, the durations and the frame count."""
    (version,) = out.glob("*/v1")
    manifest = json.loads((version / "manifest.json").read_text())
    script = json.loads((version / "script.json").read_text())
    video = stream(ffprobe(version / "clip.mp4"), "video")
    return {
        "scenes": [(s["text"], s["caption"]) for s in script["scenes"]],
        "rate": script["rate"],
        "duration": manifest["duration"],
        "frames": int(video["nb_frames"]),
    }


@pytest.mark.slow
def test_make_a_local_worker_and_a_cluster_worker_make_the_same_clip(tmp_path, monkeypatch):
    article = tmp_path / "story.txt"
    article.write_text(scrape(SCRAPES[0]), encoding="utf-8")
    results = {}

    def make(name: str, cache: str) -> None:
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / cache)}
        done = run_news60("make", str(article), "--out", str(tmp_path / name), *TINY, env=env)
        assert done.returncode == 0, done.stderr
        results[name] = made(tmp_path / name)

    make("make-cold", "cache-1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-1"))  # the worker's cache is warm
    code, _, stderr = run_batch(
        str(article), "--out", str(tmp_path / "local"), "--workers", "1", *TINY
    )
    assert code == 0, stderr
    results["local-worker-warm"] = made(tmp_path / "local")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-2"))  # this one starts cold
    with local_scheduler(tmp_path / "cluster", workers=1) as address:
        code, _, stderr = run_batch(
            str(article), "--out", str(tmp_path / "remote"), "--cluster", address, *TINY
        )
    assert code == 0, stderr
    results["cluster-worker-cold"] = made(tmp_path / "remote")
    first = results["make-cold"]
    assert len(first["scenes"]) >= 2 and first["duration"] > 15  # fitted to --seconds 20
    for name, result in results.items():
        assert result == first, name
