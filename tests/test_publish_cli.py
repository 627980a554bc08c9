"""news60 publish --dry-run on the seed, news60 auth, metadata limits, and a light --help."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from dataclasses import replace

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEED, TINY, run_news60
from fake_youtube import ACCESS, REFRESH, FakeYouTube

from news60.cli import cli
from news60.errors import PublishError
from news60.publish.metadata import Metadata
from news60.publish.youtube import check_limits, description, tags, title

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def news60(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return run_news60(*args, env=ENV, **kwargs)


@pytest.mark.slow
def test_dry_run_on_the_seed_credits_everyone_and_discloses_the_voice(tmp_path):
    made = news60(
        "make",
        str(SEED),
        "--out",
        str(tmp_path),
        "--json",
        "--size",
        f"{TINY['width']}x{TINY['height']}",
        "--fps",
        str(TINY["fps"]),
    )
    assert made.returncode == 0, made.stderr
    story = next(p for p in tmp_path.iterdir() if p.is_dir() and not p.name.startswith("."))
    youtube = news60("publish", str(story), "--to", "youtube", "--dry-run")
    tiktok = news60("publish", str(story), "--to", "tiktok", "--dry-run")
    assert youtube.returncode == 0 and tiktok.returncode == 0, youtube.stderr + tiktok.stderr
    resource = json.loads(youtube.stdout[youtube.stdout.index("{") :])
    text = resource["snippet"]["description"]
    for name in ("Susan Walsh", "Mikhail Klimentyev", "Adrian Wyld", "PA Images", "AFP"):
        assert name in text, name
    assert "Photos credited by the source (not shown)" in text
    assert "synthetic voice (piper:en_US-joe-medium)" in text
    assert resource["status"]["containsSyntheticMedia"] is True
    assert resource["status"]["selfDeclaredMadeForKids"] is False
    assert resource["status"]["privacyStatus"] == "private"
    post = json.loads(tiktok.stdout[tiktok.stdout.index("{") :])
    assert post["post_info"]["is_aigc"] is True and "Adrian Wyld" in post["post_info"]["title"]
    assert not (story / "uploads.json").exists()


def meta(**changes) -> Metadata:
    base = Metadata(
        headline="A headline",
        summary="One sentence. " * 10,
        credit_lines=("Reporting: AFP",),
        source_url="https://example.org/story",
        voice="piper:en_US-joe-medium",
        synthetic=True,
        tags=("news",),
        language="en",
    )
    return replace(base, **changes)


def test_youtube_limits_are_kept_by_shortening_the_summary_not_the_credits():
    long = meta(headline="Word " * 40 + "<b>", summary="Ünïcode words here. " * 600)
    resource = {
        "snippet": {
            "title": title(long),
            "description": description(long),
            "tags": list(tags(long)),
        }
    }
    check_limits(resource)
    assert len(resource["snippet"]["title"]) <= 100 and "<" not in resource["snippet"]["title"]
    assert resource["snippet"]["title"].endswith("…")
    text = resource["snippet"]["description"]
    assert len(text.encode()) <= 5000 and text.endswith("not a person.")
    assert "Reporting: AFP" in text and "Source: https://example.org/story" in text


def test_tags_stop_at_500_characters():
    many = meta(tags=tuple(f"tag number {i}" for i in range(60)))
    kept = tags(many)
    assert 0 < len(kept) < 60
    check_limits({"snippet": {"title": "t", "description": "d", "tags": list(kept)}})
    with pytest.raises(PublishError, match="tags are over 500"):
        check_limits({"snippet": {"title": "t", "description": "d", "tags": list(many.tags)}})


def test_a_human_voice_is_not_labelled_synthetic():
    assert meta(synthetic=False, voice="studio").disclosure == ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_auth_youtube_runs_the_installed_app_flow_on_loopback(tmp_path):
    server = FakeYouTube()
    secrets = tmp_path / "client_secret.json"
    secrets.write_text(
        json.dumps(
            {
                "installed": {
                    "client_id": "test-client.apps.googleusercontent.com",
                    "client_secret": "test-client-secret",
                    "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                    "token_uri": f"{server.url}/token",
                    "redirect_uris": ["http://localhost"],
                }
            }
        )
    )
    config = tmp_path / "news60.toml"
    config.write_text(f'[publish]\nconfig_dir = "{tmp_path / "config"}"\n')
    port = free_port()
    env = {
        **ENV,
        "OAUTHLIB_INSECURE_TRANSPORT": "1",
        "PYTHONUNBUFFERED": "1",
    }  # the fake token endpoint is http
    flow = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "news60",
            "--config",
            str(config),
            "auth",
            "youtube",
            "--client-secrets",
            str(secrets),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        url = ""
        while "https://accounts.google.com" not in url:
            url = flow.stdout.readline()
            assert url, flow.stderr.read()
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url.strip()).query)
        assert query["redirect_uri"] == [f"http://localhost:{port}/"]
        state = query["state"][0]
        urllib.request.urlopen(
            f"http://localhost:{port}/?state={state}&code=test-code&scope={query['scope'][0]}",
            timeout=30,
        ).read()
        out, err = flow.communicate(timeout=60)
    finally:
        flow.kill()
        server.close()
    assert flow.returncode == 0, err
    saved = tmp_path / "config" / "youtube-token.json"
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    assert json.loads(saved.read_text())["refresh_token"] == REFRESH
    assert ACCESS not in out + err and REFRESH not in out + err


def test_auth_tiktok_keeps_a_pasted_token_private(tmp_path):
    config = tmp_path / "news60.toml"
    config.write_text(f'[publish]\nconfig_dir = "{tmp_path / "config"}"\n')
    result = CliRunner().invoke(
        cli, ["--config", str(config), "auth", "tiktok"], input="act.secret-token\n"
    )
    assert result.exit_code == 0, result.output
    saved = tmp_path / "config" / "tiktok-token.json"
    assert (
        oct(saved.stat().st_mode & 0o777) == "0o600"
        and oct(saved.parent.stat().st_mode & 0o777) == "0o700"
    )
    assert "act.secret-token" not in result.output


def test_help_does_not_import_the_platform_clients():
    code = (
        "import sys; from click.testing import CliRunner; from news60.cli import cli;"
        "CliRunner().invoke(cli, ['publish', '--help']); CliRunner().invoke(cli, ['--help']);"
        "heavy = {'googleapiclient', 'google.auth', 'httplib2', 'requests', 'google_auth_oauthlib'} & set(sys.modules);"
        "assert not heavy, heavy"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr


def test_unknown_story_folder_is_one_line(tmp_path):
    result = news60("publish", str(tmp_path), "--to", "youtube", "--dry-run")
    assert result.returncode == 1
    assert re.fullmatch(r"Error! .* is not a story folder .*\n", result.stderr)


def test_auth_tiktok_imports_a_refreshable_sign_in_kept_private(tmp_path, monkeypatch):
    config = tmp_path / "news60.toml"
    config.write_text(
        f'[publish]\nconfig_dir = "{tmp_path / "config"}"\n\n[publish.tiktok]\nclient_key = "ck"\n'
    )
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"access_token": "act.a", "expires_in": 86400}))
    args = ["--config", str(config), "auth", "tiktok", "--import", str(answer)]
    monkeypatch.delenv("TIKTOK_CLIENT_SECRET", raising=False)
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code == 1 and "lacks refresh_token, client_secret" in refused.output
    answer.write_text(
        json.dumps({"access_token": "act.a", "expires_in": 86400, "refresh_token": "r"})
    )
    monkeypatch.setenv("TIKTOK_CLIENT_SECRET", "cs")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    saved = tmp_path / "config" / "tiktok-token.json"
    kept = json.loads(saved.read_text())
    assert (kept["refresh_token"], kept["client_key"], kept["client_secret"]) == ("r", "ck", "cs")
    assert kept["expires_at"] > kept["issued_at"] + 86000
    assert oct(saved.stat().st_mode & 0o777) == "0o600" and "act.a" not in result.output


def test_format_picks_a_clip_made_with_size_by_its_aspect_ratio(tmp_path, clip):
    from story_folder import make_story

    from news60.publish.clip import load_clip

    story = make_story(tmp_path / "out", clip)
    manifest = story / "v1" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["formats"][0]["format"] = "320x568"  # made with --size 320x568
    manifest.write_text(json.dumps(data))
    assert load_clip(story, "9:16").path == story / "v1" / "clip.mp4"
    assert load_clip(story, "9x16").format == "320x568"
    with pytest.raises(PublishError, match=r"has no 1:1 clip \(it has 320x568\)"):
        load_clip(story, "1:1")
