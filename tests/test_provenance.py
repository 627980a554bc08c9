"""Content credentials: keys from `news60 keys init`, a tiny clip and MP3 made and signed by news60,
read back with c2pa and `news60 verify`, a changed byte caught, and a corrected version's parent."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import SEED, ffprobe, run_news60, stream
from PIL import Image

from news60.errors import ProvenanceError
from news60.provenance import sign_outputs, verify_file
from news60.provenance.keys import KeyFiles, make_test_keys
from news60.records.manifest import VersionManifest
from news60.settings import ProvenanceSettings

URL = "https://www.example.ie/news/summit-talks-6123"
PHOTOS = {
    "leaders.jpg": ("Leaders meet at the summit in Osaka", "Jane Lens/AP"),
    "hall.jpg": ("The conference hall before the talks", "Sam Shutter via PA Images"),
}
SENTENCES = [
    "Leaders met in Osaka on Friday for two days of talks on trade and the climate.",
    "The host said the meeting had been frank and useful for everyone at the table.",
]


def news60(*args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    result = run_news60(*args, env=env)
    assert not check or result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> dict[str, str]:
    """An environment whose config folder (where `keys init` keeps keys) is a fresh one."""
    config = tmp_path_factory.mktemp("config")
    return {**os.environ, "XDG_CONFIG_HOME": str(config)}


@pytest.fixture(scope="module")
def keys(home) -> tuple[KeyFiles, str]:
    result = news60("keys", "init", env=home)
    return KeyFiles(Path(home["XDG_CONFIG_HOME"]) / "news60" / "keys"), result.stderr


def write_story(folder: Path, sentences: list[str]) -> Path:
    """A two-scene story.json with credited photos, reporting and a source URL."""
    folder.mkdir(parents=True, exist_ok=True)
    scenes = []
    for (name, (caption, credit)), text, colour in zip(
        PHOTOS.items(), sentences, ("#b03030", "#3050b0"), strict=True
    ):
        Image.new("RGB", (480, 360), colour).save(folder / name, quality=85)
        photo = {"src": str(folder / name), "caption": caption, "credit": credit}
        scenes.append({"text": text, "caption": text, "photo": photo})
    story = {
        "title": "Leaders meet in Osaka for trade talks",
        "scenes": scenes,
        "reporting": {"authors": ["Jane Doe"], "contributors": ["Sam Roe"], "agencies": ["AFP"]},
        "source_url": URL,
        "published": "2026-06-28",
    }
    path = folder / "story.json"
    path.write_text(json.dumps(story))
    return path


def render(story: Path, out: Path, env: dict[str, str]) -> dict:
    args = ["render", str(story), "--out", str(out), "--size", "160x284", "--fps", "10"]
    return json.loads(news60(*args, "--json", "-q", env=env).stdout)


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[Path, Path]:
    """(story.json, output folder) of the story the tests make and correct."""
    folder = tmp_path_factory.mktemp("story")
    return write_story(folder / "story", SENTENCES), folder / "out"


@pytest.fixture(scope="module")
def made(story, home, keys) -> dict:
    """A tiny clip and MP3 rendered by news60 (version 1) and signed with the `keys init` key."""
    return render(*story, home)


def top_level_boxes(path: Path) -> list[tuple[str, int, int]]:
    """The MP4's top-level boxes: (type, offset, size)."""
    data, boxes, offset = path.read_bytes(), [], 0
    while offset < len(data):
        size, kind = struct.unpack(">I4s", data[offset : offset + 8])
        size = struct.unpack(">Q", data[offset + 8 : offset + 16])[0] if size == 1 else size
        boxes.append((kind.decode("latin-1"), offset, size or len(data) - offset))
        offset += size or len(data)
    return boxes


def active_manifest(path: Path, anchors: str | None = None) -> tuple[str, dict]:
    """c2pa's own reading: (validation state, active manifest)."""
    import c2pa

    settings = {"trust": {"user_anchors": anchors}} if anchors else {}
    with c2pa.Context.from_dict(settings) as context, c2pa.Reader(path, context=context) as reader:
        report = json.loads(reader.json())
    return report["validation_state"], report["manifests"][report["active_manifest"]]


def assertion(manifest: dict, label: str) -> dict:
    return next(a["data"] for a in manifest["assertions"] if a["label"].startswith(label))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_keys_init_makes_a_ca_signed_certificate_readable_by_its_owner_only(keys):
    from cryptography import x509
    from cryptography.x509.oid import ExtendedKeyUsageOID, ExtensionOID

    files, said = keys
    for path in (files.ca, files.cert, files.key):
        assert path.stat().st_mode & 0o777 == 0o600
    assert files.folder.stat().st_mode & 0o777 == 0o700
    assert '"valid, untrusted" outside this machine' in said
    signer, ca = x509.load_pem_x509_certificates(files.cert.read_bytes())
    assert signer.issuer == ca.subject != signer.subject  # not self-signed
    usage = signer.extensions.get_extension_for_oid(ExtensionOID.KEY_USAGE)
    assert usage.critical and usage.value.digital_signature and not usage.value.key_cert_sign
    assert signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value == (
        x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION])
    )
    assert signer.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier)


