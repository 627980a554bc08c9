"""The whole job, stage by stage: read the article, write the script, narrate, plan, render."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from dataclasses import replace
from pathlib import Path

from news60.article import read_article
from news60.article.photofolder import photos_from_folder
from news60.article.photos import download_photos, download_scene_photos, trim_cache
from news60.errors import ScriptError
from news60.jobfolder import JobFolder, discard, open_job, publish, slugify
from news60.models import Article, Narration, Outputs, Script
from news60.outputs import write_outputs
from news60.script.fitting import Limits, fit_script, pick_script
from news60.script.storyfile import load_story
from news60.settings import Settings
from news60.speech.narration import narrate, speaking_rate
from news60.video.theme import Theme, load_theme

# Stage by stage, for the producer watching a render: the CLI shows these lines on stderr.
progress = logging.getLogger("news60.progress")


def make_clip(source: str, settings: Settings, *, data: bytes | None = None) -> Outputs:
    """Article in, finished clip, MP3, script, captions and manifest out."""
    article = fetch_photos(read_source(source, settings, data=data), source, settings)
    theme = load_theme(settings.video.theme)
    job = open_job(settings.out, slugify(article.title))
    try:
        script, narration = write_script(article, settings, theme, job.work)
        progress.info(
            "script: %d scenes, %.1f s of narration", len(script.scenes), narration.duration
        )
        return finish(script, narration, settings, theme, job)
    except BaseException:
        discard(job)
        raise


def render_story(story: Path, settings: Settings) -> Outputs:
    """Render an edited story.json exactly as written."""
    script = download_scene_photos(
        load_story(story), settings.out / ".photos" / "story", settings.article
    )
    theme = load_theme(settings.video.theme)
    job = open_job(settings.out, slugify(script.title))
    try:
        narration = narrate(script, settings.voice, job.work)
        check_length(narration, limits(settings, theme))
        return finish(script, narration, settings, theme, job)
    except BaseException:
        discard(job)
        raise


def draft_script(source: str, settings: Settings, *, data: bytes | None = None) -> Script:
    """The script alone, for a producer to edit: fitted to time, or exactly --sentences long."""
    article = fetch_photos(read_source(source, settings, data=data), source, settings)
    if settings.script.sentences:
        return pick_script(article, settings.script)
    theme = load_theme(settings.video.theme)
    with tempfile.TemporaryDirectory(prefix="news60-") as work:
        return write_script(article, settings, theme, Path(work))[0]


def read_source(source: str, settings: Settings, *, data: bytes | None = None) -> Article:
    """The article as the source holds it (nothing downloaded), the producer's own photos first."""
    article = read_article(source, settings.article, data=data)
    progress.info(
        "article: “%s”, %d words, %d photos",
        article.title,
        len(article.text.split()),
        len(article.photos),
    )
    if settings.article.photos is None:
        return article
    supplied = photos_from_folder(settings.article.photos)
    return replace(article, photos=supplied + article.photos)


def fetch_photos(article: Article, source: str, settings: Settings) -> Article:
    """The article's web photos downloaded into OUT/.photos/ (kept within its size and age
    limits); those that fail keep their URL, credit and a note."""
    cache = settings.out / ".photos"
    article = download_photos(
        article, cache / hashlib.sha1(source.encode()).hexdigest()[:12], settings.article
    )
    trim_cache(cache, settings.article)
    return article


def write_script(
    article: Article, settings: Settings, theme: Theme, work: Path
) -> tuple[Script, Narration]:
    """Choose the sentences and narrate them, fitted to the clip's length."""

    attempts = []

    def speak(script: Script, speedup: float) -> Narration:
        attempts.append(speedup)
        again = "again, to fit the time: " if len(attempts) > 1 else ""
        progress.info(
            "narrating %s%d scenes with %s", again, len(script.scenes), settings.voice.name
        )
        voice = replace(settings.voice, rate=settings.voice.rate * speedup)
        return narrate(script, voice, work)

    return fit_script(
        article,
        settings.script,
        speak,
        pace=speaking_rate(settings.voice),
        limits=limits(settings, theme),
    )


def limits(settings: Settings, theme: Theme) -> Limits:
    """How long the narration may run: the clip less the theme's lead-in and end card."""
    return Limits.for_clip(settings.script.seconds, theme.lead_in, theme.end_card)


def check_length(narration: Narration, limits: Limits) -> None:
    """An edited story must still fit the clip: say by how much it runs over."""
    longest = limits.longest
    if narration.duration > longest:
        raise ScriptError(
            f"the story's narration runs {narration.duration:.1f} s but the clip allows "
            f"{longest:.1f} s: cut about {narration.duration - longest:.0f} s of text or raise --seconds"
        )


def finish(
    script: Script, narration: Narration, settings: Settings, theme: Theme, job: JobFolder
) -> Outputs:
    """Render every output into the staging folder, then move it into place."""
    outputs = write_outputs(script, narration, settings, theme, job)
    publish(job)
    return outputs
