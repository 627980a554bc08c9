"""The whole bulletin, stage by stage: list, read, claim the day's folder, fit, narrate, render."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from news60.bulletin.fitting import bulletin_slot, fit_bulletin
from news60.bulletin.lineup import check_enough, list_sources, read_lineup
from news60.bulletin.models import Bulletin, Item
from news60.bulletin.outputs import write_bulletin
from news60.bulletin.segments import make_segments
from news60.bulletin.timeline import CLOSE_GAP, CLOSING
from news60.fingerprint import article_fingerprint
from news60.models import Narration, Outputs, Script
from news60.pipeline import fetch_photos, unchanged, up_to_date
from news60.preflight import check_before_work
from news60.settings import Settings
from news60.speech.cache import SpeechCache
from news60.speech.narration import Spoken, record, speak_script
from news60.stories import Draft, Story, claim_story, discard, open_draft, publish_draft, story_key
from news60.video.theme import Theme


def make_bulletin(
    sources: Sequence[str], settings: Settings, *, day: dt.date | None = None, force: bool = False
) -> Outputs:
    """Sources in; a new version of the day's bulletin (clips, briefing, script, manifest) out."""
    theme = check_before_work(settings)
    day = day or dt.date.today()
    title = settings.bulletin.title or theme.tagline or theme.brand
    entries, unlisted = list_sources(sources, settings.article)
    items, unread = read_lineup(entries, settings, settings.bulletin.stories, day)
    left_out = [*unlisted, *unread]
    check_enough(items, left_out, sources)
    story = claim_story(
        settings.out, f"{title} {day.isoformat()}", bulletin_key(title, day, sources)
    )
    prints = bulletin_fingerprint(items, settings, title, day)
    if (current := up_to_date(story, prints)) and not force:
        return unchanged(current)
    items = [replace(i, article=fetch_photos(i.article, settings, story.folder)) for i in items]
    bulletin = Bulletin(title, day, make_segments(items), tuple(left_out))

    def write(draft: Draft) -> Outputs:
        fitted, narration = narrate_bulletin(bulletin, settings, theme, draft.work)
        return write_bulletin(fitted, narration, settings, theme, draft, prints)

    return publish_version(story, write)


def narrate_bulletin(
    bulletin: Bulletin, settings: Settings, theme: Theme, work: Path
) -> tuple[Bulletin, Narration]:
    """The bulletin narrated with the real voice and fitted to --seconds by measuring it: each
    take is measured from speech spoken once (then cached), the fitted one recorded."""
    cache = SpeechCache()

    def speak(script: Script, speedup: float) -> Spoken:
        voice = replace(settings.voice, rate=settings.voice.rate * speedup)
        return speak_script(script, voice, cache)

    slot = bulletin_slot(settings.script.seconds, theme.lead_in, CLOSING + CLOSE_GAP)
    fitted, spoken = fit_bulletin(bulletin, speak, slot)
    return fitted, record(spoken, work)


def publish_version(story: Story, write: Callable[[Draft], Outputs]) -> Outputs:
    """Write the next version into a draft and publish it whole, or leave nothing behind."""
    draft = open_draft(story)
    try:
        outputs = write(draft)
        publish_draft(draft)
        return outputs
    except BaseException:
        discard(draft)
        raise


def bulletin_key(title: str, day: dt.date, sources: Sequence[str]) -> str:
    """The bulletin's identity: its title, its day and what it was made from."""
    return "bulletin:" + "|".join([title, day.isoformat(), *(story_key(s) for s in sources)])


def bulletin_fingerprint(
    items: Sequence[Item], settings: Settings, title: str, day: dt.date
) -> dict[str, str]:
    """Every story's parts hashed together, part by part, and the line-up itself."""
    prints = [article_fingerprint(item.article, settings) for item in items]
    parts = {part: _hash([p[part] for p in prints]) for part in prints[0]}
    lineup = [
        title,
        day.isoformat(),
        [(i.source, i.also) for i in items],
        asdict(settings.bulletin),
    ]
    return parts | {"lineup": _hash(lineup)}


def _hash(value: object) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:16]
