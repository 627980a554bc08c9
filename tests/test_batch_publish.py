"""`news60 batch --publish`: each finished story posted with `news60 publish`'s machinery to a TikTok
server on 127.0.0.1 that follows the protocol; a re-run posts nothing again."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from batchkit import TINY
from conftest import SHARED_DATA
from fake_tiktok import TOKEN, FakeTikTok

pytestmark = pytest.mark.slow


@pytest.fixture
def tiktok():
    server = FakeTikTok()
    yield server
    server.close()


def batch(config, *args: str) -> tuple[int, dict, str]:
    result = subprocess.run(
        [sys.executable, "-m", "news60", "--config", str(config), "batch", *args, "--json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    return result.returncode, json.loads(result.stdout or "{}"), result.stderr


def test_each_story_is_posted_once_across_runs(tmp_path, tiktok, monkeypatch):
    monkeypatch.setenv("TIKTOK_ACCESS_TOKEN", TOKEN)
    config = tmp_path / "news60.toml"
    config.write_text(
        f'[publish]\nconfig_dir = "{tmp_path / "config"}"\nretry_delay = 0.01\n'
        f'poll_interval = 0.01\n\n[publish.tiktok]\napi_url = "{tiktok.url}"\n'
    )
    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(SHARED_DATA / "seed" / "article.txt", stories / "seed.txt")
    args = [str(stories), "--out", str(tmp_path / "out"), "--workers", "1", *TINY]

    code, first, err = batch(config, *args, "--publish", "tiktok")
    assert code == 0, err
    (story,) = first["stories"]
    assert story["status"] == "rendered"
    assert any(note.startswith("posted to tiktok") for note in story["notes"]), story["notes"]
    (post,) = tiktok.published()
    assert post["info"]["is_aigc"] is True and tiktok.violations == []

    code, again, err = batch(config, *args, "--publish", "tiktok")
    assert code == 0, err
    (story,) = again["stories"]
    assert story["status"] == "unchanged"
    assert any(note.startswith("already posted to tiktok") for note in story["notes"])
    assert len(tiktok.published()) == 1


def test_a_missing_sign_in_stops_the_batch_before_any_story_is_made(tmp_path, tiktok, monkeypatch):
    monkeypatch.delenv("TIKTOK_ACCESS_TOKEN", raising=False)
    config = tmp_path / "news60.toml"
    config.write_text(f'[publish]\nconfig_dir = "{tmp_path / "config"}"\n')
    stories = tmp_path / "stories"
    stories.mkdir()
    shutil.copy(SHARED_DATA / "seed" / "article.txt", stories / "seed.txt")
    out = tmp_path / "out"
    code, _, err = batch(config, str(stories), "--out", str(out), "--publish", "tiktok")
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("Error! no tiktok access token")
    assert "`news60 auth tiktok`" in err and not out.exists()
