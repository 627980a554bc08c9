"""The command line as a producer meets it: help, bad input, errors that name the fix."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

NEWS60 = [sys.executable, "-m", "news60"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWS60, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)


def test_help_answers_without_importing_heavy_libraries():
    code = (
        "import sys; from click.testing import CliRunner; from news60.cli import cli;"
        "r = CliRunner().invoke(cli, ['make', '--help']); assert r.exit_code == 0, r.output;"
        "heavy = {'torch', 'transformers', 'moviepy', 'piper', 'numpy'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.txt", None, "not found"),
        ("empty.txt", b"", "empty"),
        ("binary.bin", bytes(range(256)) * 40, "binary"),
        ("menu.txt", b"Home\nNews\nSport\nWeather\nSubscribe\nSign in\n", "no article"),
    ],
)
def test_bad_input_gives_one_clear_line_and_leaves_nothing(tmp_path, name, content, expected):
    source = tmp_path / name
    if content is not None:
        source.write_bytes(content)
    out = tmp_path / "out"
    result = run("make", str(source), "--out", str(out))
    assert result.returncode != 0
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("Error! ") and expected in lines[0].lower()
    assert not out.exists() or not any(p for p in out.iterdir() if not p.name.startswith("."))


def test_bad_size_is_a_usage_error():
    result = run("make", "x.txt", "--size", "big")
    assert result.returncode == 2 and b"WIDTHxHEIGHT" in result.stderr


def test_unknown_summariser_names_the_choices(seed_path):
    result = run("script", str(seed_path), "--summariser", "magic", "--sentences", "3")
    assert result.returncode == 1
    assert b"extractive" in result.stderr and b"Traceback" not in result.stderr


def test_extract_prints_the_article_as_json(seed_path):
    result = run("extract", str(seed_path), "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert set(article) >= {
        "title",
        "standfirst",
        "published",
        "text",
        "paragraphs",
        "photos",
        "reporting",
        "source_url",
        "language",
    }
    assert article["reporting"]["agencies"] == ["AFP"] and len(article["photos"]) == 3


def test_script_with_exact_sentences_prints_scenes_and_text(seed_path):
    result = run("script", str(seed_path), "--json", "--sentences", "3")
    assert result.returncode == 0, result.stderr
    script = json.loads(result.stdout)
    assert script["title"].startswith("Trump jokes to Putin")
    assert script["text"].count(".") >= 3 and "Don’t meddle in the election" in script["text"]
    assert all(scene["text"] for scene in script["scenes"])
    # A scene whose heading would repeat its words has none (script/headings.py); not every scene.
    assert any(scene["caption"] for scene in script["scenes"])
    assert not result.stderr.strip(), result.stderr  # no progress bars or warnings on a clean run


def read_all(fd: int) -> bytes:
    import os

    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other side closed
            return seen
        if not chunk:
            return seen
        seen += chunk


def test_a_terminal_sees_progress_and_a_pipe_does_not(tmp_path):
    import os
    import pty

    story = tmp_path / "story.json"
    story.write_text(
        json.dumps(
            {
                "title": "Council approves bridge",
                "scenes": [{"text": "The council approved the bridge."}],
            }
        )
    )
    args = [*NEWS60, "render", str(story), "--size", "160x284", "--fps", "10"]
    primary, secondary = pty.openpty()
    try:
        result = subprocess.run(
            [*args, "--out", str(tmp_path / "tty")],
            stderr=secondary,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            timeout=300,
        )
        os.close(secondary)
        seen = read_all(primary).decode()
    finally:
        os.close(primary)
    assert result.returncode == 0, seen
    assert "news60: rendering clip.mp4 (160x284" in seen
    piped = subprocess.run(
        [*args, "--out", str(tmp_path / "pipe")], capture_output=True, cwd=ROOT, timeout=300
    )
    assert piped.returncode == 0 and piped.stderr == b""


def test_an_edited_story_that_runs_over_says_how_much_to_cut(tmp_path):
    text = (
        "The council met for six hours on Monday to debate the new bridge over the river. " * 4
    ).strip()
    story = tmp_path / "story.json"
    story.write_text(json.dumps({"title": "Bridge", "scenes": [{"text": text}]}))
    result = run(
        "render",
        str(story),
        "--seconds",
        "15",
        "--out",
        str(tmp_path / "o"),
        "--size",
        "160x284",
        "--fps",
        "10",
    )
    assert result.returncode == 1
    line = result.stderr.decode().strip()
    assert "cut about" in line and "--seconds" in line
    assert not (tmp_path / "o").exists() or not [
        p for p in (tmp_path / "o").iterdir() if not p.name.startswith(".")
    ]