def test_keys_init_keeps_existing_keys_unless_forced(keys, home):
    files, _ = keys
    before = files.key.read_bytes()
    result = news60("keys", "init", env=home, check=False)
    assert result.returncode == 1 and "--force" in result.stderr
    assert files.key.read_bytes() == before


@pytest.mark.slow
def test_signed_clip_keeps_fast_start_and_plays(made):
    clip = Path(made["files"]["clip"])
    kinds = [kind for kind, _, _ in top_level_boxes(clip)]
    assert kinds.index("uuid") < kinds.index("moov") < kinds.index("mdat")  # manifest, index, data
    info = ffprobe(clip)
    assert (stream(info, "video")["codec_name"], stream(info, "audio")["codec_name"]) == (
        "h264",
        "aac",
    )
    assert abs(float(info["format"]["duration"]) - made["duration"]) < 0.2
    decode = ["ffmpeg", "-v", "error", "-nostdin", "-i", str(clip), "-f", "null", "-"]
    assert subprocess.run(decode, capture_output=True, text=True, check=True).stderr == ""


@pytest.mark.slow
def test_signed_mp3_plays_and_its_comment_discloses_the_ai_voice(made):
    from mutagen.id3 import ID3

    audio = Path(made["files"]["audio"])
    assert stream(ffprobe(audio), "audio")["codec_name"] == "mp3"
    (comment,) = ID3(audio).getall("COMM")
    assert comment.text[0].startswith("AI voice | Reporting: Jane Doe")
    assert made["disclosure"] == "AI voice"
    assert made["content_credentials"]["signer"].startswith("news60 local test signer")
    assert set(made["content_credentials"]["manifest_bytes"]) == {"clip", "audio"}


@pytest.mark.slow
def test_c2pa_reads_back_the_source_type_every_ingredient_and_credit(made, keys):
    state, manifest = active_manifest(Path(made["files"]["clip"]), keys[0].ca.read_text())
    assert state == "Trusted"
    assert manifest["claim_generator_info"][0]["name"] == "news60"
    created, *placed = assertion(manifest, "c2pa.actions")["actions"]
    assert created["action"] == "c2pa.created"
    assert [a["action"] for a in placed] == ["c2pa.placed"] * 3  # the narration and two photos
    assert created["digitalSourceType"].endswith("/digitalsourcetype/compositeSynthetic")
    ingredients = {i["title"]: i for i in manifest["ingredients"]}
    narration = ingredients["narration (piper:en_US-joe-medium)"]
    assert narration["digital_source_type"].endswith("/trainedAlgorithmicMedia")
    for name, (caption, credit) in PHOTOS.items():
        photo = ingredients[name]
        assert (photo["relationship"], photo["description"]) == ("componentOf", caption)
        assert photo["metadata"]["credit"] == credit and photo["format"] == "image/jpeg"
    work = assertion(manifest, "cawg.metadata")
    assert work["dc:title"] == "Leaders meet in Osaka for trade talks" and work["dc:source"] == URL
    assert work["dc:publisher"] == ["example.ie"] and work["photoshop:Source"] == "AFP"
    assert (work["dc:creator"], work["dc:contributor"]) == (["Jane Doe"], ["Sam Roe"])
    assert work["photoshop:Credit"] == (
        "Reporting: Jane Doe, with Sam Roe and AFP; Photos: Jane Lens/AP; Sam Shutter via PA Images"
    )
    assert not [a for a in manifest["assertions"] if "CreativeWork" in a["label"]]
    _, mp3 = active_manifest(Path(made["files"]["audio"]))
    assert [i["title"] for i in mp3["ingredients"]] == ["narration (piper:en_US-joe-medium)"]


@pytest.mark.slow
def test_verify_says_valid_and_trusted_with_the_test_ca(made, keys, home):
    files = [made["files"]["clip"], made["files"]["audio"]]
    plain = news60("verify", *files, env=home).stdout
    assert plain.count(": valid (the signer's CA is not a trust anchor") == 2
    for line in ("Jane Lens/AP", "Sam Shutter via PA Images", "compositeSynthetic", URL, "Sam Roe"):
        assert line in plain
    trusted = json.loads(
        news60("verify", "--trust", str(keys[0].ca), "--json", *files, env=home).stdout
    )
    assert [v["state"] for v in trusted] == ["trusted", "trusted"]
    clip = trusted[0]
    assert clip["source_type"] == "compositeSynthetic"
    assert clip["actions"] == ["c2pa.created"] + ["c2pa.placed"] * 3
    assert {i["title"]: i["credit"] for i in clip["ingredients"]} == {
        "narration (piper:en_US-joe-medium)": "",
        **{name: credit for name, (_, credit) in PHOTOS.items()},
    }
    assert (clip["work"]["authors"], clip["work"]["agencies"]) == (["Jane Doe"], "AFP")
    assert clip["work"]["publisher"] == "example.ie" and clip["time_stamp"] == ""
    assert "time-stamp   none (the signature lapses with the signing certificate)" in plain


