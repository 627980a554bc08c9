"""The review page, DIR/index.html: every story's current version, newest first, with its clips,
script, credits and warnings. All text is escaped (titles come from the web); links are relative,
so the folder can be copied or served as it is."""

from __future__ import annotations

from html import escape
from pathlib import Path

from news60.atomic import write_text
from news60.errors import News60Error
from news60.models import Scene, TracedSentence
from news60.records.manifest import VersionManifest
from news60.script.storyfile import load_story as load_script
from news60.stories import INDEX, Story, Version, load_story

PAGE = "index.html"

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#111}
h1{font-size:1.4rem}.story{border-top:1px solid #ccc;padding:1rem 0;display:flex;gap:1rem}
.media{display:flex;gap:.5rem;flex-wrap:wrap;align-items:flex-start}
video{max-height:360px;background:#000}img.thumb{max-width:160px}
.meta{color:#555;font-size:.9rem}.warn{color:#a40000}.text{flex:1;min-width:18rem}
figcaption{font-size:.8rem;color:#555}
details.trace{display:inline}details.trace>summary{display:inline;cursor:pointer;list-style:none}
details.trace>summary::after{content:" \\2197";color:#777;font-size:.8em}
details.trace[open]{display:block;background:#f6f6f6;padding:.3rem .5rem;margin:.2rem 0}
blockquote{margin:.2rem 1rem;color:#444;font-style:italic}
"""


def write_review(out: Path) -> Path:
    """Write (or rewrite) the review page for every complete story in `out`."""
    stories = [s for s in _stories(out) if s.current is not None]
    stories.sort(key=lambda s: s.current.manifest.created if s.current else "", reverse=True)
    cards = "\n".join(story_card(out, story) for story in stories)
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'  # no favicon request: a served folder stays quiet
        f"<title>news60 review: {len(stories)} stories</title>\n<style>{_STYLE}</style></head>\n"
        f"<body><h1>news60 review: {len(stories)} stories, newest first</h1>\n{cards}\n</body></html>\n"
    )
    return write_text(out / PAGE, page)


def story_card(out: Path, story: Story) -> str:
    """One story: thumbnail, a player per format, script, duration, credits, version, warnings."""
    version = story.current
    if version is None:
        return ""
    manifest = version.manifest
    base = version.folder.relative_to(out).as_posix()
    return (
        '<section class="story">\n<div class="media">\n'
        f"{_thumbnail(base, manifest)}{_players(base, manifest)}</div>\n"
        '<div class="text">\n'
        f"<h2>{escape(manifest.title or story.folder.name)}</h2>\n"
        f'<p class="meta">{_facts(story, version)}</p>\n'
        f"{_warnings(manifest)}{_credits(manifest)}{_script(version)}</div>\n</section>"
    )


def _stories(out: Path) -> list[Story]:
    folders = sorted(p for p in out.iterdir() if p.is_dir() and (p / INDEX).is_file())
    return [load_story(folder) for folder in folders]


def _link(base: str, file: str) -> str:
    """A file of the version, relative to the page."""
    return escape(f"{base}/{file}", quote=True)


def _thumbnail(base: str, manifest: VersionManifest) -> str:
    file = manifest.files.get("thumbnail")
    return f'<img class="thumb" alt="thumbnail" src="{_link(base, file)}">\n' if file else ""


def _players(base: str, manifest: VersionManifest) -> str:
    players = []
    for clip in manifest.clips():
        file = manifest.files.get(clip.file)
        if not file:
            continue
        size = f"{clip.width}x{clip.height}"
        size = size if clip.format == size else f"{clip.format} · {size}"
        players.append(
            f'<figure><video controls preload="metadata" src="{_link(base, file)}"'
            f' data-duration="{manifest.duration:.2f}"></video>'
            f"<figcaption>{escape(size)}</figcaption></figure>\n"
        )
    return "".join(players)


def _facts(story: Story, version: Version) -> str:
    manifest = version.manifest
    facts = [
        f"v{version.number} of {len(story.versions)}",
        f"{manifest.duration:.1f} s",
        f"voice {manifest.voice or '?'}",
        f"made {manifest.created or '?'}",
    ]
    if manifest.reason:
        facts.append(manifest.reason)
    if manifest.source_url:
        facts.append(f"source {manifest.source_url}")
    return escape(" · ".join(facts))


def _warnings(manifest: VersionManifest) -> str:
    if not manifest.notes:
        return ""
    items = "".join(f"<li>{escape(note)}</li>" for note in manifest.notes)
    return f'<ul class="warn">{items}</ul>\n'


def _credits(manifest: VersionManifest) -> str:
    lines = manifest.credits.lines
    if not lines:
        return ""
    return "<p><b>Credits</b><br>" + "<br>".join(escape(str(line)) for line in lines) + "</p>\n"


def _script(version: Version) -> str:
    """The narration, scene by scene, from the version's script.json (a bulletin's lists
    segments), each sentence with where it came from in the article and how the writer changed it."""
    path = version.path("script") or version.folder / "script.json"
    try:
        script = load_script(path)
    except News60Error:
        return ""
    items = "".join(f"<li>{_scene(scene)}</li>" for scene in script.scenes)
    return f"<details open><summary>Script</summary><ol>{items}</ol></details>\n"


def _scene(scene: Scene) -> str:
    if not scene.lines:
        return escape(scene.text)
    return " ".join(_traced(line) for line in scene.lines)


def _traced(line: TracedSentence) -> str:
    """A sentence as said; the article's words and the rewrites folded beneath it."""
    if not line.rewrites and line.sources == (line.text,):
        return escape(line.text)
    notes = "".join(f"<li>{escape(r.rule)}: {escape(r.note)}</li>" for r in line.rewrites)
    sources = "".join(f"<blockquote>{escape(s)}</blockquote>" for s in line.sources)
    return (
        f'<details class="trace"><summary>{escape(line.text)}</summary>'
        f"<p>From the article:</p>{sources}<ul>{notes}</ul></details>"
    )
