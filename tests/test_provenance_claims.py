"""What the credentials claim, as plain data: source types, disclosure, actions, settings."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import run_news60

from news60.errors import ProvenanceError
from news60.models import Photo, Reporting
from news60.provenance import disclosure_line, synthetic_voice
from news60.provenance.claims import build_claim, source_type
from news60.provenance.keys import find_signing_key
from news60.records.manifest import Credits, NotShown, VersionManifest
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
    created, *placed = first.definition["assertions"][0]["data"]["actions"]
    assert created["action"] == "c2pa.created" and "parameters" not in created
    assert [(a["action"], a["parameters"]["ingredientIds"]) for a in placed] == [
        ("c2pa.placed", ["narration"]),  # the narration is placed, as C2PA 2.x asks
        ("c2pa.placed", ["photo-0"]),
    ]
    assert [a["label"] for a in first.definition["assertions"]] == [
        "c2pa.actions.v2",
        "cawg.metadata",  # no schema.org CreativeWork: C2PA 2.x dropped it
    ]
    parent = tmp_path / "v1" / "clip.mp4"
    second = build_claim("clip.mp4", manifest, parent=parent, reason="name corrected")
    opened, placed, edited = second.definition["assertions"][0]["data"]["actions"]
    assert opened == {"action": "c2pa.opened", "parameters": {"ingredientIds": ["parent"]}}
    assert placed["parameters"]["ingredientIds"] == ["narration"]
    assert (edited["action"], edited["reason"]) == ("c2pa.edited", "name corrected")
    assert second.ingredients[0].definition["title"] == "v1/clip.mp4"
    assert second.ingredients[0].path == parent


def test_the_credit_line_names_only_what_the_file_shows():
    from news60.provenance.claims import story_metadata

    credits = Credits(
        Reporting(authors=("Jane Doe",), contributors=("Sam Roe",)),
        not_shown=(NotShown("Susan Walsh via PA Images", reason="not shown"),),
        lines=("Photos credited by the source (not shown): Susan Walsh via PA Images",),
    )
    manifest = VersionManifest(voice="piper:en_US-joe-medium", title="Headline", credits=credits)
    shown = Photo("a.jpg", "A caption", "Jane Lens/AP")
    clip = story_metadata(manifest, [shown, shown])
    assert clip["photoshop:Credit"] == "Reporting: Jane Doe, with Sam Roe; Photos: Jane Lens/AP"
    assert (clip["dc:creator"], clip["dc:contributor"]) == (["Jane Doe"], ["Sam Roe"])
    mp3 = story_metadata(manifest)  # the audio summary shows no photo
    assert mp3["photoshop:Credit"] == "Reporting: Jane Doe, with Sam Roe"
    assert "Susan Walsh" not in str(clip) + str(mp3)


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

    from news60.outputs import canvas, plan_story
    from news60.video.compositor import Compositor
    from news60.video.formats import clip_formats
    from news60.video.theme import load_theme

    settings, theme = load_settings(), load_theme()
    fmt = clip_formats(settings.video)[0]
    script, narration = story()
    frames = {}
    for voice in ("piper:en_US-joe-medium", "recording:take2.wav"):
        spoken = replace(narration, voice=voice)
        timeline = plan_story(
            script, spoken, theme, canvas(spoken, settings, SimpleNamespace(work=tmp_path), fmt)
        )
        assert timeline.synthetic_voice is synthetic_voice(voice)
        frames[voice] = Compositor(timeline, theme).frame_at(1.0).astype(int)
    changed = np.argwhere(
        np.abs(frames["piper:en_US-joe-medium"] - frames["recording:take2.wav"]).max(axis=-1) > 40
    )
    assert len(changed) > 100  # the label
    height, width = frames["recording:take2.wav"].shape[:2]
    assert changed[:, 0].max() < height * 0.2 and changed[:, 1].min() > width / 2  # top right only


@pytest.fixture(scope="module")
def tsa():
    from fake_tsa import TimeStampAuthority

    authority = TimeStampAuthority()
    yield authority
    authority.close()


def tiny_clip(path: Path) -> Path:
    """Two seconds of ffmpeg's test pattern with a tone: an MP4 to sign."""
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x284:rate=10"]
        + ["-f", "lavfi", "-i", "sine=d=2", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast"]
        + ["-c:a", "aac", "-movflags", "+faststart", str(path)],
        check=True,
    )
    return path


STORY = VersionManifest(
    voice="piper:en_US-joe-medium",
    title="Leaders meet in Osaka",
    source_url="https://www.example.ie/news/summit-talks-6123",
    published="2026-06-28",
    credits=Credits(Reporting(authors=("Jane Doe",), agencies=("AFP",))),
)


def test_a_time_stamped_clip_still_verifies_after_its_signing_certificate_expired(tmp_path, tsa):
    from news60.atomic import write_private
    from news60.provenance import sign_outputs, verify_file
    from news60.provenance.certificates import make_certificates

    lasts = 4.0  # seconds: the signing certificate is issued to expire during the test
    ca, chain, key = make_certificates("ES256", signer_days=lasts / 86400)
    issued = time.time()
    for name, data in (("ca.pem", ca), ("signer.pem", chain), ("key.pem", key)):
        write_private(tmp_path / name, data)
    (tmp_path / "tsa-ca.pem").write_bytes(tsa.ca_pem())
    stamped, plain = tiny_clip(tmp_path / "stamped.mp4"), tiny_clip(tmp_path / "plain.mp4")
    settings = ProvenanceSettings(cert=tmp_path / "signer.pem", key=tmp_path / "key.pem")
    photo = Photo(None, "Leaders at the summit", "Jane Lens/AP")
    timed = replace(settings, tsa_url=tsa.url)
    assert sign_outputs({"clip": stamped}, STORY, timed, photos=[photo]).notes == ()
    (note,) = sign_outputs({"clip": plain}, STORY, settings, photos=[photo]).notes
    assert "without a trusted time-stamp" in note and "tsa_url" in note
    anchors = [tmp_path / "ca.pem", tmp_path / "tsa-ca.pem"]
    time.sleep(max(0.0, issued + lasts + 1 - time.time()))  # now the certificate has expired
    expired = verify_file(plain, anchors)
    assert expired.state == "invalid" and "signingCredential.expired" in expired.reason
    verdict = verify_file(stamped, anchors)
    assert verdict.state == "trusted", verdict.reason
    (stamp,) = tsa.stamped
    assert verdict.time_stamp == stamp.isoformat()
    trust = [a for anchor in anchors for a in ("--trust", str(anchor))]
    shown = run_news60("verify", *trust, str(stamped), check=False)
    assert shown.returncode == 0, shown.stderr
    assert f"time-stamp   {stamp.isoformat()}" in shown.stdout
    assert "credits      Reporting: Jane Doe and AFP; Photos: Jane Lens/AP" in shown.stdout
    assert "publisher    example.ie" in shown.stdout and "agencies     AFP" in shown.stdout
