"""Instagram Reels: news60's Graph API client against a local server that follows the protocol."""

from __future__ import annotations

import json
import time

import pytest
from fake_instagram import REFRESHED, TOKEN, USER, FakeInstagram
from publishing import MIB, killed_and_rerun, platform_fixtures, uploads, write_config

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story
from news60.publish.tokens import SavedToken, save_token


def section(server) -> dict:
    """The [publish.instagram] settings that point at the fake, in chunks of 4 MiB."""
    return {
        "api_url": f"{server.url}/v21.0",
        "user_id": USER,
        "chunk_mb": 4,
        "refresh_url": f"{server.url}/refresh_access_token",
    }


# Reels are public or not posted at all.
server, setup = platform_fixtures(
    FakeInstagram, "instagram", section, {"INSTAGRAM_ACCESS_TOKEN": TOKEN}, privacy="public"
)


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
    config = write_config(tmp_path, "instagram", section(server))
    server.fail("upload", None, "hold")
    left, out, err = killed_and_rerun(
        server, config, story, "instagram", "--privacy", "public", INSTAGRAM_ACCESS_TOKEN=TOKEN
    )
    (entry,) = left
    assert entry["state"] == "started" and entry["acknowledged"] == 4 * MIB
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and server.violations == []
    assert len(server.containers) == 1
    for text in (out, err, (story / "uploads.json").read_text()):
        assert TOKEN not in text


def test_a_part_the_server_kept_only_half_of_is_sent_again_from_its_offset(setup, server, clip):
    settings, story = setup
    server.short = 1  # the first part: 4 MiB sent, 2 MiB kept, "success" answered
    result = publish_story(story, "instagram", settings)
    (reel,) = server.published()
    assert reel["data"] == clip.read_bytes() and server.violations == []
    offsets = [int(h["offset"]) for m, p, h in server.log if "ig-api-upload" in p]
    assert offsets == [0, 4 * MIB, 2 * MIB, 6 * MIB, 10 * MIB]  # 4 MiB: refused, a gap
    (entry,) = uploads(story)
    assert entry["state"] == "posted" and entry["url"] == result.url
    assert entry["url"].startswith("https://www.instagram.com/reel/")


def test_killed_right_after_publishing_a_rerun_records_the_permalink(setup, server, clip, tmp_path):
    settings, story = setup
    config = write_config(tmp_path, "instagram", section(server))
    server.fail("permalink", "hold")  # published; the client dies before it learns the link
    left, out, err = killed_and_rerun(
        server, config, story, "instagram", "--privacy", "public", INSTAGRAM_ACCESS_TOKEN=TOKEN
    )
    assert [e["state"] for e in left] == ["sent"]
    (reel,) = server.published()
    ((mid, media),) = server.media.items()
    (entry,) = uploads(story)
    assert (entry["state"], entry["remote_id"], entry["url"]) == (
        "posted",
        mid,
        media["permalink"],
    )
    assert media["permalink"] in out


def test_a_long_lived_token_a_day_old_is_refreshed_and_a_lapsed_one_names_auth(
    setup, server, monkeypatch
):
    settings, story = setup
    monkeypatch.delenv("INSTAGRAM_ACCESS_TOKEN")
    now = time.time()
    save_token(
        settings.publish,
        "instagram",
        SavedToken(TOKEN, issued_at=now - 2 * 86400, expires_at=now + 58 * 86400),
    )
    publish_story(story, "instagram", settings)
    path = settings.publish.config_dir / "instagram-token.json"
    saved = json.loads(path.read_text())
    assert server.refreshed == [TOKEN] and saved["access_token"] == REFRESHED
    assert saved["expires_at"] > now + 59 * 86400 and path.stat().st_mode & 0o777 == 0o600
    lapsed = SavedToken(TOKEN, issued_at=now - 61 * 86400, expires_at=now - 86400)
    save_token(settings.publish, "instagram", lapsed)
    requests = len(server.log)
    with pytest.raises(CredentialsError, match=r"expired .*`news60 auth instagram`"):
        publish_story(story, "instagram", settings, force=True)
    assert len(server.log) == requests and len(server.containers) == 1  # nothing was asked
