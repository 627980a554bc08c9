"""The whole job, stage by stage: check, read, claim the story's folder, script, narrate, render."""

from __future__ import annotations

import hashlib
import logging
import math
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from news60.article import read_article
from news60.article.photofolder import photos_from_folder
from news60.article.photos import (
    check_scene_urls,
    download_photos,
    download_scene_photos,
    trim_cache,
)
from news60.errors import ScriptError
from news60.fingerprint import article_fingerprint, script_fingerprint
from news60.models import Article, Narration, Outputs, Script
from news60.outputs import write_outputs
from news60.photocheck import check_photos, check_scene_photos
from news60.preflight import check_before_work, check_story_length
from news60.script.fitting import Limits, fit_script, pick_script
from news60.script.storyfile import load_story
from news60.settings import Settings
from news60.speech.cache import SpeechCache
from news60.speech.narration import Spoken, narrate, record, speak_script, speaking_rate
from news60.stories import (
    Draft,
    Story,
    Version,
    claim_story,
    discard,
    open_draft,
    publish_draft,
    story_key,
)
from news60.video.theme import Theme

# Stage by stage, for the producer watching a render: the CLI shows these lines on stderr.
progress = logging.getLogger("news60.progress")

Fingerprint = dict[str, str]


def make_clip(
    source: str,
    settings: Settings,
    *,
    data: bytes | None = None,
    key: str | None = None,
    force: bool = False,
) -> Outputs:
    """Article in; a new version of its story (clip, MP3, script, captions, manifest) out."""
    theme = check_before_work(settings)
    article = read_source(source, settings, data=data)
    story = claim_story(
        settings.out, article.title, key or story_key(source, fallback=_digest(article))
    )
    prints = article_fingerprint(article, settings)
    if (current := up_to_date(story, prints)) and not force:
        return unchanged(current)
    return render_article(article, story, prints, settings, theme)


def render_article(
    article: Article, story: Story, prints: Fingerprint, settings: Settings, theme: Theme
) -> Outputs:
    """A read article as its story's next version (make, and a batch worker, from here on)."""
    article = fetch_photos(article, settings, story.folder)

    def script_for(draft: Draft) -> tuple[Script, Narration]:
        return write_script(article, settings, theme, draft.work)

    return render_version(story, prints, script_for, settings, theme)


def render_story(path: Path, settings: Settings, *, force: bool = False) -> Outputs:
    """Render an edited story.json exactly as written, as the next version of its story."""
    theme = check_before_work(settings)
    script = load_story(path, settings.article.photos)
    strict = not settings.article.skip_missing_photos
    script = check_scene_photos(
        script, strict=strict, origin=str(path), max_pixels=settings.article.max_pixels
    )
    script = check_scene_urls(script, settings.article, strict=strict, origin=str(path))
    check_story_length(script, settings, limits(settings, theme))
    story = claim_story(settings.out, script.title, script.key or story_key(str(path)))
    prints = script_fingerprint(script, settings)
    if (current := up_to_date(story, prints)) and not force:
        return unchanged(current)
    script = download_scene_photos(
        script, story.folder / ".photos", settings.article, strict=strict, origin=str(path)
    )

    def script_for(draft: Draft) -> tuple[Script, Narration]:
        # At the pace the fitting chose (recorded in story.json): an untouched story fits again.
        voice = replace(settings.voice, rate=settings.voice.rate * script.rate)
        narration = narrate(script, voice, draft.work)
        check_length(narration, limits(settings, theme), script)
        return script, narration

    return render_version(story, prints, script_for, settings, theme)


def draft_script(source: str, settings: Settings, *, data: bytes | None = None) -> Script:
    """The script alone, for a producer to edit: fitted to time, or exactly --sentences long."""
    theme = check_before_work(settings)
    article = read_source(source, settings, data=data)
    article = replace(
        article,
        photos=check_photos(
            article.photos, strict=False, origin=source, max_pixels=settings.article.max_pixels
        ),
    )
    key = story_key(source, fallback=_digest(article))
    if settings.script.sentences:
        return replace(pick_script(article, settings.script), key=key)
    with tempfile.TemporaryDirectory(prefix="news60-") as work:
        return replace(write_script(article, settings, theme, Path(work))[0], key=key)


