"""What every platform's publish tests share: the fake platform served for one test, settings, a
story and a news60.toml pointing at it, `news60 publish` in a fresh process, and a run killed mid-upload."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from fake_platform import FakePlatform
from story_folder import make_story

from news60.settings import Settings, load_settings

FAST = {"retry_delay": 0.01, "poll_interval": 0.01}  # retries and status polls without waiting
MIB = 1024 * 1024


def platform_fixtures(
    fake: type[FakePlatform],
    platform: str,
    section: Callable[[FakePlatform], dict],
    env: dict[str, str] | None = None,
    signed_in: Callable[[Settings, FakePlatform, Path], None] = lambda *_: None,
    **publish,
):
    """A platform's `server` fixture (its fake on 127.0.0.1 for one test, then closed) and its
    `setup` fixture: settings publishing to the fake (`env` set, `signed_in` run) and a story."""

    @pytest.fixture(name="server")
    def server():
        running = fake()
        yield running
        running.close()

    @pytest.fixture(name="setup")
    def setup(tmp_path, server, clip, monkeypatch):
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        settings = publish_settings(tmp_path, platform, section(server), **publish)
        signed_in(settings, server, tmp_path)
        return settings, make_story(tmp_path / "out", clip)

    return server, setup


def publish_settings(tmp_path: Path, platform: str, section: dict, **publish) -> Settings:
    """Settings that publish to the fake (its `[publish.PLATFORM]` section) without waiting."""
    publish = {"config_dir": tmp_path / "config", **FAST, **publish, platform: section}
    return load_settings(None, publish=publish)


def write_config(tmp_path: Path, platform: str, section: dict, publish: dict = FAST) -> Path:
    """The same as a news60.toml for `news60 --config`: config_dir, `publish` and the section."""
    config = tmp_path / "news60.toml"
    head = {"config_dir": str(tmp_path / "config"), **publish}
    config.write_text(f"[publish]\n{_toml(head)}[publish.{platform}]\n{_toml(section)}")
    return config


def _toml(values: dict) -> str:
    return "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items())


def news60_cli(config: Path, *args: str, **env: str) -> subprocess.Popen:
    """`news60 --config CONFIG ARGS` in a fresh process, with `env` added to this one's."""
    return subprocess.Popen(
        [sys.executable, "-m", "news60", "--config", str(config), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
    )


def killed_and_rerun(server, config: Path, story: Path, platform: str, *args, **env) -> tuple:
    """`news60 publish` SIGKILLed while the fake holds the upload (queue "hold" first), then run
    again, which must succeed: the ledger's entries as the killed run left them, and the second
    run's stdout and stderr."""
    command = ("publish", str(story), "--to", platform, *args)
    first = news60_cli(config, *command, **env)
    held = server.holding.wait(60)
    first.send_signal(signal.SIGKILL)
    out, err = first.communicate()
    assert held, (out, err)
    server.release.set()
    left = uploads(story)
    again = news60_cli(config, *command, **env)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    return left, out, err


def uploads(story: Path) -> list[dict]:
    """The story's upload ledger."""
    return json.loads((story / "uploads.json").read_text())["uploads"]
