"""Instagram Reels: news60's Graph API client against a local server that follows the protocol."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from fake_instagram import TOKEN, USER, FakeInstagram
from story_folder import make_story, render_clip

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story
from news60.settings import load_settings

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    return render_clip(tmp_path_factory.mktemp("clip") / "clip.mp4")


@pytest.fixture
def server():
    fake = FakeInstagram()
    yield fake
    fake.close()


@pytest.fixture
def setup(tmp_path, server, clip, monkeypatch):
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", TOKEN)
    settings = load_settings(
        None,
        publish={
            "config_dir": tmp_path / "config",
            "retry_delay": 0.01,
            "poll_interval": 0.01,
            "privacy": "public",
            "instagram": {"api_url": f"{server.url}/v21.0", "user_id": USER, "chunk_mb": 4},
        },
    )
    return settings, make_story(tmp_path / "out", clip)


def test_a_clean_upload_publishes_one_reel(setup, server, clip):
    settings, story = setup
    result = publish_story(story, "instagram", settings)
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and server.violations == []
    assert (
        "synthetic voice" in reel["fields"]["caption"]
        and "Adrian Wyld" in reel["fields"]["caption"]
    )
    assert result.url.startswith("https://www.instagram.com/reel/")
    offsets = [int(h["offset"]) for m, p, h in server.log if "ig-api-upload" in p]
    assert offsets == [0, 4 * MIB, 8 * MIB]
    calls = [p for m, p, h in server.log]
    assert calls.index(
        f"/v21.0/{USER}/content_publishing_limit?fields=config%2Cquota_usage"
    ) < calls.index(f"/v21.0/{USER}/media")


def test_the_24_hour_limit_is_read_before_posting(setup, server):
    settings, story = setup
    server.quota_used = 50
    with pytest.raises(PublishError, match="24-hour publishing limit is reached"):
        publish_story(story, "instagram", settings)
    assert server.containers == {}


def test_reels_cannot_be_private(setup, server):
    settings, story = setup
    with pytest.raises(PublishError, match="--privacy public"):
        publish_story(story, "instagram", settings, privacy="private")


def test_a_dropped_connection_resumes_from_the_last_acknowledged_byte(setup, server, clip):
    settings, story = setup
    server.fail("upload", None, "drop")
    publish_story(story, "instagram", settings)
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and server.violations == []
    offsets = [int(h["offset"]) for m, p, h in server.log if "ig-api-upload" in p]
    assert offsets == [0, 4 * MIB, 4 * MIB, 8 * MIB]
    assert len(server.containers) == 1


def test_503_twice_then_success(setup, server, clip):
    settings, story = setup
    server.fail("media", 503, 503)
    server.fail("upload", 503, 503)
    publish_story(story, "instagram", settings)
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and len(server.containers) == 1


def test_an_expired_token_names_news60_auth(setup, server, monkeypatch):
    settings, story = setup
    monkeypatch.setenv("INSTAGRAM_ACCESS_TOKEN", "IGQVJexpired")
    with pytest.raises(CredentialsError, match=r"code 190.*news60 auth instagram") as caught:
        publish_story(story, "instagram", settings)
    assert "IGQVJexpired" not in str(caught.value)


def test_a_second_run_posts_nothing(setup, server):
    settings, story = setup
    publish_story(story, "instagram", settings)
    requests = len(server.log)
    assert publish_story(story, "instagram", settings).state == "already posted"
    assert len(server.log) == requests and len(server.published()) == 1


def test_killed_mid_upload_a_rerun_resumes_the_saved_container(setup, server, clip, tmp_path):
    settings, story = setup
    config = tmp_path / "news60.toml"
    config.write_text(
        f'[publish]\nconfig_dir = "{tmp_path / "config"}"\nretry_delay = 0.01\npoll_interval = 0.01\n'
        f'[publish.instagram]\napi_url = "{server.url}/v21.0"\nuser_id = "{USER}"\nchunk_mb = 4\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "INSTAGRAM_ACCESS_TOKEN": TOKEN}
    command = [
        sys.executable,
        "-m",
        "news60",
        "--config",
        str(config),
        "publish",
        str(story),
        "--to",
        "instagram",
        "--privacy",
        "public",
    ]
    server.fail("upload", None, "hold")
    first = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert server.holding.wait(60)
    first.send_signal(signal.SIGKILL)
    first.wait()
    server.release.set()
    (entry,) = json.loads((story / "uploads.json").read_text())["uploads"]
    assert entry["state"] == "started" and entry["acknowledged"] == 4 * MIB
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and server.violations == []
    assert len(server.containers) == 1
    for text in (again.stdout, again.stderr, (story / "uploads.json").read_text()):
        assert TOKEN not in text
