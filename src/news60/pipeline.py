"""The whole job, stage by stage: check, read, then the story's next version (news60.versions:
claim and hold its folder, stop when unchanged, draft, publish) with a script narrated into it."""

from __future__ import annotations

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
from news60.memory import trim_heap
from news60.models import Article, Narration, Script
from news60.outputs import STORY, write_outputs
from news60.photocheck import check_photos, check_scene_photos
from news60.preflight import check_before_work, check_story_length
from news60.script.embeddings import unload as unload_encoder
from news60.script.fitting import Limits, fit_script, pick_script
from news60.script.storyfile import load_story
from news60.settings import Settings
from news60.speech.cache import SpeechCache
from news60.speech.narration import Spoken, narrate, record, speak_script, speaking_rate
from news60.speech.voices import unload_voices
from news60.stories import Draft, article_key, story_key, version_key
from news60.versions import Outputs, Request, Writer, next_version
from news60.video.theme import Theme

# Stage by stage, for the producer watching a render: the CLI shows these lines on stderr.
progress = logging.getLogger("news60.progress")


def make_clip(
    source: str, settings: Settings, *, data: bytes | None = None, force: bool = False
) -> Outputs:
    """Article in; a new version of its story (clip, MP3, script, captions, manifest) out."""
    theme = check_before_work(settings)
    article = read_source(source, settings, data=data)
    request = article_request(source, article, settings)
    return next_version(settings, request, article_draft(article, settings, theme), force=force)


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
    key = script.key or version_key(path.parent) or story_key(str(path))
    request = Request(script.title, key, script_fingerprint(script, settings))
    return next_version(
        settings, request, script_draft(script, settings, theme, str(path)), force=force
    )


def article_request(source: str, article: Article, settings: Settings) -> Request:
    """The version an article asks for: of its source's story, made from its parts (make, batch)."""
    return Request(
        article.title, article_key(source, article), article_fingerprint(article, settings)
    )


def article_draft(article: Article, settings: Settings, theme: Theme) -> Writer:
    """What goes into an article's draft: its photos, a script fitted and narrated, the outputs."""

    def write(draft: Draft) -> Outputs:
        fetched = fetch_photos(article, settings, draft.story.folder)
        script, narration = write_script(fetched, settings, theme, draft.work)
        return write_story(script, narration, settings, theme, draft)

    return write


def script_draft(script: Script, settings: Settings, theme: Theme, origin: str) -> Writer:
    """What goes into an edited script's draft: its photos, its narration (it must still fit)."""
    strict = not settings.article.skip_missing_photos

    def write(draft: Draft) -> Outputs:
        fetched = download_scene_photos(
            script, draft.story.folder / ".photos", settings.article, strict=strict, origin=origin
        )
        # At the pace the fitting chose (recorded in story.json): an untouched story fits again.
        voice = replace(settings.voice, rate=settings.voice.rate * script.rate)
        narration = narrate(fetched, voice, draft.work)
        check_length(narration, limits(settings, theme), fetched)
        return write_story(fetched, narration, settings, theme, draft)

    return write


def write_story(
    script: Script, narration: Narration, settings: Settings, theme: Theme, draft: Draft
) -> Outputs:
    """A story's outputs into its draft."""
    release_models()
    progress.info("script: %d scenes, %.1f s of narration", len(script.scenes), narration.duration)
    return write_outputs(STORY, script, narration, settings, theme, draft)


def release_models() -> None:
    """The voice and the sentence model are done with once the narration is recorded: their
    memory goes back before the render needs it for frames and x264 (a batch worker loads them
    again for its next story: under a second from the kept voice and the mapped weights)."""
    unload_voices()
    unload_encoder()
    trim_heap()


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
    key = article_key(source, article)
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


def write_script(
    article: Article, settings: Settings, theme: Theme, work: Path
) -> tuple[Script, Narration]:
    """Choose the sentences and narrate them, fitted to the clip's length: drafts are measured
    (each sentence spoken once, then from the cache), the fitted one recorded."""
    script, spoken = fit_script(
        article,
        settings.script,
        narrator(settings),
        pace=speaking_rate(settings.voice),
        limits=limits(settings, theme),
    )
    return script, record(spoken, work)


def narrator(settings: Settings) -> Callable[[Script, float], Spoken]:
    """Measure a script spoken at `speedup` times the voice's rate, as the fitters try takes
    (make's and the bulletin's alike): each sentence spoken once, then taken from the cache, so
    a take turned down costs only its new sentences; `record` lays the fitted one down."""
    takes: list[float] = []
    cache = SpeechCache(limit_bytes=settings.voice.cache_bytes)

    def speak(script: Script, speedup: float) -> Spoken:
        takes.append(speedup)
        again = "again, to fit the time: " if len(takes) > 1 else ""
        progress.info(
            "narrating %s%d scenes with %s", again, len(script.scenes), settings.voice.name
        )
        voice = replace(settings.voice, rate=settings.voice.rate * speedup)
        return speak_script(script, voice, cache)

    return speak


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
