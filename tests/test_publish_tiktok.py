"""TikTok: news60's Content Posting API client against a local server that follows the protocol."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from fake_tiktok import TOKEN, FakeTikTok
from story_folder import make_story, render_clip

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story
from news60.settings import load_settings

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def clip(tmp_path_factory) -> Path:
    path = render_clip(tmp_path_factory.mktemp("clip") / "clip.mp4")
    assert path.stat().st_size > 10 * MIB  # two chunks of 5 MiB, the second with the rest
    return path


@pytest.fixture
def server():
    fake = FakeTikTok()
    yield fake
    fake.close()


@pytest.fixture
def setup(tmp_path, server, clip, monkeypatch):
    monkeypatch.setenv("TIKTOK_ACCESS_TOKEN", TOKEN)
    settings = load_settings(
        None,
        publish={
            "config_dir": tmp_path / "config",
            "retry_delay": 0.01,
            "poll_interval": 0.01,
            "tiktok": {"api_url": server.url, "chunk_mb": 5},
        },
    )
    return settings, make_story(tmp_path / "out", clip)


def test_a_clean_upload_is_a_labelled_direct_post(setup, server, clip):
    settings, story = setup
    result = publish_story(story, "tiktok", settings)
    (post,) = server.published()
    assert post["data"] == clip.read_bytes() and server.violations == []
    assert post["info"]["privacy_level"] == "SELF_ONLY" and post["info"]["is_aigc"] is True
    assert "synthetic voice" in post["info"]["title"]
    assert post["source"]["total_chunk_count"] == 2 and post["source"]["chunk_size"] == 5 * MIB
    ranges = [h["content-range"] for m, p, h in server.log if m == "PUT"]
    assert ranges == [
        f"bytes 0-{5 * MIB - 1}/{clip.stat().st_size}",
        f"bytes {5 * MIB}-{clip.stat().st_size - 1}/{clip.stat().st_size}",
    ]
    assert result.state == "posted" and result.remote_id == post["publish_id"]
    calls = [p for m, p, h in server.log]
    assert calls.index("/v2/post/publish/creator_info/query/") < calls.index(
        "/v2/post/publish/video/init/"
    )


def test_public_posts_get_a_link(setup, server):
    settings, story = setup
    result = publish_story(story, "tiktok", settings, privacy="public")
    assert result.url == "https://www.tiktok.com/@newsroom/video/7300000000001"


def test_privacy_comes_only_from_the_creators_options(setup, server):
    settings, story = setup
    server.options = ["SELF_ONLY"]  # a private account
    with pytest.raises(PublishError, match="does not offer public posting.*SELF_ONLY"):
        publish_story(story, "tiktok", settings, privacy="public")
    assert server.posts == {}


def test_an_unaudited_app_is_told_so(setup, server):
    settings, story = setup
    server.unaudited = True
    with pytest.raises(PublishError, match="TikTok has not audited this app yet"):
        publish_story(story, "tiktok", settings, privacy="public")


def test_a_dropped_connection_resumes_from_the_last_acknowledged_chunk(setup, server, clip):
    settings, story = setup
    server.fail("chunk", None, "drop")
    publish_story(story, "tiktok", settings)
    (post,) = server.published()
    assert post["data"] == clip.read_bytes() and server.violations == []
    assert len(server.posts) == 1
    puts = [h["content-range"] for m, p, h in server.log if m == "PUT"]
    assert len(puts) == 3 and puts[1] == puts[2]  # only the unacknowledged chunk went again


def test_503_twice_then_success(setup, server, clip):
    settings, story = setup
    server.fail("init", 503, 503)
    server.fail("chunk", 503, 503)
    publish_story(story, "tiktok", settings)
    (post,) = server.published()
    assert post["data"] == clip.read_bytes() and len(server.posts) == 1


def test_401_names_news60_auth(setup, server, monkeypatch):
    settings, story = setup
    monkeypatch.setenv("TIKTOK_ACCESS_TOKEN", "act.revoked")
    with pytest.raises(
        CredentialsError, match=r"access_token_invalid.*news60 auth tiktok"
    ) as caught:
        publish_story(story, "tiktok", settings)
    assert "act.revoked" not in str(caught.value)


def test_a_second_run_posts_nothing(setup, server):
    settings, story = setup
    publish_story(story, "tiktok", settings)
    requests = len(server.log)
    assert publish_story(story, "tiktok", settings).state == "already posted"
    assert len(server.log) == requests


def test_killed_mid_upload_a_rerun_resumes_the_saved_session(setup, server, clip, tmp_path):
    settings, story = setup
    config = tmp_path / "news60.toml"
    config.write_text(
        f'[publish]\nconfig_dir = "{tmp_path / "config"}"\nretry_delay = 0.01\npoll_interval = 0.01\n'
        f'[publish.tiktok]\napi_url = "{server.url}"\nchunk_mb = 5\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "TIKTOK_ACCESS_TOKEN": TOKEN}
    command = [
        sys.executable,
        "-m",
        "news60",
        "--config",
        str(config),
        "publish",
        str(story),
        "--to",
        "tiktok",
    ]
    server.fail("chunk", None, "hold")
    first = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert server.holding.wait(60)
    first.send_signal(signal.SIGKILL)
    first.wait()
    server.release.set()
    (entry,) = json.loads((story / "uploads.json").read_text())["uploads"]
    assert entry["state"] == "started" and entry["acknowledged"] == 5 * MIB
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    (post,) = server.published()
    assert post["data"] == clip.read_bytes() and server.violations == []
    assert len(server.posts) == 1  # resumed, not a second upload
    for text in (again.stdout, again.stderr, (story / "uploads.json").read_text()):
        assert TOKEN not in text
