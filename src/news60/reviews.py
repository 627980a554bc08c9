"""Sign-off: who approved or rejected which version of a story, when and why.

Kept in the story's index (OUT/<slug>/manifest.json, the typed StoryIndex's `reviews`, oldest
first) as an audit trail; a version is approved only by a review of that version, so a new
version needs a new approval."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from news60.errors import News60Error
from news60.records.index import Review, StoryIndex
from news60.stories import INDEX, story_index, update_index

__all__ = ["Review", "ReviewError", "decision_for", "record_review", "story_reviews"]

DECISIONS = ("approved", "rejected")
NAME_CHARS = 80  # a producer's name, as it shows in the audit trail
NOTE_CHARS = 2000  # a reviewer's note: a paragraph, not an essay


class ReviewError(News60Error):
    """A review cannot be recorded: the story changed, or the form is incomplete."""


def story_reviews(folder: Path) -> tuple[Review, ...]:
    """The reviews the story's index holds, oldest first."""
    return story_index(folder).reviews


def decision_for(reviews: tuple[Review, ...], version: int) -> Review | None:
    """The latest decision on `version`, or None while nobody has reviewed it."""
    return next((r for r in reversed(reviews) if r.version == version), None)


def record_review(
    story: Path, version: int, decision: str, by: str, note: str, *, seen: int
) -> Review:
    """Record a decision on `version`, the story's current one, if nobody reviewed it since the
    reviewer's page showed `seen` reviews; two reviewers at once leave one decision, not two."""
    review = Review(version, _decision(decision), _name(by), now(), note.strip()[:NOTE_CHARS])

    def add(index: StoryIndex) -> StoryIndex:
        if index.current != version:
            raise ReviewError(
                f"v{version} is no longer the current version (v{index.current} is): "
                "reload the story and review the current version"
            )
        if len(index.reviews) != seen:
            last = index.reviews[-1]
            raise ReviewError(
                f"{last.by} {last.decision} v{last.version} at {last.at} while you were "
                "looking: reload the story to see it before deciding again"
            )
        return replace(index, reviews=(*index.reviews, review))

    if not (story / INDEX).is_file():
        raise ReviewError(f"{story} is not a story folder: open the story from the desk")
    update_index(story, add)
    return review


def _decision(decision: str) -> str:
    if decision not in DECISIONS:
        raise ReviewError(f"decision {decision!r} is unknown: approve or reject")
    return decision


def _name(by: str) -> str:
    name = " ".join(by.split())[:NAME_CHARS]
    if not name:
        raise ReviewError("give your name: the audit trail records who signed each version off")
    return name


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
