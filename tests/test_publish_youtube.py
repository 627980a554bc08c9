"""YouTube: the real google-api-python-client against a local server that speaks the resumable protocol."""

from __future__ import annotations

import json
import time

import pytest
from fake_youtube import ACCESS, REFRESH, REFRESHED, FakeYouTube, token_file
from publishing import (
    killed_and_rerun,
    news60_cli,
    platform_fixtures,
    uploads,
    write_config,
)
from story_folder import make_story

from news60.errors import CredentialsError, PublishError
from news60.publish import publish_story
from news60.publish.credentials import import_youtube_token

CHUNK = 1024 * 1024


def section(server) -> dict:
    """The [publish.youtube] settings that point at the fake, in chunks of 1 MiB."""
    return {
        "root_url": f"{server.url}/",
        "token_uri": f"{server.url}/token",
        "chunk_kib": CHUNK // 1024,
    }


def sign_in(settings, server, tmp_path) -> None:
    """`news60 auth youtube --import` of a token the fake accepts."""
    token = tmp_path / "token.json"
    token.write_text(json.dumps(token_file(server)))
    import_youtube_token(settings.publish, token)


server, setup = platform_fixtures(FakeYouTube, "youtube", section, signed_in=sign_in)


def uploaded(server) -> list[dict]:
    return list(server.videos.values())


def test_a_clean_upload_posts_once_with_the_disclosures(setup, server, clip):
    settings, story = setup
    result = publish_story(story, "youtube", settings)
    assert (
        result.state == "posted"
        and result.url == f"https://www.youtube.com/shorts/{result.remote_id}"
    )
    (video,) = uploaded(server)
    assert video["bytes"] == clip.read_bytes()
    assert video["status"] == {
        "privacyStatus": "private",
        "selfDeclaredMadeForKids": False,
        "containsSyntheticMedia": True,
    }
    assert video["snippet"]["categoryId"] == "25"
    assert "synthetic voice" in video["snippet"]["description"]
    chunks = [h for m, p, h in server.log if m == "PUT" and "*" not in h.get("content-range", "*")]
    sizes = [int(h["content-length"]) for h in chunks]
    assert all(size % (256 * 1024) == 0 for size in sizes[:-1]) and len(sizes) > 5
    assert server.thumbnails[video["id"]][:2] == b"\xff\xd8"  # the JPEG thumbnail was set
    assert server.violations == []
    (entry,) = uploads(story)
    assert entry["state"] == "posted" and entry["remote_id"] == video["id"]
    assert entry["session"]["ref"].startswith(server.url) and entry["version"] == 1
    # The ledger holds upload-session addresses: readable by its owner only.
    assert (story / "uploads.json").stat().st_mode & 0o777 == 0o600


def test_a_dropped_connection_resumes_from_the_last_byte_received(setup, server, clip):
    settings, story = setup
    server.fail("chunk", None, None, "drop")
    publish_story(story, "youtube", settings)
    (video,) = uploaded(server)
    assert video["bytes"] == clip.read_bytes()
    assert server.violations == []  # every byte arrived exactly once
    assert len(server.sessions) == 1
    queries = [h for m, p, h in server.log if h.get("content-range", "").startswith("bytes */")]
    assert queries, "the session was asked where it stood"


def test_503_twice_then_success(setup, server, clip):
    settings, story = setup
    server.fail("session", 503, 503)
    server.fail("chunk", None, 503, 503)
    result = publish_story(story, "youtube", settings)
    assert result.state == "posted" and len(uploaded(server)) == 1
    assert uploaded(server)[0]["bytes"] == clip.read_bytes() and server.violations == []


def test_retries_run_out_with_a_message_saying_nothing_was_posted(setup, server):
    settings, story = setup
    server.fail("chunk", None, *[503] * 10)
    with pytest.raises(
        PublishError,
        match=r"NOT posted to youtube.*1048576 of \d+ bytes.*run the same command again",
    ):
        publish_story(story, "youtube", settings)
    assert uploaded(server) == []
    server.faults.clear()
    publish_story(story, "youtube", settings)
    assert len(server.sessions) == 1 and len(uploaded(server)) == 1


def test_a_second_run_posts_nothing(setup, server):
    settings, story = setup
    first = publish_story(story, "youtube", settings)
    requests = len(server.log)
    again = publish_story(story, "youtube", settings)
    assert again.state == "already posted" and again.remote_id == first.remote_id
    assert len(server.log) == requests and len(uploaded(server)) == 1


def test_a_revoked_refresh_token_names_news60_auth(setup, server):
    settings, story = setup
    server.revoked = True
    server.fail("session", 401)
    with pytest.raises(CredentialsError, match=r"news60 auth youtube"):
        publish_story(story, "youtube", settings)
    assert uploaded(server) == []


def test_an_expired_access_token_is_refreshed_and_kept(setup, server, tmp_path):
    settings, story = setup
    server.fail("session", 401)  # the access token expired early: refresh, then go on
    publish_story(story, "youtube", settings)
    saved = json.loads((tmp_path / "config" / "youtube-token.json").read_text())
    assert saved["token"] == REFRESHED and saved["refresh_token"] == REFRESH


