"""OUT/failures.json: the stories a batch could not make, each with its reason in plain words,
kept until the story is made (the desk lists them beside the stories that were)."""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from news60.atomic import locked, write_json
from news60.records.codec import RecordError, read_json

FAILURES = "failures.json"
SCHEMA = 1


@dataclass(frozen=True)
class Failure:
    """One source that failed: what it is called, why, and when it last failed."""

    source: str
    label: str
    reason: str
    at: str


def read_failures(out: Path) -> tuple[Failure, ...]:
    """The failures recorded in `out`, oldest first; an unreadable file is no failures."""
    try:
        data = read_json(out / FAILURES)  # a pipe in its place is refused, not waited on
    except RecordError:
        return ()
    entries = data.get("failures") if isinstance(data, dict) else None
    failures = (_failure(entry) for entry in (entries if isinstance(entries, list) else ()))
    return tuple(failure for failure in failures if failure is not None)


def _failure(entry: object) -> Failure | None:
    """One recorded failure, or None for an entry that is not one (the others still count)."""
    try:
        return Failure(**entry) if isinstance(entry, dict) else None
    except TypeError:  # missing or unknown fields
        return None


def record_failure(out: Path, source: str, label: str, reason: str) -> None:
    """Note that `source` failed (replacing its earlier failure)."""
    failure = Failure(source, label, reason, now())
    with _locked(out):
        kept = [f for f in read_failures(out) if f.source != source]
        _write(out, (*kept, failure))


def clear_failure(out: Path, source: str) -> None:
    """`source` was made: it is no longer a failure."""
    if not any(f.source == source for f in read_failures(out)):
        return
    with _locked(out):
        _write(out, tuple(f for f in read_failures(out) if f.source != source))


def _write(out: Path, failures: tuple[Failure, ...]) -> None:
    write_json(out / FAILURES, {"schema": SCHEMA, "failures": [asdict(f) for f in failures]})


def _locked(out: Path) -> contextlib.AbstractContextManager[None]:
    """Two batches over one folder never lose each other's failures."""
    out.mkdir(parents=True, exist_ok=True)
    return locked(out / ".failures.lock")


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
