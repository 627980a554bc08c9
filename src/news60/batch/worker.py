"""The worker's half: a plugin that loads the sentence model and the voice at worker start (each
story lets them go before its render and loads them again for its script, under a second),
and the task that renders one story into a temporary folder and sends the files back."""

from __future__ import annotations

import logging
import os
import resource
import socket
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Worker, WorkerPlugin

from news60.batch.jobs import Job, Rendered, StoryFailed, read_version, unpack_job
from news60.errors import News60Error
from news60.settings import VoiceSettings

PROGRESS_TOPIC = "news60-progress"
PLUGIN_NAME = "news60-models"


@dataclass
class _Counters:
    """This worker process's own counters."""

    stories: int = 0
    warmup_seconds: float | None = None


_state = _Counters()
_current = threading.local()  # the story a worker thread is rendering, for its progress lines


class ModelPlugin(WorkerPlugin):
    """A Dask worker plugin: warm the caches of embeddings.py and piper_voice.py at worker start."""

    def __init__(self, voice: VoiceSettings) -> None:
        self.voice = voice
        self.name = f"{PLUGIN_NAME}-{voice.name}"

    def setup(self, worker: Worker) -> None:
        forward_progress(worker)
        started = time.perf_counter()
        warm_up(self.voice)
        _state.warmup_seconds = round(time.perf_counter() - started, 2)

    def teardown(self, worker: Worker) -> None:
        """Nothing to release: each story's render has let the models go already."""


def warm_up(voice: VoiceSettings) -> None:
    """Load MiniLM and the batch's voice now, so no story pays for loading them."""
    from news60.script.embeddings import encoder
    from news60.speech.voices import get_voice

    encoder()
    try:
        get_voice(voice).speak("Ready.")
    except Exception:  # noqa: BLE001 - a voice that cannot speak fails its stories, with reasons
        logging.getLogger(__name__).warning("voice %s could not be warmed up", voice.name)


def render_job(job: Job) -> Rendered:
    """Render one story as the next version of its mirrored story folder; return its files."""
    from news60.pipeline import article_draft
    from news60.preflight import check_before_work
    from news60.stories import open_draft
    from news60.versions import finish_version

    _current.job = job.id
    try:
        with tempfile.TemporaryDirectory(prefix="news60-job-") as tmp:
            root = Path(tmp)
            article, settings, story = unpack_job(job, root)
            theme = check_before_work(settings)
            # The client decided there is something new and holds the story: the worker writes
            # the draft of its private mirror, the client publishes what comes back.
            draft = open_draft(story, job.prints)
            outputs = finish_version(draft, article_draft(article, settings, theme))
            _state.stories += 1
            return read_version(outputs.folder, job, worker_stats())
    except News60Error as exc:  # typed errors may not pickle: their message travels instead
        raise StoryFailed(str(exc)) from None
    except Exception as exc:
        raise StoryFailed(f"failed unexpectedly ({type(exc).__name__}: {exc})") from exc
    finally:
        _current.job = None


def worker_stats() -> dict[str, Any]:
    """Which process rendered, how many stories it has, its model load time and peak memory."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB
    return {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "stories": _state.stories,
        "warmup_seconds": _state.warmup_seconds,
        "peak_rss": peak,
    }


class _Forwarder(logging.Handler):
    """Sends the pipeline's stage lines to the client, tagged with the story being rendered."""

    def __init__(self, worker: Worker) -> None:
        super().__init__(logging.INFO)
        self.worker = worker

    def emit(self, record: logging.LogRecord) -> None:
        job = getattr(_current, "job", None)
        if job is None:
            return
        message = {"id": job, "message": record.getMessage(), "pid": os.getpid()}
        try:
            self.worker.log_event(PROGRESS_TOPIC, message)
        except Exception:  # noqa: BLE001 - progress is best effort; the render goes on
            self.handleError(record)


def forward_progress(worker: Worker) -> None:
    """Route this process's `news60.progress` lines to the client (once per worker)."""
    logger = logging.getLogger("news60.progress")
    if not any(isinstance(h, _Forwarder) for h in logger.handlers):
        logger.addHandler(_Forwarder(worker))
    logger.setLevel(logging.INFO)
    logger.propagate = False
