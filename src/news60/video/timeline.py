"""Plan the clip as timed data: which slide shows when, and which caption cue is on screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from news60.credits import credit_roll
from news60.models import Narration, Photo, Script, Slide, Timeline
from news60.video.cues import plan_cues
from news60.video.theme import Theme

MIN_SLIDE = 1.2  # no slide flashes by faster than this


def plan_timeline(
    script: Script,
    narration: Narration,
    theme: Theme,
    *,
    size: tuple[int, int],
    fps: int,
    audio: Path,
) -> Timeline:
    """Title card, one slide per scene following the voice, then the credits card."""
    offset = theme.lead_in
    voice_end = offset + narration.duration
    duration = round(voice_end + theme.end_card, 3)
    starts = _scene_starts(script, narration, theme)
    slides = [
        Slide("title", 0.0, starts[0], heading=script.title, body=display_date(script.published))
    ]
    ends = starts[1:] + [voice_end + 0.2]
    for scene, start, end in zip(script.scenes, starts, ends, strict=True):
        slides.append(Slide("scene", start, end, heading=scene.caption, photo=scene.photo))
    roll = credit_roll(script, [slide.photo for slide in slides if slide.photo is not None])
    slides.append(
        Slide("credits", ends[-1], duration, heading="Credits", body="\n".join(roll.card_lines()))
    )
    return Timeline(
        width=size[0],
        height=size[1],
        fps=fps,
        duration=duration,
        slides=tuple(slides),
        cues=plan_cues(narration.sentences, offset),
        audio=audio,
        narration_offset=offset,
    )


def _scene_starts(script: Script, narration: Narration, theme: Theme) -> list[float]:
    """When each scene's slide appears: with its first word, the first after the title card."""
    offset = theme.lead_in
    starts = [offset + narration.scene_span(i)[0] for i in range(len(script.scenes))]
    first_end = offset + narration.scene_span(0)[1]
    starts[0] = max(offset + 0.5, min(theme.title_card, first_end - MIN_SLIDE))
    return starts


def display_date(published: str | None) -> str:
    """'2019-06-28T09:30:00Z' as '28 June 2019'; anything unparseable is shown as given."""
    if not published:
        return ""
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    return f"{moment.day} {moment:%B %Y}"


def shown_photos(timeline: Timeline) -> list[Photo]:
    """The photos a clip shows, in order of appearance."""
    return [slide.photo for slide in timeline.slides if slide.photo is not None]
