"""One story as the desk shows it: a version's clips and cover, its script scene by scene with what
is on screen and where each sentence came from, the article, credits, notes and the history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from news60.desk.day import Row, story_row
from news60.desk.notes import grouped, setup_notes
from news60.errors import News60Error
from news60.failures import read_failures
from news60.models import Article, Photo, Scene, Script, TracedSentence
from news60.publish.ledger import Upload, read_ledger
from news60.reviews import Review, decision_for, story_reviews
from news60.script.storyfile import load_story as load_script
from news60.stories import INDEX, Story, Version, load_story


@dataclass(frozen=True)
class Media:
    """A file of the version shown on the page: its path under OUT and a label."""

    src: str
    label: str
    width: int = 0
    height: int = 0


@dataclass(frozen=True)
class SceneView:
    """A scene: what is said, what is on screen, its photo, and the article sentences behind it."""

    number: int
    text: str
    caption: str
    photo: Photo | None
    photo_src: str  # the photo under OUT, "" when it is not a local file there
    trace: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryPage:
    """Everything the story page shows about one version."""

    row: Row
    story: Story
    version: Version
    scenes: tuple[SceneView, ...]
    clips: tuple[Media, ...]
    covers: tuple[Media, ...]
    audio: str
    notes: dict[str, tuple[str, ...]]
    setup: tuple[str, ...]
    reviews: tuple[Review, ...]
    decision: Review | None
    uploads: tuple[Upload, ...]
    photos: tuple[SceneView, ...]  # the story's photos a scene can show (number: index + 1)
    article: tuple[str, ...]  # the article's paragraphs, when its source file is here
    credits: tuple[str, ...]
    problem: str = ""  # why the script or the ledger could not be read

    @property
    def current(self) -> bool:
        return self.story.current is not None and self.version.number == self.story.current.number


class StoryNotFound(News60Error):
    """No story of that name in OUT."""


def story_page(out: Path, name: str, number: int | None, busy: bool) -> StoryPage:
    """The page of story folder `name` at version `number` (the current one when None)."""
    folder = story_folder(out, name)
    story = load_story(folder)
    version = pick_version(story, number)
    failures = {f.source: f for f in read_failures(out)}
    row = story_row(story, out, failures, busy)
    manifest = version.manifest
    script, problem = read_script(version)
    reviews = story_reviews(folder)
    uploads, ledger_problem = read_uploads(folder)
    return StoryPage(
        row=row,
        story=story,
        version=version,
        scenes=scene_views(script, out),
        clips=clips(version, out),
        covers=covers(version, out),
        audio=_file(version, out, "audio"),
        notes=grouped(manifest.notes),
        setup=setup_notes(manifest.notes),
        reviews=reviews,
        decision=decision_for(reviews, version.number),
        uploads=uploads,
        photos=photo_choices(script, out),
        article=article_text(story),
        credits=manifest.credits.lines,
        problem=problem or ledger_problem,
    )


def story_folder(out: Path, name: str) -> Path:
    """The story folder `name` directly under OUT (never a path elsewhere)."""
    folder = out / name
    if "/" in name or name.startswith(".") or not (folder / INDEX).is_file():
        raise StoryNotFound(f"there is no story {name!r} in {out}: go back to the day's list")
    return folder


def pick_version(story: Story, number: int | None) -> Version:
    if not story.versions:
        raise StoryNotFound(f"{story.folder.name} has no finished version yet: wait for it")
    if number is None:
        return story.versions[-1]
    for version in story.versions:
        if version.number == number:
            return version
    raise StoryNotFound(f"{story.folder.name} has no v{number}: pick one from its history")


def read_script(version: Version) -> tuple[Script | None, str]:
    """The version's script.json, typed (its photos where they are now); or why it cannot be read."""
    path = version.path("script") or version.folder / "script.json"
    try:
        return load_script(path), ""
    except News60Error as exc:
        return None, f"the script of v{version.number} cannot be read ({exc})"


def read_uploads(folder: Path) -> tuple[tuple[Upload, ...], str]:
    try:
        return read_ledger(folder).uploads, ""
    except News60Error as exc:
        return (), str(exc)


def scene_views(script: Script | None, out: Path) -> tuple[SceneView, ...]:
    if script is None:
        return ()
    return tuple(
        SceneView(
            number,
            scene.text,
            str(scene.caption),
            scene.photo,
            under_out(scene.photo.src, out) if scene.photo else "",
            scene_trace(scene),
        )
        for number, scene in enumerate(script.scenes, 1)
    )


def photo_choices(script: Script | None, out: Path) -> tuple[SceneView, ...]:
    """The story's photos that a scene may show: local files under OUT."""
    if script is None:
        return ()
    choices = []
    for number, photo in enumerate(script.photos, 1):
        src = under_out(photo.src, out)
        if src and not photo.note:
            choices.append(SceneView(number, photo.caption, photo.credit, photo, src))
    return tuple(choices)


def scene_trace(scene: Scene) -> tuple[str, ...]:
    """The article sentences a scene was written from and the writer's rewrites, when script.json
    carries the script writer's trace (the scene's `lines`)."""
    return tuple(line for traced in scene.lines for line in _traced(traced))


def _traced(sentence: TracedSentence) -> list[str]:
    """A traced sentence as lines to show (the script writer's trace, from script.json): its
    article sentences, then each rewrite's note."""
    shown = [f"“{source}”" for source in sentence.sources]
    shown += [f"{r.rule or 'rewrite'}: {r.note}" for r in sentence.rewrites if r.note]
    return shown


def clips(version: Version, out: Path) -> tuple[Media, ...]:
    return tuple(
        Media(src, clip.format, clip.width, clip.height)
        for clip in version.manifest.clips()
        if (src := _file(version, out, clip.file))
    )


def covers(version: Version, out: Path) -> tuple[Media, ...]:
    names = [n for n in version.manifest.files if n.startswith("cover")] or ["thumbnail"]
    return tuple(Media(src, name) for name in names if (src := _file(version, out, name)))


def _file(version: Version, out: Path, name: str) -> str:
    """A file the manifest lists, as a path under OUT (where the version folder is now)."""
    path = version.path(name)
    return path.relative_to(out).as_posix() if path and path.is_file() else ""


def under_out(src: str | None, out: Path) -> str:
    """A local file as a path under OUT, "" for URLs and files elsewhere."""
    if not src or "://" in src:
        return ""
    path = Path(src).resolve()
    root = out.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) and path.is_file() else ""


def article_text(story: Story) -> tuple[str, ...]:
    """The article's paragraphs, when its source file is here."""
    article = local_article(story)
    return article.paragraphs if article else ()


def local_article(story: Story) -> Article | None:
    """The story's article when it came from a file that is still here (nothing is fetched: a
    web story shows its link instead)."""
    key = story.key or ""
    if "://" in key or not key.startswith("/") or not Path(key).is_file():
        return None
    from news60.article import read_article
    from news60.settings import ArticleSettings

    try:
        return read_article(key, ArticleSettings())
    except News60Error:
        return None