def test_a_new_version_is_posted_only_when_asked(setup, server, clip, tmp_path):
    settings, story = setup
    publish_story(story, "youtube", settings)
    v2 = tmp_path / "v2.mp4"
    v2.write_bytes(clip.read_bytes() + b"\0" * 1000)
    make_story(tmp_path / "out", v2, version=2)
    with pytest.raises(PublishError, match=r"already has v1 .*current version v2.*--force"):
        publish_story(story, "youtube", settings)
    assert publish_story(story / "v2", "youtube", settings).state == "posted"
    assert publish_story(story, "youtube", settings).state == "already posted"
    assert publish_story(story, "youtube", settings, force=True).state == "posted"
    assert len(uploaded(server)) == 3


def test_an_expired_session_starts_again(setup, server, clip):
    settings, story = setup
    server.fail("chunk", None, "drop")
    server.fail("status", 404)
    publish_story(story, "youtube", settings)
    (video,) = uploaded(server)
    assert video["bytes"] == clip.read_bytes()
    ledger = uploads(story)
    assert [u["state"] for u in ledger] == ["expired", "posted"]


def youtube_config(tmp_path, server):
    """news60.toml for the fake YouTube (retries without waiting)."""
    return write_config(tmp_path, "youtube", section(server), {"retry_delay": 0.01})


def test_killed_mid_upload_a_rerun_resumes_the_saved_session(setup, server, clip, tmp_path):
    settings, story = setup
    config = youtube_config(tmp_path, server)
    server.fail("chunk", None, None, None, "hold")
    ledger, out, _ = killed_and_rerun(server, config, story, "youtube")
    assert ledger[0]["state"] == "started" and ledger[0]["acknowledged"] == 3 * CHUNK
    assert "posted" in out
    (video,) = uploaded(server)
    assert video["bytes"] == clip.read_bytes() and server.violations == []
    assert len(server.sessions) == 1  # the saved session was resumed, not a second upload


def test_token_file_is_private_and_no_output_log_or_ledger_holds_a_token(setup, server, tmp_path):
    settings, story = setup
    config = youtube_config(tmp_path, server)
    fresh = tmp_path / "fresh-config"
    token = tmp_path / "exported.json"
    token.write_text(json.dumps(token_file(server)))
    imported = news60_cli(config, "auth", "youtube", "--import", str(token))
    out, err = imported.communicate(timeout=60)
    saved = tmp_path / "config" / "youtube-token.json"
    assert imported.returncode == 0 and oct(saved.stat().st_mode & 0o777) == "0o600", err
    server.fail("session", 401)  # forces a refresh: the new token must not leak either
    run = news60_cli(config, "--debug", "publish", str(story), "--to", "youtube")
    out2, err2 = run.communicate(timeout=120)
    assert run.returncode == 0, err2
    ledger = (story / "uploads.json").read_text()
    server.revoked = True
    server.fail("chunk", 401)
    (story / "uploads.json").unlink()
    failed = news60_cli(config, "-v", "publish", str(story), "--to", "youtube", "--force")
    out3, err3 = failed.communicate(timeout=120)
    assert failed.returncode == 1 and "news60 auth youtube" in err3 and "Traceback" not in err3
    assert not (story / "uploads.json").exists()  # the lapsed sign-in stopped it before a session
    texts = [out, err, out2, err2, out3, err3, ledger]
    for secret in (ACCESS, REFRESHED, REFRESH, "test-client-secret"):
        assert not any(secret in text for text in texts), secret
    assert not fresh.exists()


def test_the_cli_reports_one_line_without_a_sign_in(tmp_path, server, clip):
    config = youtube_config(tmp_path, server)
    story = make_story(tmp_path / "out", clip)
    run = news60_cli(config, "publish", str(story), "--to", "youtube")
    out, err = run.communicate(timeout=60)
    assert run.returncode == 1
    assert err.strip().startswith("Error! no YouTube sign-in: run `news60 auth youtube")
    time.sleep(0)


def test_a_refusal_after_the_session_opened_leaves_no_orphan_session(setup, server, clip):
    settings, story = setup
    server.fail("chunk", None, 403)  # the second chunk is refused for good
    with pytest.raises(
        PublishError, match=r"YouTube refused uploading \(403.*session was cancelled"
    ):
        publish_story(story, "youtube", settings)
    assert server.orphans() == [] and uploaded(server) == []
    assert [u["state"] for u in uploads(story)] == ["cancelled"]
    publish_story(story, "youtube", settings)  # the next run starts a new upload
    assert server.orphans() == [] and len(server.sessions) == 2
    (video,) = uploaded(server)
    assert video["bytes"] == clip.read_bytes()
    assert [u["state"] for u in uploads(story)] == ["cancelled", "posted"]


def test_a_lapsed_sign_in_that_cannot_be_refreshed_stops_before_a_session_opens(
    setup, server, tmp_path
):
    settings, story = setup
    token = tmp_path / "lapsed.json"
    token.write_text(json.dumps({**token_file(server), "expiry": "2020-01-01T00:00:00Z"}))
    import_youtube_token(settings.publish, token)
    server.revoked = True
    with pytest.raises(CredentialsError, match=r"invalid_grant.*news60 auth youtube"):
        publish_story(story, "youtube", settings)
    assert [p for m, p, h in server.log] == ["/token"] and server.sessions == {}
    assert not (story / "uploads.json").exists()


def test_a_thumbnail_youtube_would_refuse_stops_the_post_before_a_session_opens(setup, server):
    settings, story = setup
    (story / "v1" / "thumbnail.jpg").write_bytes(b"\xff\xd8" + b"\0" * (2 * 1024 * 1024))
    with pytest.raises(PublishError, match=r"thumbnail.jpg is over YouTube's 2 MB"):
        publish_story(story, "youtube", settings)
    assert server.sessions == {} and not (story / "uploads.json").exists()
