"""Records on disk are typed and versioned: a version's manifest, a story's index, the uploads
ledger and script.json read back as written, and records news60 0.1 wrote still read (a copied
story folder working in place: tests/test_versions.py)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from news60.atomic import write_text
from news60.publish.ledger import read_ledger
from news60.records.codec import RecordError, from_data
from news60.records.index import Review, read_index
from news60.records.manifest import (
    SCHEMA,
    Chapter,
    ClipFormat,
    VersionManifest,
    read_manifest,
    write_manifest,
)
from news60.script.storyfile import load_story as load_script
from news60.stories import claim_story, load_story, open_draft, publish_draft, update_index

OLD = ROOT / "tests" / "data" / "records-0.1"  # as news60 0.1.0 wrote them (absolute paths)
TINY = ["--size", "160x284", "--fps", "10", "--seconds", "20"]


def old_folder(tmp_path: Path, name: str) -> Path:
    """An 0.1 story folder with its records, and (empty) media where its manifest lists them."""
    folder = tmp_path / name
    shutil.copytree(OLD / name, folder)
    for name in json.loads((folder / "v1" / "manifest.json").read_text())["files"].values():
        (folder / "v1" / Path(name).name).touch(exist_ok=True)
    return folder


def test_a_story_folder_news60_0_1_wrote_still_reads(tmp_path):
    story = load_story(old_folder(tmp_path, "story"))
    assert story.key and story.key.endswith("examples/seed-article.txt")
    current = story.current
    assert current is not None and current.number == 1 and current.complete
    manifest = current.manifest
    assert manifest.schema == 1 and manifest.kind == "story"
    assert manifest.title.startswith("Trump jokes to Putin") and manifest.scenes == 2
    assert manifest.files["clip"] == "clip.mp4"  # an absolute path read as the file's name
    assert current.path("script") == story.folder / "v1" / "script.json"
    assert manifest.clips() == (ClipFormat("160x284", 160, 284, "clip"),)  # --size 160x284
    assert manifest.credits.reporting.agencies == ("AFP",) and manifest.credits.lines
    assert manifest.fingerprint and manifest.content_hash
    assert load_script(current.path("script")).title == manifest.title
    index = read_index(story.folder / "manifest.json")
    assert (index.current, index.versions[0].folder, index.reviews) == (1, "v1", ())


def test_a_bulletin_and_an_uploads_ledger_news60_0_1_wrote_still_read(tmp_path):
    bulletin = load_story(old_folder(tmp_path, "bulletin")).current.manifest
    assert bulletin.kind == "bulletin" and bulletin.date == "2019-06-28"
    assert [m.title for m in bulletin.chapters][-1] == "Credits"
    assert all(isinstance(m, Chapter) for m in bulletin.chapters)
    assert len(bulletin.segments) == 2 and bulletin.segments[0].kicker
    assert bulletin.segments[0].credits.lines and len(bulletin.credits.stories) == 2
    ledger = read_ledger(old_folder(tmp_path, "story"))
    (upload,) = ledger.uploads
    assert (upload.channel, upload.state, upload.file) == ("youtube", "posted", "v1/clip.mp4")
    assert upload.posted and upload.notes == ()


def test_a_manifest_reads_back_as_written_with_its_schema(tmp_path):
    manifest = VersionManifest(
        title="Bridge opens",
        duration=20.5,
        files={"clip": "clip.mp4", "manifest": "manifest.json"},
        formats=(ClipFormat("9:16", 160, 284, "clip"),),
        chapters=(Chapter("Credits", 1.0, 2.0),),
    )
    path = write_manifest(tmp_path / "manifest.json", manifest)
    assert json.loads(path.read_text())["schema"] == SCHEMA
    assert read_manifest(path) == replace(manifest, schema=SCHEMA)


def test_a_field_of_the_wrong_kind_is_named(tmp_path):
    with pytest.raises(RecordError, match=r"manifest.formats: expected a list"):
        from_data(VersionManifest, {"formats": "9:16"}, "manifest")
    with pytest.raises(RecordError, match=r"m.chapters.start: expected float, not str"):
        from_data(VersionManifest, {"chapters": [{"start": "0:04"}]}, "m")


def test_reviews_stay_in_the_index_when_a_version_is_added(tmp_path):
    story = claim_story(tmp_path, "Bridge opens", "https://example.test/bridge")
    review = Review(1, "approved", "Jo Roe", "2024-03-12T10:00:00+00:00", "ok to air")
    update_index(story.folder, lambda index: replace(index, reviews=(review,)))
    draft = open_draft(load_story(story.folder))
    write_text(draft.path("clip.mp4"), "x")
    write_manifest(draft.path("manifest.json"), VersionManifest(files={"clip": "clip.mp4"}))
    publish_draft(draft)
    index = read_index(story.folder / "manifest.json")
    assert index.current == 1 and index.reviews == (review,) and review.approved
