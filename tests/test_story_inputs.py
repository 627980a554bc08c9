"""story.json is checked against its schema before any work (types, lengths, list vs string), the
field named in the error; its photos are files inside the story's folder (or --photos) or http(s)
URLs fetched through the same guarded fetch as pages, never any file on the machine."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import ROOT, TINY, run_news60
from netaudit import connections
from PIL import Image

from news60.errors import ArticleError, ScriptError
from news60.script.storyfile import load_story, script_from_dict
from news60.settings import load_settings

TINY_FLAGS = ["--size", f"{TINY['width']}x{TINY['height']}", "--fps", str(TINY["fps"])]
SCENE = "The council approved the new footbridge on Tuesday after a long debate."


def story(folder: Path, **fields) -> Path:
    """A story.json in `folder` with one scene, and `fields` over it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.json"
    path.write_text(json.dumps({"title": "Footbridge", "scenes": [{"text": SCENE}], **fields}))
    return path


def refused(path: Path, *flags: str) -> str:
    """`news60 render PATH` fails at once with one `Error!` line; that line."""
    started = time.monotonic()
    done = run_news60("render", str(path), "--out", str(path.parent / "out"), *flags, timeout=60)
    assert done.returncode == 1, done.stderr
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("Error! ") and done.stderr.count("Error!") == 1, done.stderr
    assert time.monotonic() - started < 30  # before any narration
    assert not (path.parent / "out").exists()
    return line


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"title": "T" * 1_000_001}, ("title is 1,000,001 characters", "at most 1,000")),
        (
            {"scenes": [{"text": SCENE, "caption": "C" * 1_048_576}]},
            ("scenes[0].caption is 1,048,576 characters",),
        ),
        ({"photos": "bridge.jpg"}, ("photos must be a list", "not a string")),
        ({"scenes": {"text": SCENE}}, ("scenes must be a list", "not an object")),
        ({"reporting": {"authors": "Jane Doe"}}, ("reporting.authors must be a list",)),
        ({"published": 2024}, ("published must be a string, not a number",)),
        ({"rate": "fast"}, ("rate must be a number from 0.5 to 2",)),
        ({"scenes": [{"text": SCENE, "photo": "file:///etc/passwd"}]}, ("scenes[0].photo",)),
        ({"scenes": [{"text": SCENE, "photo": "bridge\u0000.jpg"}]}, ("NUL byte",)),
        ({"scenes": [{"text": SCENE, "photo": "/etc/passwd"}]}, ("outside the story's folder",)),
        ({"photos": [{"src": "../elsewhere/bridge.jpg"}]}, ("photos[0]", "outside")),
    ],
)
def test_a_bad_story_field_is_named_before_any_work(tmp_path, fields, words):
    line = refused(story(tmp_path / "desk", **fields))
    for word in words:
        assert word in line, line


def test_json_nested_200000_deep_is_one_error_line(tmp_path):
    path = tmp_path / "story.json"
    path.write_text('{"title": "T", "scenes": ' + "[" * 200_000 + "]" * 200_000 + "}")
    assert "nested more than 64 levels deep" in refused(path)


def test_a_link_out_of_the_story_folder_is_refused(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "bridge.jpg").symlink_to("/etc/passwd")
    with pytest.raises(ScriptError, match=r"scenes\[0\].photo /etc/passwd is outside"):
        load_story(story(folder, scenes=[{"text": SCENE, "photo": "bridge.jpg"}]))


def test_photos_inside_the_story_folder_or_the_photos_folder_are_read(tmp_path):
    folder, elsewhere = tmp_path / "desk", tmp_path / "pictures"
    elsewhere.mkdir()
    outside = elsewhere / "crowd.jpg"
    path = story(folder, scenes=[{"text": SCENE, "photo": str(outside)}])
    with pytest.raises(ScriptError, match="--photos"):
        load_story(path)
    assert load_story(path, elsewhere).scenes[0].photo.src == str(outside)
    inner = story(folder, scenes=[{"text": SCENE, "photo": "img/bridge.jpg"}])
    assert load_story(inner).scenes[0].photo.src == str(folder / "img" / "bridge.jpg")


def test_render_photos_names_the_folder_outside_photos_come_from(tmp_path):
    elsewhere = tmp_path / "pictures"
    elsewhere.mkdir()
    path = story(tmp_path / "desk", scenes=[{"text": SCENE, "photo": str(elsewhere / "a.jpg")}])
    assert "--photos" in refused(path)
    line = refused(path, "--photos", str(elsewhere))  # now it is only a missing photo
    assert "a.jpg: file not found" in line and "outside" not in line


def test_a_version_folders_script_may_name_its_storys_downloaded_photos(tmp_path):
    """OUT/<story>/v1/script.json names photos in OUT/<story>/.photos: the story's folder."""
    version = tmp_path / "out" / "footbridge" / "v1"
    version.mkdir(parents=True)
    (version.parent / "manifest.json").write_text("{}")
    photo = version.parent / ".photos" / "photo-1.jpg"
    path = version / "script.json"
    path.write_text(json.dumps({"title": "F", "scenes": [{"text": SCENE, "photo": str(photo)}]}))
    assert load_story(path).scenes[0].photo.src == str(photo)


def test_a_string_where_a_list_belongs_is_never_read_letter_by_letter():
    with pytest.raises(ScriptError, match="photos must be a list of .* not a string"):
        script_from_dict({"title": "T", "scenes": [{"text": SCENE}], "photos": "ab.jpg"})


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/photo.jpg", "http://[::ffff:127.0.0.1]:9/p.jpg"]
)
def test_a_refused_photo_url_stops_render_before_any_connection(tmp_path, url):
    from news60.pipeline import render_story

    path = story(tmp_path / "desk", scenes=[{"text": SCENE, "photo": url}])
    settings = load_settings(out=tmp_path / "out")
    with connections() as attempts, pytest.raises(ArticleError) as caught:
        render_story(path, settings)
    assert url in str(caught.value) and "--skip-missing-photos" in str(caught.value)
    assert attempts == [] and not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_refused_photo_url_with_skip_missing_photos_is_a_manifest_note(tmp_path):
    url = "http://169.254.169.254/latest/photo.jpg"
    folder = tmp_path / "desk"
    Image.new("RGB", (640, 480), "teal").save(story(folder).parent / "bridge.jpg")
    scenes = [
        {"text": SCENE, "photo": url},
        {"text": "It opens next spring.", "photo": "bridge.jpg"},
    ]
    path = story(folder, scenes=scenes)
    done = run_news60(
        "render",
        str(path),
        "--out",
        str(tmp_path / "out"),
        "--json",
        "--skip-missing-photos",
        *TINY_FLAGS,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    manifest = json.loads(done.stdout)
    assert any(url in note and "link-local" in note for note in manifest["notes"]), manifest
    script = json.loads(Path(manifest["files"]["script"]).read_text())
    assert script["scenes"][0]["photo"] is None and script["scenes"][1]["photo"]
