"""Bad input never goes to air: a clear error (never a traceback, never a wrong clip with exit 0),
checked before any work, with nothing left behind; interruptions clean up after themselves."""

from __future__ import annotations

import json
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from conftest import ROOT, SEED, TINY, run_news60
from PIL import Image

from news60.script.storyfile import load_story

TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
CLEAN = ROOT / "tests" / "data" / "articles" / "clean-article.txt"


def news60(*args: str, cwd: Path = ROOT, timeout: float = 300) -> subprocess.CompletedProcess:
    return run_news60(*args, cwd=cwd, timeout=timeout)


def refused(done: subprocess.CompletedProcess, *words: str) -> str:
    """The run failed with one `Error!` line holding every word."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("Error! "), done.stderr
    for word in words:
        assert word in line, line
    return line


def stories(out: Path) -> list[Path]:
    return (
        sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))
        if out.exists()
        else []
    )


def photo(path: Path, size=(640, 480), colour=(200, 40, 40)) -> Path:
    Image.new("RGB", size, colour).save(path)
    return path


# Wrong output with exit 0, now refused -------------------------------------------------------


def test_a_cms_export_cut_short_is_an_error_naming_line_and_column(tmp_path):
    export = ROOT / "tests" / "data" / "articles" / "cms-export.json"
    cut = tmp_path / "export.json"
    cut.write_text(export.read_text()[:-40])
    line = refused(news60("make", str(cut), "--out", str(tmp_path / "out")), "not valid JSON")
    assert "line" in line and "column" in line
    assert stories(tmp_path / "out") == []


@pytest.mark.parametrize(
    ("flags", "words"),
    [
        (["--seconds", "600"], ("--seconds 600", "15 to 180")),
        (["--seconds", "nan"], ("--seconds nan",)),
        (["--seconds", "inf"], ("--seconds inf",)),
        (["--fps", "1000"], ("fps 1000", "10 to 60")),
        (["--fps", "0"], ("fps 0",)),
        (["--size", "99998x99998"], ("99998x99998", "4096")),
        (["--music", "/nonexistent/bed.mp3"], ("--music", "--music none")),
        (["--voice", "espeak:en"], ("unknown voice",)),
    ],
)
def test_impossible_options_are_refused_before_any_work(tmp_path, flags, words):
    started = time.monotonic()
    done = news60("make", str(SEED), "--out", str(tmp_path / "out"), *flags)
    refused(done, *words)
    assert time.monotonic() - started < 20  # no narration, no render
    assert stories(tmp_path / "out") == []


def test_music_that_is_not_audio_is_refused_before_narration(tmp_path):
    fake = tmp_path / "bed.mp3"
    fake.write_text("not audio at all")
    done = news60("make", str(SEED), "--out", str(tmp_path / "out"), "--music", str(fake))
    refused(done, "--music", "not audio")


def test_long_clips_are_allowed_with_a_warning(tmp_path):
    from news60.settings import load_settings

    assert load_settings(script={"seconds": 90}).script.seconds == 90


@pytest.mark.parametrize(
    ("config", "words"),
    [
        (None, ("not found", "--config")),
        ("x = [", ("not valid TOML",)),
        ("[video]\nfoo = 1\n", ("unknown setting 'foo'",)),
        ("[video]\nfps = 'fast'\n", ("'fps'", "int")),
    ],
)
@pytest.mark.parametrize("command", [["voices"], ["extract", str(SEED)], ["make", str(SEED)]])
def test_every_config_problem_is_one_line_on_every_command(tmp_path, config, words, command):
    path = tmp_path / "news60.toml"
    if config is not None:
        path.write_text(config)
    refused(news60("--config", str(path), *command), *words)


def test_an_unknown_story_format_is_refused(tmp_path):
    story = tmp_path / "story.json"
    story.write_text(
        json.dumps({"format": "news60/story@9", "title": "T", "scenes": [{"text": "A."}]})
    )
    refused(
        news60("render", str(story), "--out", str(tmp_path / "out")), "story@9", "news60 script"
    )


def test_a_utf16_story_file_reads_like_utf8(tmp_path):
    story = tmp_path / "story.json"
    data = {"title": "Café council", "scenes": [{"text": "The café reopened."}]}
    story.write_bytes(json.dumps(data, ensure_ascii=False).encode("utf-16"))
    assert load_story(story).scenes[0].text == "The café reopened."


def test_script_into_a_missing_folder_fails_before_the_work(tmp_path):
    started = time.monotonic()
    done = news60("script", str(SEED), "-o", str(tmp_path / "missing" / "story.json"))
    refused(done, "does not exist")
    assert time.monotonic() - started < 10


def test_an_output_folder_in_the_way_of_a_file_is_named(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file")
    refused(news60("make", str(CLEAN), "--out", str(blocker / "day"), *TINY_FLAGS), "--out")


def test_a_story_far_too_long_fails_before_narration(tmp_path):
    story = tmp_path / "story.json"
    scene = " ".join(["The council met again on Tuesday to discuss the budget."] * 300)
    story.write_text(json.dumps({"title": "Budget", "scenes": [{"text": scene}]}))
    started = time.monotonic()
    refused(news60("render", str(story), "--out", str(tmp_path / "out")), "cut about", "scene 1")
    assert time.monotonic() - started < 30


# Photos a producer named -------------------------------------------------------------------


def bomb_png(path: Path, side: int = 20000) -> Path:
    """A small PNG whose header claims side x side pixels (a decompression bomb)."""
    raw = zlib.compress(b"\x00" * 64)
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    )
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: photo(p / "tiny.png", (1, 1)), ("tiny.png", "too small")),
        (lambda p: bomb_png(p / "bomb.png"), ("bomb.png", "pixel limit")),
        (
            lambda p: (
                (p / "cut.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40) and p / "cut.jpg"
            ),
            ("cut.jpg",),
        ),
    ],
)
def test_a_named_photo_that_cannot_be_shown_stops_the_job(tmp_path, make, words):
    folder = tmp_path / "photos"
    folder.mkdir()
    make(folder)
    done = news60(
        "make", str(CLEAN), "--out", str(tmp_path / "out"), "--photos", str(folder), *TINY_FLAGS
    )
    refused(done, *words, "--skip-missing-photos")
    assert stories(tmp_path / "out") == []


def story_with_photos(tmp_path: Path, *names: str) -> Path:
    """A story.json in its own folder whose scenes name photos by paths relative to it."""
    folder = tmp_path / "desk"
    folder.mkdir()
    photo(folder / "bridge.jpg")
    scenes = [
        {"text": "The council approved the new footbridge on Tuesday.", "photo": name}
        for name in names
    ]
    story = folder / "story.json"
    story.write_text(json.dumps({"title": "Footbridge approved", "scenes": scenes}))
    return story


@pytest.mark.slow
def test_story_photo_paths_are_relative_to_the_story_file(tmp_path):
    story = story_with_photos(tmp_path, "bridge.jpg")
    done = news60("render", str(story), "--out", str(tmp_path / "out"), "--json", *TINY_FLAGS)
    assert done.returncode == 0, done.stderr
    script = json.loads(Path(json.loads(done.stdout)["files"]["script"]).read_text())
    assert script["scenes"][0]["photo"]["src"] == str(tmp_path / "desk" / "bridge.jpg")


@pytest.mark.slow
def test_a_missing_story_photo_is_an_error_or_with_the_flag_a_note(tmp_path):
    story = story_with_photos(tmp_path, "bridge.jpg", "gone.jpg")
    refused(news60("render", str(story), "--out", str(tmp_path / "out"), *TINY_FLAGS), "gone.jpg")
    done = news60(
        "render",
        str(story),
        "--out",
        str(tmp_path / "out"),
        "--json",
        "--skip-missing-photos",
        *TINY_FLAGS,
    )
    assert done.returncode == 0, done.stderr
    manifest = json.loads(done.stdout)
    assert any("gone.jpg" in note and "not found" in note for note in manifest["notes"])
    script = json.loads(Path(manifest["files"]["script"]).read_text())
    assert script["scenes"][1]["photo"] is None  # no scene claims a photo the clip does not show


# Stories never replace one another --------------------------------------------------------


@pytest.mark.slow
def test_two_stories_with_one_headline_get_two_folders(tmp_path):
    out = tmp_path / "out"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(CLEAN.read_text())
    second.write_text(CLEAN.read_text().replace("Tuesday", "Wednesday"))
    assert news60("make", str(first), "--out", str(out), *TINY_FLAGS).returncode == 0
    clip = next(out.glob("*/v1/clip.mp4"))
    before = clip.read_bytes()
    assert news60("make", str(second), "--out", str(out), *TINY_FLAGS).returncode == 0
    folders = stories(out)
    assert len(folders) == 2 and clip.read_bytes() == before
    keys = {json.loads((f / "manifest.json").read_text())["key"] for f in folders}
    assert keys == {str(first.resolve()), str(second.resolve())}


# Interruptions ------------------------------------------------------------------------------


def start_make(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "news60", "make", str(CLEAN), "--out", str(out), *TINY_FLAGS],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("*/.draft-*")):
        assert time.monotonic() < deadline and process.poll() is None, process.stderr.read()
        time.sleep(0.1)
    return process, out


@pytest.mark.slow
def test_sigterm_is_handled_like_ctrl_c(tmp_path):
    process, out = start_make(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Terminated" in stderr and "Traceback" not in stderr
    assert not list(out.glob("*/.draft-*")) and not list(out.glob("*/v*"))


@pytest.mark.slow
def test_a_killed_jobs_draft_is_removed_by_the_next_job(tmp_path):
    process, out = start_make(tmp_path)
    process.kill()
    process.wait(timeout=30)
    assert list(out.glob("*/.draft-*"))  # SIGKILL cannot clean up ...
    done = news60("make", str(CLEAN), "--out", str(out), *TINY_FLAGS)
    assert done.returncode == 0, done.stderr
    assert not list(out.glob("*/.draft-*"))  # ... the next job in that folder does
    assert [p.name for p in next(iter(stories(out))).glob("v*")] == ["v1"]
