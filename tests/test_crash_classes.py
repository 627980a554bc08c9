"""The inputs that used to end in "failed unexpectedly" (a Python exception let through): each is
now one `Error!` line from the command line, naming the place and the fix, or a result."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import run_news60

QUICK = 60


def refused(*args: str, cwd: Path | None = None) -> str:
    started = time.monotonic()
    done = run_news60(*args, timeout=QUICK, **({"cwd": cwd} if cwd else {}))
    assert done.returncode == 1, (done.returncode, done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error! ")]
    assert len(errors) == 1 and done.stderr.strip().endswith(errors[0]), done.stderr
    assert "failed unexpectedly" not in errors[0] and time.monotonic() - started < QUICK
    return errors[0]


def test_a_csv_cell_over_128_kb(tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"source,title\nhttps://x.test/1," + b"x" * 140_000 + b"\n")
    line = refused("batch", str(big), "--out", str(tmp_path / "out"))
    assert "big.csv line 2" in line and "fix the row" in line


@pytest.mark.parametrize(
    ("name", "command"),
    [("deep.json", ["extract"]), ("deep.jsonl", ["batch"]), ("story.json", ["render"])],
)
def test_json_nested_200000_deep(tmp_path, name, command):
    deep = "[" * 200_000 + "]" * 200_000
    text = {
        "deep.json": '{"title": "T", "text": ' + deep + "}",
        "deep.jsonl": '{"source": "a.txt", "notes": ' + deep + "}\n",
        "story.json": '{"title": "T", "scenes": ' + deep + "}",
    }[name]
    (tmp_path / name).write_text(text)
    line = refused(
        *command,
        str(tmp_path / name),
        *(["--out", str(tmp_path / "o")] if command != ["extract"] else []),
    )
    assert "nested" in line


def test_a_nul_byte_in_a_manifest_path(tmp_path):
    (tmp_path / "day.jsonl").write_text('{"source": "a\\u0000b.txt"}\n')
    line = refused("batch", str(tmp_path / "day.jsonl"), "--out", str(tmp_path / "out"))
    assert "row 1: source has a NUL byte" in line


def test_a_nul_byte_in_a_settings_path(tmp_path):
    (tmp_path / "news60.toml").write_text('[video]\ntheme = "a\\u0000b.toml"\n')
    line = refused("--config", str(tmp_path / "news60.toml"), "voices")
    assert "'theme'" in line and "must be a path" in line


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ("[publish]\nconfig_dir = 5\n", ("'config_dir'", "must be a path", "not 5")),
        ("[video]\nformats = [1, 2]\n", ("'formats'", "list of strings")),
        ("[voice]\nfallback = 3\n", ("'fallback'", "must be str")),
    ],
)
def test_a_setting_of_the_wrong_kind(tmp_path, toml, words):
    (tmp_path / "news60.toml").write_text(toml)
    line = refused("--config", str(tmp_path / "news60.toml"), "voices")
    for word in words:
        assert word in line, line


def test_a_damaged_token_file(tmp_path):
    from story_folder import make_story, render_clip

    story = make_story(tmp_path / "out", render_clip(tmp_path / "clip.mp4", seconds=0.2))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "tiktok-token.json").write_text('{"access_token": ')
    (tmp_path / "news60.toml").write_text(
        f'[publish]\nconfig_dir = "{tmp_path / "config"}"\n'
        '[publish.tiktok]\napi_url = "http://127.0.0.1:9"\n'
    )
    line = refused(
        "--config", str(tmp_path / "news60.toml"), "publish", str(story), "--to", "tiktok"
    )
    assert "tiktok-token.json is not a readable JSON token file" in line and "news60 auth" in line


def test_a_token_file_with_fields_of_the_wrong_kind(tmp_path):
    from news60.errors import CredentialsError
    from news60.publish.tokens import load_token
    from news60.settings import PublishSettings

    (tmp_path / "tiktok-token.json").write_text('{"access_token": "t0k", "expires_at": "soon"}')
    with pytest.raises(CredentialsError, match="damaged .expires_at is not a time") as caught:
        load_token(PublishSettings(config_dir=tmp_path), "tiktok")
    assert "t0k" not in str(caught.value)