@pytest.mark.slow
def test_one_changed_byte_in_the_video_data_is_invalid(made, home, tmp_path):
    clip = tmp_path / "clip.mp4"
    shutil.copy(made["files"]["clip"], clip)
    _, offset, size = next(box for box in top_level_boxes(clip) if box[0] == "mdat")
    data = bytearray(clip.read_bytes())
    data[offset + size // 2] ^= 0x01
    clip.write_bytes(bytes(data))
    result = news60("verify", str(clip), env=home, check=False)
    assert result.returncode == 1
    assert f"{clip}: invalid (assertion.bmffHash.mismatch" in result.stdout


@pytest.mark.slow
def test_a_corrected_story_is_version_2_whose_files_name_version_1_as_parent(
    made, story, keys, home
):
    v1 = Path(made["files"]["clip"]).parent
    before = {p.name: digest(p) for p in v1.iterdir()}
    corrected = [SENTENCES[0], "The host called the meeting frank and useful for all sides."]
    v2 = render(write_story(story[0].parent, corrected), story[1], home)
    assert (v2["version"], v2["previous"], v2["changes"]) == (2, "v1", ["text"])
    for name in ("clip", "audio"):
        verdict = verify_file(Path(v2["files"][name]), [keys[0].ca])
        assert verdict.state == "trusted"
        assert verdict.actions[0] == "c2pa.opened" and "c2pa.placed" in verdict.actions
        assert verdict.actions[-1] == f"c2pa.edited: {v2['reason']}"
        parent = next(p for p in verdict.ingredients if p.relationship == "parentOf")
        assert parent.title == f"v1/{Path(made['files'][name]).name}" and parent.has_credentials
    assert {p.name: digest(p) for p in v1.iterdir()} == before  # version 1 is untouched


def test_without_a_key_nothing_is_signed_and_a_note_says_how(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "empty"))
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"not touched")
    credentials = sign_outputs({"clip": clip}, VersionManifest(), ProvenanceSettings())
    assert credentials.signer is None and "news60 keys init" in credentials.notes[0]
    assert clip.read_bytes() == b"not touched"
    with pytest.raises(ProvenanceError, match="run `news60 keys init`"):
        sign_outputs({"clip": clip}, VersionManifest(), ProvenanceSettings(enabled=True))
    switched_off = sign_outputs(
        {"clip": clip}, VersionManifest(), ProvenanceSettings(enabled=False)
    )
    assert switched_off.notes == ("not signed: [provenance] enabled = false",)


@pytest.mark.slow
def test_a_failed_signature_leaves_the_unsigned_file_and_no_partial(made, tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(Path(made["files"]["clip"]).read_bytes())
    before = digest(clip)
    one, other = make_test_keys(tmp_path / "one"), make_test_keys(tmp_path / "other")
    mismatched = ProvenanceSettings(cert=one.cert, key=other.key)  # the key does not fit the cert
    with pytest.raises(ProvenanceError, match="cannot sign"):
        sign_outputs({"clip": clip}, VersionManifest(voice="piper:en_US-joe-medium"), mismatched)
    assert digest(clip) == before and sorted(p.name for p in tmp_path.iterdir()) == [
        "clip.mp4",
        "one",
        "other",
    ]


@pytest.mark.slow
def test_a_ps256_key_signs_too(made, tmp_path):
    clip = tmp_path / "clip.mp4"
    shutil.copy(made["files"]["clip"], clip)
    files = make_test_keys(tmp_path / "rsa", "PS256")
    settings = ProvenanceSettings(cert=files.cert, key=files.key)
    sign_outputs({"clip": clip}, VersionManifest(voice="piper:en_US-joe-medium"), settings)
    assert verify_file(clip, [files.ca]).state == "trusted"


@pytest.mark.slow
def test_a_corrected_seed_article_is_version_2_signed_with_version_1_as_parent(
    keys, home, tmp_path
):
    article = tmp_path / "seed.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out, tiny = tmp_path / "out", ["--size", "160x284", "--fps", "10", "--music", "none"]

    def make() -> dict:
        return json.loads(
            news60("make", str(article), "--out", str(out), *tiny, "--json", env=home).stdout
        )

    v1 = make()
    before = {p.name: digest(p) for p in Path(v1["files"]["clip"]).parent.iterdir()}
    text = article.read_text(encoding="utf-8")
    wrong = "Trump has been dogged throughout his presidency by allegations"
    assert wrong in text  # the one sentence the correction changes
    article.write_text(text.replace(wrong, "Trump has faced throughout his presidency allegations"))
    v2 = make()
    assert (v2["version"], v2["previous"], v2["changes"]) == (2, "v1", ["text"])
    assert Path(v2["files"]["clip"]).parent.parent == Path(v1["files"]["clip"]).parent.parent
    for name in ("clip", "audio"):
        verdict = verify_file(Path(v2["files"][name]), [keys[0].ca])
        assert verdict.state == "trusted"
        parent = next(p for p in verdict.ingredients if p.relationship == "parentOf")
        assert parent.title == f"v1/{Path(v1['files'][name]).name}" and parent.has_credentials
    assert {p.name: digest(p) for p in Path(v1["files"]["clip"]).parent.iterdir()} == before
