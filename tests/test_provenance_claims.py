"""What the credentials claim, as plain data: source types, disclosure, actions, settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from news60.errors import ProvenanceError
from news60.models import Photo
from news60.provenance import disclosure_line, synthetic_voice
from news60.provenance.claims import build_claim, source_type
from news60.provenance.keys import find_signing_key
from news60.records.manifest import VersionManifest
from news60.settings import ProvenanceSettings, load_settings


@pytest.mark.parametrize(
    ("voice", "synthetic"),
    [("piper:en_US-joe-medium", True), ("gtts:en-uk", True), ("recording:take2.wav", False)],
)
def test_synthetic_voices_are_disclosed_and_typed(voice, synthetic):
    assert synthetic_voice(voice) is synthetic
    assert disclosure_line(voice, "AI voice") == ("AI voice" if synthetic else "")
    kind = "compositeSynthetic" if synthetic else "compositeCapture"
    assert source_type(voice) == f"http://cv.iptc.org/newscodes/digitalsourcetype/{kind}"


def test_a_first_version_is_created_and_a_correction_opens_its_parent(tmp_path):
    manifest = VersionManifest(voice="piper:en_US-joe-medium", title="Headline")
    photo = Photo(str(tmp_path / "a.jpg"), "A caption", "A Credit/AP")
    first = build_claim("clip.mp4", manifest, photos=[photo])
    (created,) = first.definition["assertions"][0]["data"]["actions"]
    assert created["action"] == "c2pa.created"
    assert created["parameters"]["ingredientIds"] == ["narration", "photo-0"]
    parent = tmp_path / "v1" / "clip.mp4"
    second = build_claim("clip.mp4", manifest, parent=parent, reason="name corrected")
    opened, edited = second.definition["assertions"][0]["data"]["actions"]
    assert opened == {"action": "c2pa.opened", "parameters": {"ingredientIds": ["parent"]}}
    assert (edited["action"], edited["reason"]) == ("c2pa.edited", "name corrected")
    assert second.ingredients[0].definition["title"] == "v1/clip.mp4"
    assert second.ingredients[0].path == parent


def test_settings_read_key_paths_and_a_half_configured_key_is_named(tmp_path):
    config = tmp_path / "news60.toml"
    config.write_text('[provenance]\ncert = "chain.pem"\nalgorithm = "ES256"\n')
    settings = load_settings(config).provenance
    assert settings.cert == Path("chain.pem") and settings.key is None
    with pytest.raises(ProvenanceError, match="needs both cert and key"):
        find_signing_key(settings)
    assert find_signing_key(ProvenanceSettings(enabled=False)) is None


@pytest.mark.parametrize("command", [["verify", "--help"], ["keys", "init", "--help"]])
def test_help_answers_without_importing_c2pa_or_cryptography(command):
    code = (
        "import sys; from click.testing import CliRunner; from news60.cli import cli;"
        f"r = CliRunner().invoke(cli, {command!r}); assert r.exit_code == 0, r.output;"
        "heavy = {'c2pa', 'cryptography', 'numpy'} & set(sys.modules); assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_label_is_drawn_on_the_hook_only_for_a_synthetic_voice(tmp_path):
    """make plans every format with the voice's disclosure: a recorded narrator's hook has no label."""
    from dataclasses import replace
    from types import SimpleNamespace

    import numpy as np
    from test_timeline import story

    from news60.outputs import plan
    from news60.video.compositor import Compositor
    from news60.video.formats import clip_formats
    from news60.video.theme import load_theme
    from news60.video.timeline import plan_timeline

    settings, theme = load_settings(), load_theme()
    fmt = clip_formats(settings.video)[0]
    script, narration = story()
    frames = {}
    for voice in ("piper:en_US-joe-medium", "recording:take2.wav"):
        timeline = plan(
            plan_timeline,
            script,
            replace(narration, voice=voice),
            settings,
            SimpleNamespace(work=tmp_path),
            fmt,
            theme,
        )
        assert timeline.synthetic_voice is synthetic_voice(voice)
        frames[voice] = Compositor(timeline, theme).frame_at(1.0).astype(int)
    changed = np.argwhere(
        np.abs(frames["piper:en_US-joe-medium"] - frames["recording:take2.wav"]).max(axis=-1) > 40
    )
    assert len(changed) > 100  # the label
    height, width = frames["recording:take2.wav"].shape[:2]
    assert changed[:, 0].max() < height * 0.2 and changed[:, 1].min() > width / 2  # top right only
