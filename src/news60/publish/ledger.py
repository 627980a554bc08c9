"""The uploads ledger (uploads.json in the story folder): what went where, so a clip posts once.

Each upload is recorded when its session opens, updated as bytes are acknowledged, and closed
with the platform's id and link (or cancelled when it will not be resumed). The file is readable
by its owner only. A lock file keeps two processes off the same story's uploads."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from news60.atomic import write_private
from news60.errors import PublishError
from news60.records.codec import RecordError, read_record, to_data

LEDGER = "uploads.json"
LOCK = ".uploads.lock"
SCHEMA = 1  # a ledger written before the field existed reads the same


@dataclass(frozen=True)
class Upload:
    """One upload of one clip to one channel."""

    id: str
    channel: str
    sha256: str
    file: str  # the clip, relative to the story folder
    version: int | None
    size: int
    privacy: str
    state: str  # "started", "sent", "posted", "expired" or "cancelled"
    session: dict[str, Any] = field(default_factory=dict)
    acknowledged: int = 0
    remote_id: str | None = None
    url: str | None = None
    started: str = ""
    updated: str = ""
    notes: tuple[str, ...] = ()

    @property
    def posted(self) -> bool:
        return self.state == "posted"

    @property
    def open(self) -> bool:
        """Started and not finished: a re-run resumes it instead of starting another."""
        return self.state in ("started", "sent")


@dataclass(frozen=True)
class LedgerFile:
    """uploads.json as written: its schema and the uploads, oldest first."""

    uploads: tuple[Upload, ...] = ()
    schema: int = SCHEMA


@dataclass(frozen=True)
class Ledger:
    """Every upload of a story's clips, oldest first; `record` writes the file at once."""

    path: Path
    uploads: tuple[Upload, ...] = ()

    def find(self, channel: str, sha256: str) -> Upload | None:
        """The latest upload of these bytes to `channel` that is open or posted."""
        found = [u for u in self.uploads if (u.channel, u.sha256) == (channel, sha256)]
        return next((u for u in reversed(found) if u.open or u.posted), None)

    def posted_to(self, channel: str) -> list[Upload]:
        return [u for u in self.uploads if u.channel == channel and u.posted]

    def record(self, upload: Upload) -> Ledger:
        """The ledger with `upload` added or replaced (same id), written atomically."""
        upload = replace(upload, updated=now())
        kept = [u for u in self.uploads if u.id != upload.id]
        index = next((i for i, u in enumerate(self.uploads) if u.id == upload.id), len(kept))
        ledger = replace(self, uploads=(*kept[:index], upload, *kept[index:]))
        write_ledger(ledger)
        return ledger


def new_upload(**fields: Any) -> Upload:
    return Upload(id=secrets.token_hex(6), started=now(), **fields)


def read_ledger(story: Path) -> Ledger:
    """The story's uploads as recorded, any schema; none yet when there is no ledger."""
    path = story / LEDGER
    if not path.exists():
        return Ledger(path)
    try:
        data = read_record(LedgerFile, path)
    except RecordError as exc:
        raise PublishError(
            f"{exc}: restore {path} from a backup; "
            "without it news60 cannot tell what was already posted"
        ) from None
    return Ledger(path, data.uploads)


def write_ledger(ledger: Ledger) -> Path:
    """Write the ledger atomically: its schema and every upload (their files relative to the
    story folder, so a moved story keeps its record of what was posted). Upload-session
    addresses let anyone holding them add bytes to the upload: owner only."""
    text = json.dumps(to_data(LedgerFile(ledger.uploads)), indent=2, ensure_ascii=False)
    return write_private(ledger.path, text.encode("utf-8") + b"\n")


@contextlib.contextmanager
def locked(story: Path) -> Iterator[Ledger]:
    """The story's ledger, held against other news60 processes until the block ends."""
    with open(story / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                f"another news60 is publishing {story} right now: wait for it to finish"
            ) from None
        try:
            yield read_ledger(story)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
