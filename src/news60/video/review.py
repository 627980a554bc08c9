"""What a reviewer checks on a planned clip: stretches with nothing above the captions, and lines
above the captions that show words the captions show at the same time (or an earlier line again)."""

from __future__ import annotations

from dataclasses import dataclass

from news60.models import Slide, Timeline
from news60.video.echo import echoes, line_runs


@dataclass(frozen=True)
class Repeat:
    """A line above the captions that shows words already on screen, and where they are."""

    start: float
    line: str
    echoes: str  # the captions shown with it, or the earlier line it shows again


def empty_seconds(timeline: Timeline) -> float:
    """The longest stretch of the clip with neither a photo nor a designed line above the captions."""
    longest, since = 0.0, None
    for slide in timeline.slides:
        if shows_nothing(slide):
            since = slide.start if since is None else since
            longest = max(longest, slide.end - since)
        else:
            since = None
    return round(longest, 2)


def shows_nothing(slide: Slide) -> bool:
    """A card with no line of its own, nor a label: only the captions say anything."""
    return (
        slide.photo is None
        and slide.kind != "end"
        and not slide.heading.strip()
        and not slide.kicker
    )


def repeated_lines(timeline: Timeline) -> list[Repeat]:
    """Every line above the captions that repeats the burned-in captions shown with it (those that
    give way to it do not count), or an earlier line."""
    found: list[Repeat] = []
    earlier: list[str] = []
    shown = [cue for cue in timeline.cues if cue.shown]
    for start, end, lines in line_runs(timeline.slides):
        for line in lines:
            said = " ".join(c.text for c in shown if c.start < end and c.end > start)
            before = next((old for old in earlier if echoes(line, old) or echoes(old, line)), "")
            if echoes(line, said) or before:
                found.append(Repeat(round(start, 2), line, before or said))
        earlier += lines
    return found
