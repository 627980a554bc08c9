"""make, render, bulletin and batch all make a story's next version through one step and one
table of outputs: the same manifest fields, the same files, the same story folder layout."""

from __future__ import annotations

import json
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
