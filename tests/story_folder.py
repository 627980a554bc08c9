"""A story folder laid out as news60 writes one (OUT/<slug>/manifest.json + v1/...), for publish tests.

The clip is a real MP4 from ffmpeg's test source (about 11 MB, so every platform sends it in
several chunks); credits and script are the seed's."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

SLUG = "trump-jokes-to-putin-dont-meddle-in-the-election-please"
TITLE = "Trump jokes to Putin: 'Don't meddle in the election, please'"
SCENES = [
    "US President Donald Trump has hailed his very good relationship with Russian President Vladimir Putin.",
    "When asked if he would warn Russia not to meddle, Trump said: Don't meddle in the election, please.",
    "Their meeting in Japan was the first since the summit in Helsinki, where Trump met Putin.",
]
NOT_SHOWN = [
    "Susan Walsh via PA Images",
    "Mikhail Klimentyev via PA Images",
    "Adrian Wyld via PA Images",
]


def render_clip(dest: Path, seconds: float = 1.0) -> Path:
    """A real H.264 MP4: ffmpeg's test pattern with noise, so it barely compresses."""
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=320x568:rate=30",
            "-t",
            str(seconds),
            "-vf",
            "noise=alls=100:allf=t",
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-qp",
            "0",
            "-movflags",
            "+faststart",
            str(dest),
        ],
        check=True,
    )
    return dest


def make_story(out: Path, clip: Path, version: int = 1, source_url: str | None = None) -> Path:
    """OUT/<slug>/ with version `version` holding `clip`; earlier versions are kept as they are."""
    story = out / SLUG
    folder = story / f"v{version}"
    folder.mkdir(parents=True)
    shutil.copyfile(clip, folder / "clip.mp4")
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-i",
            str(clip),
            "-frames:v",
            "1",
            str(folder / "thumbnail.jpg"),
        ],
        check=True,
    )
    script = {
        "format": "news60/story@2",
        "title": TITLE,
        "scenes": [{"text": t, "caption": t[:40], "photo": None} for t in SCENES],
        "photos": [{"src": None, "caption": "Photo", "credit": c, "note": ""} for c in NOT_SHOWN],
        "reporting": {"authors": [], "contributors": [], "agencies": ["AFP"]},
        "published": None,
        "source_url": source_url,
        "language": "en",
        "summariser": "extractive",
    }
    (folder / "script.json").write_text(json.dumps(script))
    files = {name: str(folder / name) for name in ("clip.mp4", "thumbnail.jpg", "script.json")}
    manifest = {
        "title": TITLE,
        "source_url": source_url,
        "voice": "piper:en_US-joe-medium",
        "version": version,
        "previous": f"v{version - 1}" if version > 1 else None,
        "content_hash": f"hash{version}",
        "credits": {
            "reporting": {"authors": [], "contributors": [], "agencies": ["AFP"]},
            "photos": [],
            "not_shown": [
                {
                    "credit": c,
                    "caption": "Photo",
                    "src": None,
                    "reason": "credited by the source, not shown",
                }
                for c in NOT_SHOWN
            ],
            "lines": [
                "Reporting: AFP",
                "Photos credited by the source (not shown): " + "; ".join(NOT_SHOWN),
            ],
        },
        "files": {
            "clip": files["clip.mp4"],
            "thumbnail": files["thumbnail.jpg"],
            "script": files["script.json"],
        },
        "formats": [
            {
                "format": "9:16",
                "width": 320,
                "height": 568,
                "file": "clip",
                "path": files["clip.mp4"],
            }
        ],
        "published": None,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    versions = sorted(int(p.name[1:]) for p in story.glob("v*") if (p / "manifest.json").is_file())
    index = {
        "key": "/examples/seed-article.txt",
        "current": versions[-1],
        "folder": f"v{versions[-1]}",
        "title": TITLE,
        "versions": [
            {"version": v, "folder": f"v{v}", "content_hash": f"hash{v}"} for v in versions
        ],
    }
    (story / "manifest.json").write_text(json.dumps(index))
    return story
