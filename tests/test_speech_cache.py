"""The speech cache heals itself and is safe under concurrent jobs (real Piper, real processes)."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time
import zipfile

import numpy as np
import pytest
from conftest import ROOT

from news60.atomic import writing
from news60.settings import VoiceSettings
from news60.speech.cache import SpeechCache
from news60.speech.voices import get_voice

NAME, RATE, TEXT = "piper:en_US-joe-medium", 1.0, "The bridge opens on Monday."


def npz_bytes(**fields) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **fields)
    return buffer.getvalue()


def good_fields(**changes) -> dict:
    fields = {
        "samples": np.zeros(100, dtype=np.float32),
        "rate": 22050,
        "words": json.dumps([["The", 0.0, 0.001]]),
        "phones": "[]",
        "text": TEXT,
    }
    return fields | changes


DAMAGE = {
    "empty file": b"",
    "truncated npz": npz_bytes(**good_fields())[:300],
    "not an npz": b"\x00garbage\xff" * 50,
    "missing keys": npz_bytes(samples=np.zeros(100, dtype=np.float32), rate=22050),
    "wrong words": npz_bytes(**good_fields(words="[1, 2]")),
    "stereo samples": npz_bytes(**good_fields(samples=np.zeros((100, 2), dtype=np.float32))),
    "another sentence": npz_bytes(**good_fields(text="Something else.")),
}


@pytest.fixture(scope="module")
def voice():
    return get_voice(VoiceSettings())


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_entry_is_removed_rebuilt_and_warned_about(tmp_path, voice, caplog, kind):
    cache = SpeechCache(tmp_path)
    cache.speak(voice, NAME, RATE, TEXT)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(DAMAGE[kind])
    with caplog.at_level(logging.WARNING, logger="news60.speech.cache"):
        speech = SpeechCache(tmp_path).speak(voice, NAME, RATE, TEXT)
    assert speech.duration > 0.5 and [w.text for w in speech.words][-1] == "Monday."
    assert "damaged" in caplog.text and entry.name in caplog.text
    again = SpeechCache(tmp_path)
    again.speak(voice, NAME, RATE, TEXT)
    assert (again.hits, again.misses) == (1, 0)  # the entry was rebuilt whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [entry.name]


def test_an_unwritable_cache_only_costs_time(tmp_path, voice, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")  # root ignores file modes
    cache = SpeechCache(blocker / "speech")
    with caplog.at_level(logging.WARNING, logger="news60.speech.cache"):
        first = cache.speak(voice, NAME, RATE, TEXT)
        second = cache.speak(voice, NAME, RATE, TEXT)
    assert first.duration > 0.5 and second.duration > 0.5
    assert (cache.hits, cache.misses) == (0, 2)
    assert "could not write speech cache" in caplog.text


def test_two_writers_of_one_file_never_share_a_partial(tmp_path):
    dest = tmp_path / "entry.npz"
    with writing(dest) as first, writing(dest) as second:
        assert first != second and first.suffix == second.suffix == ".npz"
        first.write_bytes(b"one")
        second.write_bytes(b"two")
    assert dest.read_bytes() in (b"one", b"two") and list(tmp_path.iterdir()) == [dest]


JOB = """
import sys, time
from pathlib import Path
from news60.models import Scene, Script
from news60.settings import VoiceSettings
from news60.speech.cache import SpeechCache
from news60.speech.narration import narrate
from news60.speech.voices import get_voice

get_voice(VoiceSettings()).speak("Warming up.")  # load the model before the start line
print("ready", flush=True)
go, cache, work = (Path(a) for a in sys.argv[1:4])
while not go.exists():
    time.sleep(0.002)
script = Script("Bridge", (Scene("The bridge opens on Monday. Tolls start in May.", "Bridge"),
                           Scene("Drivers will pay two pounds.", "Tolls")))
