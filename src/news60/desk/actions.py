"""What the desk's buttons do, through the commands' own steps: render (news60 render), publish
(the exactly-once ledger of news60 publish) and bulletin (news60 bulletin). Each returns an action
for the job queue; checks that need no work run first, so a bad request fails at once."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from news60.desk.edits import SceneEdit, add_upload, edited_script, render_edit, render_settings
from news60.desk.jobs import Action
from news60.desk.story import local_article, pick_version, read_script, story_folder
from news60.errors import News60Error, PublishError, ScriptError
from news60.models import Script
from news60.reviews import decision_for, story_reviews
from news60.script.faithfulness import unsupported_terms
from news60.settings import Settings, with_overrides
from news60.stories import Story, Version, load_story

CHANNELS = ("youtube", "tiktok", "instagram")
# Keys of a platform's request that carry the words viewers see, and its AI-content flags.
_TEXT_KEYS = ("title", "description", "caption")
_AI_KEYS = ("containsSyntheticMedia", "is_aigc")


class NotApproved(News60Error):
    """Only an approved version goes out."""


@dataclass(frozen=True)
class Preview:
    """Exactly what a post would send: the words, credits, AI-content flags, privacy, request."""

    channel: str
    version: int
    privacy: str
    texts: tuple[tuple[str, object], ...]  # (field, text) as the platform gets them
    credits: tuple[str, ...]
    ai_flags: tuple[tuple[str, object], ...]
    disclosure: str
    request: dict[str, Any]  # the JSON request body, as the platform gets it
    file: str


def render_fix(
    out: Path,
    settings: Settings,
    name: str,
    number: int,
    edits: list[SceneEdit],
    upload: tuple[str, bytes, int] | None = None,
) -> Action:
    """The fix as the story's next version; `upload` is (file name, bytes, scene number)."""
    folder = story_folder(out, name)
    version = pick_version(load_story(folder), number)
    script, problem = read_script(version)
    if script is None:
        raise ScriptError(problem)
    if upload is not None:
        script, choice = add_upload(script, folder, upload[0], upload[1])
        edits = [replace(e, photo=choice) if i == upload[2] else e for i, e in enumerate(edits, 1)]
    story = load_story(folder)
    edited = edited_script(script, edits, story.key)
    chosen = render_settings(settings, version)
    check = unsupported(edited, story)

    def action() -> tuple[str, str]:
        with tempfile.TemporaryDirectory(prefix="news60-desk-") as work:
            outputs = render_edit(edited, chosen, Path(work))
        made = outputs.manifest.version
        if outputs.unchanged:
            return f"nothing changed: v{made} stays", f"/story/{name}"
        return f"v{made} rendered{check}", f"/story/{name}?v={made}"

    return action


def unsupported(script: Script, story: Story) -> str:
    """The faithfulness check's words on a fix: what it says that the article does not."""
    article = local_article(story)
    terms = unsupported_terms(script.text, article) if article else []
    return f"; not in the article, check them: {', '.join(terms)}" if terms else ""


def approved_version(out: Path, name: str, number: int) -> Version:
    """Version `number` of the story, if it is approved (and still the one approved)."""
    folder = story_folder(out, name)
    version = pick_version(load_story(folder), number)
    decision = decision_for(story_reviews(folder), number)
    if decision is None or not decision.approved:
        raise NotApproved(f"v{number} is not approved: approve it before publishing")
    return version


def preview(
    out: Path, settings: Settings, name: str, number: int, channel: str, privacy: str | None
) -> Preview:
    """What publishing the approved version to `channel` would send (nothing is sent)."""
    from news60.publish import prepare

    version = approved_version(out, name, number)
    _, post = prepare(version.folder, _channel(channel), settings, privacy)
    meta = post.metadata
    return Preview(
        channel=channel,
        version=number,
        privacy=post.privacy,
        texts=tuple(_find(post.request, _TEXT_KEYS)),
        credits=meta.credit_lines,
        ai_flags=tuple(_find(post.request, _AI_KEYS)),
        disclosure=meta.disclosure,
        request=post.request,
        file=post.clip.path.name,
    )


def publish_version(
    out: Path, settings: Settings, name: str, number: int, channel: str, privacy: str | None
) -> Action:
    """Post the approved version once; a second time says where it already is."""
    from news60.publish import publish_story

    version = approved_version(out, name, number)
    channel = _channel(channel)

    def action() -> tuple[str, str]:
        result = publish_story(version.folder, channel, settings, privacy=privacy)
        where = result.url or result.remote_id or ""
        return f"{result.state} to {channel}: {where}", f"/story/{name}?v={number}"

    return action


def make_lineup(
    out: Path, settings: Settings, names: list[str], title: str, seconds: float | None
) -> Action:
    """A bulletin of the approved stories `names`, in that order, as `news60 bulletin` makes it
    (each named with --allow-old)."""
    from news60.bulletin.make import make_bulletin

    if len(names) < 2:
        raise NotApproved("a bulletin needs at least two approved stories: tick two or more")
    stories = [load_story(story_folder(out, name)) for name in names]
    versions = [approved_version(out, s.folder.name, s.versions[-1].number) for s in stories]
    keys = [s.key for s in stories if s.key]
    if len(keys) != len(stories) or any(k.startswith(("stdin:", "bulletin:")) for k in keys):
        raise NotApproved(
            "a bulletin is made from the stories' sources: pick stories made from a file or URL"
        )
    chosen = with_overrides(
        render_settings(settings, versions[0]),
        "the desk's bulletin form",
        # The producer named these stories by approving and ticking them: aired however old,
        # as `news60 bulletin --allow-old SOURCE` airs a story named on its command line.
        bulletin={"stories": len(keys), "title": title.strip() or None, "allow_old": tuple(keys)},
        script={"seconds": seconds},
    )

    def action() -> tuple[str, str]:
        outputs = make_bulletin(keys, chosen, day=dt.date.today())
        folder = Path(outputs.folder).parent.name
        return f"bulletin v{outputs.manifest.version} made", f"/story/{folder}"

    return action


def _channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise PublishError(f"channel {channel!r} is unknown: use one of {', '.join(CHANNELS)}")
    return channel


def _find(data: object, keys: tuple[str, ...], where: str = "") -> list[tuple[str, object]]:
    """Every (path, value) in a nested request whose key is one of `keys`."""
    found: list[tuple[str, object]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{where}.{key}" if where else key
            if key in keys:
                found.append((path, value))
            found += _find(value, keys, path)
    return found
