"""The desk's long work (a render, a post, a bulletin) run one at a time on a worker thread, each
job's progress lines kept for its page: the same stage lines `news60 render` shows on a terminal."""

from __future__ import annotations

import logging
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from news60.errors import News60Error

log = logging.getLogger(__name__)
PROGRESS = "news60.progress"
KEPT_LINES = 200  # a job's progress lines shown; a long publish reports every chunk


@dataclass(frozen=True)
class Job:
    """One piece of work and where it stands."""

    id: str
    title: str  # "Render v2 of …", "Publish v2 to youtube"
    story: str  # the story folder's name ("" for a bulletin of several)
    state: str = "queued"  # queued, running, done, failed
    lines: tuple[str, ...] = ()
    result: str = ""  # what came of it, in a line ("v2 rendered", "posted to youtube: <link>")
    page: str = ""  # where to go when it is done (a page of the desk)
    error: str = ""
    started: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")


Action = Callable[
    [], tuple[str, str]
]  # does the work; says what came of it, and which page shows it


class Jobs:
    """The queue of jobs and their states; one worker thread runs them in order."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[str, Action]] = queue.Queue()
        self._lock = threading.Lock()
        self._running: str | None = None
        self._thread: threading.Thread | None = None
        self._handler = _Lines(self)

    def submit(self, title: str, story: str, action: Action) -> Job:
        job = Job(secrets.token_hex(6), title, story)
        with self._lock:
            self._jobs[job.id] = job
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="news60-desk", daemon=True)
                self._thread.start()
        self._queue.put((job.id, action))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def busy(self) -> frozenset[str]:
        """The stories with a job queued or running."""
        with self._lock:
            return frozenset(j.story for j in self._jobs.values() if j.story and not j.finished)

    def of_story(self, story: str) -> tuple[Job, ...]:
        with self._lock:
            found = [j for j in self._jobs.values() if j.story == story]
        return tuple(sorted(found, key=lambda j: j.started, reverse=True))

    def note(self, line: str) -> None:
        """A progress line for the job that is running."""
        with self._lock:
            if self._running and (job := self._jobs.get(self._running)):
                self._jobs[job.id] = replace(job, lines=(*job.lines, line)[-KEPT_LINES:])

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            self._jobs[job_id] = replace(self._jobs[job_id], **changes)

    def _work(self) -> None:
        logger = logging.getLogger(PROGRESS)
        logger.addHandler(self._handler)
        logger.setLevel(logging.INFO)
        while True:
            job_id, action = self._queue.get()
            with self._lock:
                self._running = job_id
            self._update(job_id, state="running")
            try:
                result, page = action()
                self._update(job_id, state="done", result=result, page=page)
            except News60Error as exc:
                self._update(job_id, state="failed", error=str(exc))
            except Exception as exc:  # noqa: BLE001 - a bug fails the job, never the desk
                log.debug("desk job %s failed", job_id, exc_info=True)
                self._update(
                    job_id,
                    state="failed",
                    error=f"failed unexpectedly ({type(exc).__name__}: {exc}): "
                    "run the desk with --debug and report it",
                )
            finally:
                with self._lock:
                    self._running = None


class _Lines(logging.Handler):
    """Progress records, as lines of the job that is running."""

    def __init__(self, jobs: Jobs) -> None:
        super().__init__(logging.INFO)
        self.jobs = jobs

    def emit(self, record: logging.LogRecord) -> None:
        self.jobs.note(record.getMessage())