spoken = SpeechCache(cache)
narration = narrate(script, VoiceSettings(), work, cache=spoken)
print(len(narration.sentences), spoken.misses)
"""


def test_two_processes_narrating_the_same_sentences_at_once_both_succeed(tmp_path):
    go, cache = tmp_path / "go", tmp_path / "cache"
    jobs = [
        subprocess.Popen(
            [sys.executable, "-c", JOB, str(go), str(cache), str(tmp_path / f"job{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for i in range(2)
    ]
    assert [job.stdout.readline().strip() for job in jobs] == ["ready", "ready"]
    go.touch()  # both start speaking the same three sentences into one cache now
    outputs = [job.communicate(timeout=120) for job in jobs]
    for job, (out, err) in zip(jobs, outputs, strict=True):
        assert job.returncode == 0, err
        sentences = out.split()[-2]
        assert sentences == "3" and "Traceback" not in err and "damaged" not in err
    print("misses (sentences each job spoke itself):", [o.split()[-1] for o, _ in outputs])
    entries = sorted(cache.iterdir())
    assert len(entries) == 3 and not [p for p in entries if p.name.startswith(".")]
    for entry in entries:
        with np.load(entry) as data, zipfile.ZipFile(entry) as archive:
            assert archive.testzip() is None and data["samples"].size > 10_000


def test_the_cli_heals_damaged_entries_instead_of_aborting(tmp_path):
    story = tmp_path / "story.json"
    story.write_text(json.dumps({"title": "Bridge opens", "scenes": [{"text": TEXT}]}))
    env = os.environ | {"XDG_CACHE_HOME": str(tmp_path / "xdg")}
    args = [sys.executable, "-m", "news60", "render", str(story), "--size", "160x284"]
    args += ["--fps", "10", "--out", str(tmp_path / "out"), "--force"]

    def render() -> subprocess.CompletedProcess:
        return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)

    assert render().returncode == 0
    entries = sorted((tmp_path / "xdg" / "news60" / "speech").glob("*.npz"))
    assert entries  # the sentence, the title for the audio summary ...
    for index, entry in enumerate(entries):  # an empty file is what click turned into "Aborted!"
        entry.write_bytes(DAMAGE["empty file" if index % 2 == 0 else "truncated npz"])
    healed = render()
    assert healed.returncode == 0, healed.stderr
    assert healed.stderr.count("is damaged") == len(entries)
    assert "Aborted" not in healed.stderr and "Traceback" not in healed.stderr
    clean = render()
    assert clean.returncode == 0 and "damaged" not in clean.stderr


def test_a_cache_over_its_limit_removes_the_sentences_used_longest_ago(tmp_path, voice):
    texts = [f"The bridge opens on day {n}." for n in range(1, 6)]
    filling = SpeechCache(tmp_path)
    for text in texts:
        filling.speak(voice, NAME, RATE, text)
    paths = [filling._path(NAME, RATE, text) for text in texts]
    sizes = {path: path.stat().st_size for path in paths}
    for age, path in enumerate(reversed(paths)):  # written ten minutes apart, day 1 the oldest
        then = time.time() - 600 * (age + 1)
        os.utime(path, (then, then))
    assert SpeechCache(tmp_path).lookup(NAME, RATE, texts[0]) is not None  # day 1 used again now
    limit = sum(sizes.values()) - 1  # one byte over the limit: the next story's first miss trims
    trimming = SpeechCache(tmp_path, limit_bytes=limit)
    trimming.speak(voice, NAME, RATE, "The ferry resumes on Friday.")
    gone = [path for path in paths if not path.exists()]
    assert gone == paths[1 : 1 + len(gone)], "the least recently used go first: days 2, 3, ..."
    left = sum(size for path, size in sizes.items() if path.exists())
    assert left <= limit * 0.8 < left + sizes[gone[-1]], "trimmed to 80 %, no further"
    assert trimming.lookup(NAME, RATE, "The ferry resumes on Friday.") is not None
