"""TikTok: news60's Content Posting API client against a local server that follows the protocol."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest
from fake_tiktok import CLIENT_KEY, CLIENT_SECRET, REFRESH, TOKEN, FakeTikTok
from publishing import MIB, killed_and_rerun, news60_cli, platform_fixtures, write_config

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story
from news60.publish.tiktok import INTERACTIONS
from news60.publish.tokens import SavedToken, save_token


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


def test_interactions_are_off_unless_turned_on_and_the_accounts_off_wins(setup, server):
    settings, story = setup
    publish_story(story, "tiktok", settings)
    server.creator["comment_disabled"] = True  # the account has comments off in TikTok's settings
    allowed = replace(
        settings,
        publish=replace(
            settings.publish, tiktok=replace(settings.publish.tiktok, allow=INTERACTIONS)
        ),
    )
    publish_story(story, "tiktok", allowed, force=True)
    first, second = (p["info"] for p in server.published())
    assert [first[f"disable_{n}"] for n in INTERACTIONS] == [True, True, True]
    assert [second[f"disable_{n}"] for n in INTERACTIONS] == [True, False, False]
    assert server.violations == []


def test_a_60_s_clip_for_a_30_s_account_is_refused_before_upload(setup, server):
    settings, story = setup
    manifest = story / "v1" / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "duration": 60.0}))
    server.creator["max_video_post_duration_sec"] = 30
    with pytest.raises(PublishError, match=r"60 s long .* at most 30 s: .*--seconds 30"):
        publish_story(story, "tiktok", settings)
    assert server.posts == {} and not (story / "uploads.json").exists()
    assert "/v2/post/publish/video/init/" not in [p for m, p, h in server.log]


def test_brand_flags_reach_tiktok_and_the_dry_run_shows_the_disclosure(setup, server, tmp_path):
    settings, story = setup
    branded = replace(
        settings,
        publish=replace(
            settings.publish, tiktok=replace(settings.publish.tiktok, brand_content=True)
        ),
    )
    with pytest.raises(PublishError, match="Branded content visibility cannot be set to private"):
        publish_story(story, "tiktok", branded)
    publish_story(story, "tiktok", branded, privacy="public")
    (post,) = server.published()
    assert (post["info"]["brand_content_toggle"], post["info"]["brand_organic_toggle"]) == (
        True,
        False,
    )
    config = write_config(tmp_path, "tiktok", section(server))
    args = ["publish", str(story), "--to", "tiktok", "--dry-run", "--privacy", "public"]
    organic = news60_cli(config, *args, "--brand-organic")
    out, err = organic.communicate(timeout=60)
    assert organic.returncode == 0, err
    assert "labeled as 'Promotional content'" in out and "Music Usage Confirmation" in out
    both = news60_cli(config, *args, "--brand-organic", "--brand-content", "--allow", "comment")
    out, err = both.communicate(timeout=60)
    assert "labeled as 'Paid partnership'" in out and "Branded Content Policy" in out
    assert '"disable_comment": false' in out and '"disable_duet": true' in out


def saved_sign_in(settings, expires_in: float, refresh: str = REFRESH) -> None:
    """A sign-in `news60 auth tiktok --import` kept, whose access token lapses in `expires_in` s."""
    now = time.time()
    token = SavedToken(
        TOKEN,
        issued_at=now - 3600,
        expires_at=now + expires_in,
        refresh_token=refresh,
        refresh_expires_at=now + 86400 * 300,
        client_key=CLIENT_KEY,
        client_secret=CLIENT_SECRET,
    )
    save_token(settings.publish, "tiktok", token)


def test_an_expired_token_is_refreshed_and_the_post_goes_out_once(setup, server, monkeypatch):
    settings, story = setup
    monkeypatch.delenv("TIKTOK_ACCESS_TOKEN")
    saved_sign_in(settings, expires_in=-60)
    server.expire()  # TikTok no longer takes the old access token
    result = publish_story(story, "tiktok", settings)
    assert result.state == "posted" and len(server.published()) == 1
    (refresh,) = server.refreshes
    assert refresh["grant_type"] == "refresh_token" and refresh["refresh_token"] == REFRESH
    path = settings.publish.config_dir / "tiktok-token.json"
    saved = json.loads(path.read_text())
    assert saved["access_token"] == "act.refreshed-1" and saved["refresh_token"] == "rft.rotated-1"
    assert saved["expires_at"] > time.time() + 80000 and path.stat().st_mode & 0o777 == 0o600
    server.expire()  # revoked on TikTok's side before it lapsed: refreshed once more, then on
    publish_story(story, "tiktok", settings, force=True)
    assert len(server.refreshes) == 2 and len(server.published()) == 2


def test_a_token_that_cannot_be_refreshed_stops_before_upload(setup, server, monkeypatch):
    settings, story = setup
    monkeypatch.delenv("TIKTOK_ACCESS_TOKEN")
    saved_sign_in(settings, expires_in=60, refresh="rft.revoked")
    with pytest.raises(CredentialsError, match=r"invalid_grant.*`news60 auth tiktok`") as caught:
        publish_story(story, "tiktok", settings)
    assert "rft.revoked" not in str(caught.value) and TOKEN not in str(caught.value)
    assert [p for m, p, h in server.log] == ["/v2/oauth/token/"]  # nothing else was asked
    assert server.posts == {} and not (story / "uploads.json").exists()


def test_an_unknown_interaction_is_refused_when_the_channel_opens(setup):
    from news60.publish.channel import open_channel

    settings, _ = setup
    wrong = replace(settings.publish, tiktok=replace(settings.publish.tiktok, allow=("likes",)))
    with pytest.raises(PublishError, match=r"allow likes is unknown: use comment, duet, stitch"):
        open_channel("tiktok", wrong)
