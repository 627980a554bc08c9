"""The day at a glance: every story in OUT with its status, newest first, and the failures beside them.

Read from the same records the commands write (story folders, their indexes and reviews, the
uploads ledgers, failures.json): the desk keeps no store of its own."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from news60.desk.notes import setup_notes
from news60.errors import PublishError
from news60.failures import Failure, read_failures
from news60.publish.ledger import read_ledger
from news60.records.manifest import VersionManifest
from news60.reviews import Review, decision_for, story_reviews
from news60.stories import INDEX, Story, load_story, rendering

# The statuses in the order a producer deals with them, and how each is said.
STATUSES = {
    "failed": "Failed",
    "rendering": "Rendering",
    "review": "Needs review",
    "approved": "Approved",
    "rejected": "Rejected",
    "published": "Published",
}


@dataclass(frozen=True)
class Row:
    """One line of the day: a story (or a source that failed before it became one)."""

    name: str  # the story folder's name under OUT; "" for a failure with no folder
    title: str
    status: str  # a key of STATUSES
    when: str  # ISO time of the current version (or of the failure)
    version: int | None = None
    duration: float = 0.0
    poster: str = ""  # the cover, relative to OUT
    reason: str = ""  # why it failed, in the producer's words
    links: tuple[str, ...] = ()  # where the current version is published
    reviewer: str = ""
    bulletin: bool = False
    lineup: tuple[str, ...] = ()  # a bulletin's stories, in running order
    source: str = ""

    @property
    def label(self) -> str:
        return STATUSES[self.status]


@dataclass(frozen=True)
class Day:
    """Every row, newest first, and how many there are of each status."""

    rows: tuple[Row, ...]
    setup: tuple[str, ...] = ()  # notes about this machine (signing keys), once for the page

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(row.status for row in self.rows)
        return {status: counted.get(status, 0) for status in STATUSES}

    def select(self, status: str = "", query: str = "") -> tuple[Row, ...]:
        """The rows of one status (all when ""), whose title or source holds `query`."""
        words = query.casefold().split()
        return tuple(
            row
            for row in self.rows
            if (not status or row.status == status)
            and all(w in f"{row.title} {row.source}".casefold() for w in words)
        )


def read_day(out: Path, busy: frozenset[str] = frozenset()) -> Day:
    """Every story folder in `out` and every recorded failure; `busy` names stories the desk is
    rendering right now (queued jobs count too)."""
    stories = [load_story(p) for p in story_folders(out)]
    failures = {f.source: f for f in read_failures(out)}
    rows = [story_row(s, out, failures, s.folder.name in busy) for s in stories]
    keys = {s.key for s in stories}
    rows += [failure_row(f) for f in failures.values() if f.source not in keys]
    notes = [n for s in stories if s.current for n in s.current.manifest.notes]
    return Day(tuple(sorted(rows, key=lambda r: r.when, reverse=True)), setup_notes(notes))


def story_folders(out: Path) -> list[Path]:
    """The story folders in `out` (each holds a story index), by name."""
    if not out.is_dir():
        return []
    return sorted(p for p in out.iterdir() if p.is_dir() and (p / INDEX).is_file())


def story_row(story: Story, out: Path, failures: dict[str, Failure], busy: bool) -> Row:
    """A story's row: its current version's status, poster and links."""
    current = story.current
    failure = failures.get(story.key or "")
    if current is None:
        status = "rendering" if busy or rendering(story.folder) else "failed"
        reason = failure.reason if failure else "no version was finished"
        return Row(
            story.folder.name,
            story.folder.name,
            status,
            failure.at if failure else "",
            reason=reason,
        )
    manifest = current.manifest
    links = published_links(story.folder, current.number)
    decision = decision_for(story_reviews(story.folder), current.number)
    status = _status(busy or rendering(story.folder), bool(links), decision)
    if failure is not None and failure.at > manifest.created:
        status = "failed"  # a later correction failed: v1 still stands, the producer must know
    return Row(
        name=story.folder.name,
        title=manifest.title or story.folder.name,
        status=status,
        when=manifest.created,
        version=current.number,
        duration=manifest.duration,
        poster=poster(current.folder, out, manifest),
        reason=failure.reason if status == "failed" and failure else "",
        links=links,
        reviewer=decision.by if decision else "",
        bulletin=manifest.kind == "bulletin",
        lineup=tuple(s.headline or s.kicker for s in manifest.segments),
        source=story.key or "",
    )


def failure_row(failure: Failure) -> Row:
    return Row(
        "", failure.label, "failed", failure.at, reason=failure.reason, source=failure.source
    )


def _status(busy: bool, published: bool, decision: Review | None) -> str:
    if busy:
        return "rendering"
    if published:
        return "published"
    if decision is None:
        return "review"
    return decision.decision


def published_links(folder: Path, version: int) -> tuple[str, ...]:
    """Where version `version` of the story is posted (the uploads ledger's links)."""
    try:
        ledger = read_ledger(folder)
    except PublishError:  # a damaged ledger is shown on the story page, not here
        return ()
    return tuple(
        u.url or u.remote_id or "" for u in ledger.uploads if u.posted and u.version == version
    )


def poster(folder: Path, out: Path, manifest: VersionManifest) -> str:
    """The version's cover (or thumbnail) as a path under OUT, "" when it has none."""
    for name in ("cover", "thumbnail"):
        file = manifest.files.get(name)
        if file and (folder / file).is_file():
            return (folder / file).relative_to(out).as_posix()
    return ""
