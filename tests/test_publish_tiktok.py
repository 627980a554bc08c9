"""TikTok: news60's Content Posting API client against a local server that follows the protocol."""

from __future__ import annotations

import pytest
from fake_tiktok import TOKEN, FakeTikTok
from publishing import MIB, killed_and_rerun, platform_fixtures, write_config

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story


def section(server) -> dict:
    """The [publish.tiktok] settings that point at the fake, in chunks of 5 MiB."""
    return {"api_url": server.url, "chunk_mb": 5}


server, setup = platform_fixtures(FakeTikTok, "tiktok", section, {"TIKTOK_ACCESS_TOKEN": TOKEN})


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
    config = write_config(tmp_path, "tiktok", section(server))
    server.fail("chunk", None, "hold")
    left, out, err = killed_and_rerun(server, config, story, "tiktok", TIKTOK_ACCESS_TOKEN=TOKEN)
    (entry,) = left
    assert entry["state"] == "started" and entry["acknowledged"] == 5 * MIB
    (post,) = server.published()
    assert post["data"] == clip.read_bytes() and server.violations == []
    assert len(server.posts) == 1  # resumed, not a second upload
    for text in (out, err, (story / "uploads.json").read_text()):
        assert TOKEN not in text
