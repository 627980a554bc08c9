"""The seed article to a finished clip and MP3 with the real voice and model, at a tiny size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED, TINY, ffprobe, moov_before_mdat, run_news60, stream

pytestmark = pytest.mark.slow

TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
JUNK = [
    "Advertisement",
    "donation",
    "Readers like you",
    "Leave a Comment",
    "JournalTv",
    "Susan Walsh via",
]


news60 = run_news60


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("out")
    result = news60("make", str(SEED), "--out", str(out), "--json", *TINY_FLAGS)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_manifest_lists_every_file_and_they_exist(made):
    files = made["files"]
    assert set(files) >= {"clip", "audio", "script", "captions", "manifest"}
    names = {Path(p).name for p in files.values()}
    assert names >= {"clip.mp4", "audio.mp3", "script.json", "captions.srt", "manifest.json"}
    assert all(Path(p).is_file() for p in files.values())
    version = Path(files["clip"]).parent
    assert version.name == "v1" and made["version"] == 1 and made["previous"] is None
    assert version.parent.name == "trump-jokes-to-putin-dont-meddle-in-the-election-please"
    assert not list(version.parent.glob(".draft-*"))
    index = json.loads((version.parent / "manifest.json").read_text())
    assert index["key"] == str(SEED.resolve()) and index["current"] == 1


def test_clip_is_a_posting_ready_mp4_under_a_minute(made):
    info = ffprobe(Path(made["files"]["clip"]))
    video, audio = stream(info, "video"), stream(info, "audio")
    assert (video["codec_name"], video["pix_fmt"], audio["codec_name"]) == (
        "h264",
        "yuv420p",
        "aac",
    )
    assert (video["width"], video["height"]) == (TINY["width"], TINY["height"])
    assert 45 <= float(info["format"]["duration"]) <= 60.0
    assert 52 <= made["narration_seconds"] <= 60
    assert moov_before_mdat(Path(made["files"]["clip"]))


def test_narration_tells_the_story_without_page_debris(made):
    script = json.loads(Path(made["files"]["script"]).read_text())
    text = script["text"]
    for word in ("Trump", "Putin", "G20", "meddl"):
        assert word in text
    for junk in JUNK:
        assert junk.lower() not in text.lower()
    srt = Path(made["files"]["captions"]).read_text()
    assert "Putin" in srt and "Advertisement" not in srt


def test_credits_name_every_photographer_and_the_agency(made):
    credits = made["credits"]
    # The seed's photos are captions in the text, without files: credited, but not shown.
    assert credits["photos"] == []
    not_shown = [p for p in credits["not_shown"] if "PA Images" in p["credit"]]
    for name in ("Susan Walsh", "Mikhail Klimentyev", "Adrian Wyld"):
        assert any(name in p["credit"] for p in not_shown)
    assert all(p["reason"] == "credited by the source, not shown" for p in not_shown)
    assert credits["reporting"]["agencies"] == ["AFP"]


def test_audio_summary_is_an_mp3_with_the_headline_tag(made):
    info = ffprobe(Path(made["files"]["audio"]))
    assert stream(info, "audio")["codec_name"] == "mp3"
    assert info["format"]["tags"]["title"].startswith("Trump jokes to Putin")
    assert float(info["format"]["duration"]) > made["narration_seconds"]


def test_an_edited_story_renders_with_the_edited_words(made, tmp_path):
    story = json.loads(Path(made["files"]["script"]).read_text())
    story["scenes"] = story["scenes"][:2]
    story["scenes"][1]["text"] = "Editors rewrote this sentence about the Osaka summit."
    path = tmp_path / "story.json"
    path.write_text(json.dumps(story))
    result = news60("render", str(path), "--out", str(tmp_path / "out"), "--json", *TINY_FLAGS)
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    srt = Path(manifest["files"]["captions"]).read_text()
    assert "Editors rewrote" in srt and "Osaka summit." in srt
    rendered = json.loads(Path(manifest["files"]["script"]).read_text())
    assert rendered["scenes"][1]["text"] == story["scenes"][1]["text"]


def test_rendering_an_unchanged_story_loads_no_sentence_model(made, tmp_path):
    """`render` of the story.json that `make` wrote: every vector it needs is cached by text."""
    from news60.pipeline import render_story
    from news60.script import embeddings
    from news60.settings import load_settings

    path = tmp_path / "story.json"
    path.write_bytes(Path(made["files"]["script"]).read_bytes())
    loads = embeddings.model_loads()
    settings = load_settings(video={**TINY}, out=tmp_path / "out")
    outputs = render_story(path, settings)
    assert (outputs.folder / "clip.mp4").is_file()
    assert embeddings.model_loads() == loads


def test_offline_gtts_names_the_offline_voice(tmp_path):
    result = news60("make", str(SEED), "--out", str(tmp_path), "--voice", "gtts:en", *TINY_FLAGS)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "piper" in lines[0] and "Traceback" not in result.stderr
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]


def test_gtts_with_fallback_completes_with_piper_and_says_so(tmp_path):
    result = news60(
        "make",
        str(SEED),
        "--out",
        str(tmp_path),
        "--json",
        "--voice",
        "gtts:en",
        "--fallback-voice",
        "piper",
        *TINY_FLAGS,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert manifest["voice"] == "piper:en_US-joe-medium"
    assert any("gtts:en" in note and "piper" in note for note in manifest["notes"])


def test_a_folder_of_photos_is_shown_and_credited(tmp_path):
    from PIL import Image

    photos = tmp_path / "photos"
    photos.mkdir()
    for name, colour, credit in (
        ("summit.jpg", (200, 30, 30), "Ann Lee/Reuters"),
        ("leaders.png", (30, 160, 40), "Bo Sun via AP"),
    ):
        image = Image.new("RGB", (1200, 800), colour)
        exif = image.getexif()
        exif[0x013B] = credit  # EXIF Artist
        image.save(photos / name, exif=exif)
    result = news60(
        "make",
        str(SEED),
        "--out",
        str(tmp_path / "out"),
        "--json",
        "--photos",
        str(photos),
        *TINY_FLAGS,
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    shown_credits = {p["credit"] for p in manifest["credits"]["photos"]}
    assert {"Ann Lee/Reuters", "Bo Sun via AP"} <= shown_credits
    script = json.loads(Path(manifest["files"]["script"]).read_text())
    shown = {Path(s["photo"]["src"]).name for s in script["scenes"] if s["photo"]}
    assert shown == {"summit.jpg", "leaders.png"}
