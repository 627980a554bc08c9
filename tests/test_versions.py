"""make, render, bulletin and batch all make a story's next version through one step and one
table of outputs: the same manifest fields, the same files, the same story folder layout."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from batchkit import SCRAPES, scrape
from conftest import SEED, run_news60

pytestmark = pytest.mark.slow

# What every version's manifest says, whichever command made it.
COMMON = {
    "news60",
    "title",
    "published",
    "source_url",
    "duration",
    "narration_seconds",
    "voice",
    "notes",
    "summariser",
    "scenes",
    "video",
    "files",
    "credits",
    "formats",
    "version",
    "created",
    "story",
    "previous",
    "content_hash",
    "fingerprint",
    "changes",
    "reason",
    "disclosure",
    "content_credentials",
    "kind",
    "checks",
    "schema",
}
FILES = {"clip", "cover", "thumbnail", "audio", "script", "captions", "captions_vtt", "manifest"}


def made_with(*args: str, seconds: int = 20) -> dict:
    """A command's --json output, rendered tiny."""
    tiny = ["--size", "160x284", "--fps", "10", "--seconds", str(seconds)]
    result = run_news60(*args, "--json", *tiny)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, dict]:
    """One version made by each command, each in the same output folder: kind -> manifest."""
    folder = tmp_path_factory.mktemp("versions")
    out = folder / "out"
    sources = []
    for name in SCRAPES[:3]:
        sources.append(folder / f"{name}.txt")
        sources[-1].write_text(scrape(name), encoding="utf-8")
    manifests = {"make": made_with("make", str(SEED), "--out", str(out))}
    story = Path(manifests["make"]["files"]["script"])
    manifests["render"] = made_with("render", str(story), "--out", str(out), seconds=30)
    bulletin = [*map(str, sources[:2]), "--date", "2019-06-28", "--out", str(out)]
    manifests["bulletin"] = made_with("bulletin", *bulletin, seconds=40)
    batch = folder / "batch"
    batch.mkdir()
    sources[2].rename(batch / sources[2].name)
    summary = made_with("batch", str(batch), "--out", str(out), "--workers", "1")
    (rendered,) = summary["stories"]
    assert rendered["source"] == str(batch / sources[2].name)
    manifests["batch"] = json.loads((Path(rendered["folder"]) / "manifest.json").read_text())
    manifests["batch"]["files"] = {  # as the others report them: where the files are
        name: str(Path(rendered["folder"]) / file)
        for name, file in manifests["batch"]["files"].items()
    }
    return manifests


@pytest.mark.parametrize("kind", ["make", "render", "bulletin", "batch"])
def test_every_command_writes_the_same_manifest_fields_and_files(made, kind):
    manifest = made[kind]
    assert set(manifest) >= COMMON, COMMON - set(manifest)
    assert set(manifest["files"]) >= FILES, FILES - set(manifest["files"])
    version = Path(manifest["files"]["manifest"]).parent
    assert version.name == f"v{manifest['version']}"
    written = json.loads((version / "manifest.json").read_text())
    assert set(written["files"].values()) == {p.name for p in version.iterdir()}  # names only
    assert set(written["checks"]) == set(written["files"]) - {"manifest"}
    for name, check in written["checks"].items():
        assert (version / written["files"][name]).stat().st_size == check["size"], name
    index = json.loads((version.parent / "manifest.json").read_text())
    assert index["key"] == manifest["story"]["key"]
    assert manifest["version"] in [v["version"] for v in index["versions"]]


def test_render_of_makes_script_is_the_next_version_of_the_same_story(made):
    make, render = made["make"], made["render"]
    assert make["story"]["key"] == render["story"]["key"]
    assert (make["version"], render["version"], render["previous"]) == (1, 2, "v1")
    assert made["bulletin"]["kind"] == "bulletin" and made["batch"]["kind"] == "story"


def test_a_copied_story_folder_works_in_place_and_a_changed_file_is_refused(made, tmp_path):
    """The batch's story copied elsewhere, the original moved away: make finds the copy made,
    publish posts the copy's clip, render of its script.json adds the copy's v2; a clip changed
    after it was made is refused before anything is sent."""
    original = Path(made["batch"]["files"]["clip"]).parents[1]
    source = made["batch"]["story"]["key"]
    copy = tmp_path / "elsewhere" / original.name
    shutil.copytree(original, copy)
    away = original.rename(tmp_path / "away")  # nothing may lean on the original
    try:
        again = made_with("make", source, "--out", str(copy.parent))
        assert again["unchanged"] is True and again["version"] == 1  # the copy, complete
        plan = run_news60("publish", str(copy), "--to", "youtube", "--dry-run")
        assert plan.returncode == 0, plan.stderr
        assert f"file      {copy / 'v1' / 'clip.mp4'} " in plan.stdout
        script = str(copy / "v1" / "script.json")
        edited = made_with("render", script, "--out", str(copy.parent), seconds=30)
        assert Path(edited["files"]["clip"]).parent == copy / "v2"
    finally:
        away.rename(original)
    with (copy / "v2" / "clip.mp4").open("ab") as clip:
        clip.write(b"\0")
    refused = run_news60("publish", str(copy), "--to", "youtube", "--dry-run")
    assert refused.returncode == 1 and not refused.stdout
    (line,) = refused.stderr.splitlines()
    assert line.startswith(f"Error! {copy / 'v2'} does not hold the files its manifest lists")
    assert "clip.mp4 is" in line and "make the clip again" in line
