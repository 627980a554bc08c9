"""The command line as a producer meets it: help, bad input, errors that name the fix."""

from __future__ import annotations

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