def read_source(
    source: str, settings: Settings, *, data: bytes | None = None, fallback: str = ""
) -> Article:
    """The article as the source gives it (nothing downloaded), the producer's own photos first;
    `fallback` is its text from its feed item, for a page that yields none (read_article)."""
    article = read_article(source, settings.article, data=data, fallback=fallback)
    progress.info(
        "article: “%s”, %d words, %d photos",
        article.title,
        len(article.text.split()),
        len(article.photos),
    )
    if settings.article.photos is not None:
        article = replace(
            article, photos=photos_from_folder(settings.article.photos) + article.photos
        )
    # Photos named by the producer (--photos, a CMS export's files) must be showable.
    strict = not settings.article.skip_missing_photos
    checked = check_photos(
        article.photos, strict=strict, origin=source, max_pixels=settings.article.max_pixels
    )
    return replace(article, photos=checked)


def fetch_photos(article: Article, settings: Settings, folder: Path) -> Article:
    """A web page's photos downloaded beside the story and checked; failures kept with a note.
    The story's photo cache stays within article.cache_bytes and article.cache_days."""
    downloaded = download_photos(article, folder / ".photos", settings.article)
    trim_cache(folder / ".photos", settings.article)
    checked = check_photos(
        downloaded.photos, strict=False, origin="web", max_pixels=settings.article.max_pixels
    )
    return replace(downloaded, photos=checked)


def up_to_date(story: Story, prints: Fingerprint) -> Version | None:
    """The story's current version when it was made from exactly this content and is complete."""
    current = story.current
    if current and current.manifest.get("fingerprint") == prints and current.complete:
        return current
    return None


def unchanged(current: Version) -> Outputs:
    """What a re-run with nothing new returns: the current version, untouched."""
    progress.info("unchanged since v%d: nothing to render", current.number)
    manifest = current.manifest | {"unchanged": True}
    files = {name: Path(path) for name, path in current.manifest.get("files", {}).items()}
    return Outputs(current.folder, files, manifest)


def render_version(
    story: Story,
    prints: Fingerprint,
    script_for: Callable[[Draft], tuple[Script, Narration]],
    settings: Settings,
    theme: Theme,
) -> Outputs:
    """Script and narrate into a draft of the next version, render it, then publish it whole."""
    draft = open_draft(story)
    try:
        script, narration = script_for(draft)
        progress.info(
            "script: %d scenes, %.1f s of narration", len(script.scenes), narration.duration
        )
        outputs = write_outputs(script, narration, settings, theme, draft, prints)
        publish_draft(draft)
        return outputs
    except BaseException:
        discard(draft)
        raise


def write_script(
    article: Article, settings: Settings, theme: Theme, work: Path
) -> tuple[Script, Narration]:
    """Choose the sentences and narrate them, fitted to the clip's length: drafts are measured
    (each sentence spoken once, then from the cache), the fitted one recorded."""

    attempts = []
    cache = SpeechCache()

    def speak(script: Script, speedup: float) -> Spoken:
        attempts.append(speedup)
        again = "again, to fit the time: " if len(attempts) > 1 else ""
        progress.info(
            "narrating %s%d scenes with %s", again, len(script.scenes), settings.voice.name
        )
        voice = replace(settings.voice, rate=settings.voice.rate * speedup)
        return speak_script(script, voice, cache)

    script, spoken = fit_script(
        article,
        settings.script,
        speak,
        pace=speaking_rate(settings.voice),
        limits=limits(settings, theme),
    )
    return script, record(spoken, work)


def limits(settings: Settings, theme: Theme) -> Limits:
    """How long the narration may run: the clip less the theme's lead-in and end card."""
    return Limits.for_clip(settings.script.seconds, theme.lead_in, theme.end_card)


def check_length(narration: Narration, limits: Limits, script: Script) -> None:
    """An edited story must still fit the clip: say how many words (and seconds) to cut."""
    over = narration.duration - limits.longest
    if over > 0:
        words = len(script.text.split())
        cut = max(1, math.ceil(words * over / narration.duration))
        raise ScriptError(
            f"the story's narration runs {narration.duration:.1f} s but the clip allows "
            f"{limits.longest:.1f} s: cut about {cut} word{'s' if cut > 1 else ''} "
            f"({math.ceil(over)} s) or raise --seconds"
        )


def _digest(article: Article) -> str:
    """A name for a story from stdin that declares no URL: its headline and first paragraph."""
    if article.source_url:
        return article.source_url
    first = article.paragraphs[0] if article.paragraphs else ""
    return hashlib.sha256(f"{article.title}\n{first}".encode()).hexdigest()[:12]
