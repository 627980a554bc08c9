"""news60 works installed from its wheel alone: assets and prompts travel inside the package.

The heavy dependencies (torch, piper, the MiniLM model) come from this environment's site-packages
through a .pth line, which Python reads without running that folder's own .pth files: so the
editable checkout install stays invisible and only the wheel's news60 can be imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import ROOT, SEED, TINY, ffprobe, stream

pytestmark = pytest.mark.slow


def run(*command, **kwargs) -> subprocess.CompletedProcess:
    """A command without PYTHONPATH (which points the tests at the checkout's src/)."""
    kwargs.setdefault("env", clean_env())
    return subprocess.run(command, capture_output=True, text=True, check=True, **kwargs)


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory) -> Path:
    """A fresh venv holding only the built wheel, seeing this venv's other packages."""
    root = tmp_path_factory.mktemp("wheel")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
        "-w", str(root / "dist"), str(ROOT))  # fmt: skip
    wheel = next((root / "dist").glob("news60-*.whl"))
    venv = root / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    site = run(str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
    # The wheel first: once the shared packages are visible, pip would call news60 installed.
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q"]
    run(*pip, str(wheel))
    shared = sysconfig.get_path("purelib")
    Path(site.stdout.strip(), "shared-venv.pth").write_text(shared + "\n")
    return venv


def clean_env() -> dict[str, str]:
    """This environment without PYTHONPATH (which points the tests at the checkout's src/)."""
    return {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}


def test_the_wheel_carries_assets_and_prompts_and_imports_from_itself(wheel_env, tmp_path):
    python = wheel_env / "bin" / "python"
    code = (
        "import news60, news60.resources as r; "
        "print(news60.__file__); print(r.ASSETS); print(r.PROMPTS)"
    )
    lines = run(str(python), "-c", code, cwd=tmp_path).stdout.split()
    assert all(line.startswith(str(wheel_env)) for line in lines)
    assert (Path(lines[1]) / "themes" / "default.toml").is_file()
    assert any(Path(lines[2]).iterdir())


def test_news60_make_runs_on_the_seed_from_the_wheel_alone(wheel_env, tmp_path):
    size = f"{TINY['width']}x{TINY['height']}"
    command = [str(wheel_env / "bin" / "news60"), "make", str(SEED), "--out", str(tmp_path)]
    command += ["--size", size, "--fps", str(TINY["fps"]), "--seconds", "20", "--json"]
    manifest = json.loads(run(*command, cwd=tmp_path).stdout)
    clip = Path(manifest["files"]["clip"])
    assert clip.is_relative_to(tmp_path)
    assert stream(ffprobe(clip), "video")["width"] == TINY["width"]


def test_the_desk_pages_come_from_the_wheel(wheel_env, tmp_path):
    python = wheel_env / "bin" / "python"
    code = (
        "from pathlib import Path; from news60.desk.app import Desk, STATIC, _templates; "
        "print(STATIC); print(_templates().get_template('day.html').filename)"
    )
    static, template = run(str(python), "-c", code, cwd=tmp_path).stdout.split()
    assert static.startswith(str(wheel_env)) and (Path(static) / "desk.css").is_file()
    assert template.startswith(str(wheel_env))
