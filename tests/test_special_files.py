"""Regular files only: a FIFO (or a device, or a folder) wherever news60 expects a file is refused
at once with one `Error!` line naming it, never waited on; in the speech cache it is replaced by
speaking the sentence again. Every run here has a timeout: a hang fails the test."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, SEED, TINY, run_news60
from PIL import Image

from news60.errors import CredentialsError
from news60.settings import PublishSettings, VoiceSettings

CLEAN = ROOT / "tests" / "data" / "articles" / "clean-article.txt"
TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
QUICK = 60  # seconds: every refusal here comes before any narration


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def refused(*args: str, cwd: Path = ROOT) -> str:
    """`news60 ARGS` fails within QUICK seconds with one `Error!` line; that line."""
    started = time.monotonic()
    done = run_news60(*args, cwd=cwd, timeout=QUICK)
    assert done.returncode == 1, (done.returncode, done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error! ")]
    assert len(errors) == 1 and done.stderr.strip().endswith(errors[0]), done.stderr
    assert time.monotonic() - started < QUICK
    return errors[0]


def test_a_fifo_among_the_photos_stops_make_naming_it(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    Image.new("RGB", (640, 480), "teal").save(photos / "harbour.jpg")
    fifo(photos / "live.jpg")
    out = tmp_path / "out"
    line = refused("make", str(CLEAN), "--out", str(out), "--photos", str(photos), *TINY_FLAGS)
    assert "live.jpg" in line and "named pipe" in line and "--skip-missing-photos" in line
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]


def test_a_fifo_for_photo_credits_is_refused(tmp_path):
    photos = tmp_path / "photos"
    photos.mkdir()
    Image.new("RGB", (640, 480), "teal").save(photos / "harbour.jpg")
    fifo(photos / "photos.json")
    line = refused("make", str(CLEAN), "--out", str(tmp_path / "out"), "--photos", str(photos))
    assert "photos.json" in line and "named pipe" in line


@pytest.mark.parametrize(
    ("command", "name", "words"),
    [
        (["extract"], "article.txt", ("article file", "named pipe")),
        (["render"], "story.json", ("story file", "named pipe", "news60 script")),
        (["verify"], "clip.mp4", ("clip.mp4", "named pipe", "clip or MP3")),
        (["--config"], "news60.toml", ("config file", "named pipe")),
    ],
)
def test_a_fifo_given_as_the_file_is_refused(tmp_path, command, name, words):
    path = fifo(tmp_path / name)
    args = [*command, str(path)] + (["voices"] if command == ["--config"] else [])
    line = refused(*args)
    for word in words:
        assert word in line, line


def test_a_fifo_in_a_version_folder_given_to_verify_is_refused(tmp_path):
    fifo(tmp_path / "v1" / "clip.mp4")
    assert "named pipe" in refused("verify", str(tmp_path / "v1"))


def test_a_fifo_given_to_trust_is_refused(tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\0" * 64)
    line = refused("verify", str(clip), "--trust", str(fifo(tmp_path / "ca.pem")))
    assert "--trust" in line and "named pipe" in line


def test_a_fifo_for_a_saved_sign_in_is_refused(tmp_path):
    from news60.publish.tokens import load_token

    settings = PublishSettings(config_dir=tmp_path)
    fifo(tmp_path / "tiktok-token.json")
    with pytest.raises(CredentialsError, match="named pipe.*news60 auth"):
        load_token(settings, "tiktok")


def test_a_fifo_in_the_speech_cache_is_spoken_again(tmp_path):
    """A cache entry that is a FIFO is treated as damaged: removed, and the sentence spoken."""
    from news60.speech.cache import SpeechCache, _key
    from news60.speech.voices import get_voice

    voice, text = get_voice(VoiceSettings()), "The council met on Tuesday."
    cache = SpeechCache(tmp_path / "cache")
    entry = fifo(tmp_path / "cache" / f"{_key('piper:en_US-joe-medium', 1.0, text)}.npz")
    spoken = []
    worker = threading.Thread(
        target=lambda: spoken.append(cache.speak(voice, "piper:en_US-joe-medium", 1.0, text)),
        daemon=True,
    )
    worker.start()
    worker.join(QUICK)
    assert not worker.is_alive(), "the cache waited on a FIFO"
    assert spoken[0].duration > 0.5 and (cache.hits, cache.misses) == (0, 1)
    assert entry.is_file()  # the FIFO was removed and a real entry written in its place
    assert cache.speak(voice, "piper:en_US-joe-medium", 1.0, text).duration == spoken[0].duration


def test_a_fifo_in_the_embedding_cache_is_computed_again(tmp_path, monkeypatch, caplog):
    """An embedding cache entry that is a FIFO is damaged: read at once, computed, replaced."""
    from news60.script import embeddings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "The council met on Tuesday."
    entry = fifo(embeddings._entry(tmp_path / "news60" / "embeddings", text))
    found = []
    worker = threading.Thread(target=lambda: found.append(embeddings.embed([text])), daemon=True)
    worker.start()
    worker.join(QUICK)
    assert not worker.is_alive(), "the embedding cache waited on a FIFO"
    assert found[0].shape == (1, embeddings.SIZE) and "damaged" in caplog.text
    assert entry.is_file()  # a real entry written in the FIFO's place
    assert np.array_equal(embeddings.embed([text]), found[0])


def test_a_folder_of_articles_leaves_out_a_fifo(tmp_path):
    from news60.sources.listing import read_folder

    (tmp_path / "a.txt").write_text(SEED.read_text())
    fifo(tmp_path / "b.txt")
    assert [Path(e.source).name for e in read_folder(tmp_path)] == ["a.txt"]


def test_photo_check_names_a_fifo_and_a_folder(tmp_path):
    from news60.photocheck import photo_problem

    assert photo_problem(str(fifo(tmp_path / "a.jpg")), 80_000_000) == (
        "a named pipe (FIFO), not a file"
    )
    (tmp_path / "b.jpg").mkdir()
    assert photo_problem(str(tmp_path / "b.jpg"), 80_000_000) == "a folder, not a file"
    assert photo_problem(str(tmp_path / "a\0.jpg"), 80_000_000) == "its name has a NUL byte"
