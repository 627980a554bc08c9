"""Many stories at once: sources read on the client, stories rendered on Dask workers (a local
cluster or a remote scheduler), each written into the output folder as a version of its story."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from news60.batch.cluster import ClusterSpec, LazyClient
from news60.batch.planning import check_entries
from news60.batch.review import write_review
from news60.batch.runner import BatchRun, Outcome, Stage
from news60.errors import News60Error
from news60.preflight import check_before_work
from news60.settings import Settings, VideoSettings
from news60.sources.feeds import FeedPoller
from news60.sources.listing import read_sources, select

__all__ = ["ClusterSpec", "Outcome", "Stage", "Summary", "run_batch"]

POLL = "(poll)"  # the progress line of a --watch poll that failed
MAX_RETRY_WAIT = 300.0  # a feed down for hours is polled every 5 minutes, not every few hours


@dataclass(frozen=True)
class Summary:
    """Every story's outcome, the workers that rendered them, and where the review page is."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    review: Path | None
    cluster: str
    stopped: bool = False  # --watch ended by Ctrl-C or SIGTERM
    workers: tuple[dict[str, Any], ...] = field(default=())

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        """0 when every story succeeded, 1 when some failed, 2 when none succeeded."""
        failed = self.count("failed")
        if not failed:
            return 0
        return 2 if failed == len(self.outcomes) else 1


def run_batch(
    sources: list[str],
    settings: Settings,
    cluster: ClusterSpec,
    on_stage: Callable[[Stage], None],
    *,
    since: dt.datetime | None = None,
    limit: int | None = None,
    watch: float | None = None,
    force: bool = False,
    after: Callable[[Outcome], Outcome] | None = None,
    stop: threading.Event | None = None,
) -> Summary:
    """Render every changed story the sources list; with `watch`, poll again until stopped (a
    failed poll is reported and tried again after a growing wait; `stop` set ends it too)."""
    started = time.perf_counter()
    settings = replace(settings, video=shared_cores(settings.video, cluster))
    check_before_work(settings)  # the batch's own voice, music, theme: before anything is read
    poller = FeedPoller(settings.article)
    with LazyClient(cluster, settings.voice) as client:
        run = BatchRun(client, settings, on_stage, force=force, after=after)
        client.on_progress = run.progress

        def poll() -> None:
            """List the sources, check every story's settings, render what changed."""
            entries = select(read_sources(sources, settings.article, poller), since, limit)
            check_entries(entries, settings)
            run.run(entries)
            if settings.out.is_dir():
                write_review(settings.out)  # after every poll, for --watch

        stopped = False
        if watch is None:
            poll()
        else:
            stopped = watch_sources(poll, watch, on_stage, stop)
    outcomes = run.outcomes
    review = write_review(settings.out) if settings.out.is_dir() else None
    return Summary(
        tuple(outcomes),
        round(time.perf_counter() - started, 2),
        review,
        cluster.describe,
        stopped,
        workers_of(outcomes),
    )


def shared_cores(video: VideoSettings, cluster: ClusterSpec) -> VideoSettings:
    """Local workers split this machine's cores between them (each drawing and encoding on its
    share), unless threads are set; a remote cluster's workers take the threads as set."""
    if video.threads is not None or cluster.address:
        return video
    cores = len(os.sched_getaffinity(0))
    return replace(video, threads=max(1, cores // cluster.local_workers))


def watch_sources(
    poll: Callable[[], None],
    interval: float,
    on_stage: Callable[[Stage], None],
    stop: threading.Event | None = None,
) -> bool:
    """Poll every `interval` seconds until Ctrl-C or SIGTERM (then True); a poll that fails is
    reported and tried again after retry_wait. `stop` is set by the signal's handler too: a
    stop whose exception a library swallowed (raised inside a Dask future's cleanup, say) still
    ends the watch after the poll under way."""
    stop = stop or threading.Event()
    failures = 0
    try:
        while not stop.is_set():
            try:
                poll()
                failures, wait = 0, interval
            except (News60Error, OSError) as exc:  # a feed down, a manifest mid-rewrite ...
                failures += 1
                wait = retry_wait(interval, failures)
                on_stage(Stage(POLL, "poll", "poll failed", f"{exc}; polling again in {wait:g} s"))
            stop.wait(wait)
    except KeyboardInterrupt:
        pass
    return True


def retry_wait(interval: float, failures: int) -> float:
    """Seconds before polling again after `failures` failed polls in a row: the interval,
    doubled each time, at most MAX_RETRY_WAIT (or the interval, when that is longer)."""
    doublings = min(failures - 1, 32)  # past this the cap holds anyway; 2.0 ** 1025 overflows
    return min(interval * 2.0**doublings, max(interval, MAX_RETRY_WAIT))


def workers_of(outcomes: list[Outcome]) -> tuple[dict[str, Any], ...]:
    """Each worker process that rendered: its stories, model load time and peak memory."""
    workers: dict[tuple[str, int], dict[str, Any]] = {}
    for outcome in outcomes:
        if outcome.worker:
            stats = outcome.worker
            workers[(stats["host"], stats["pid"])] = stats  # the last report has the highest peak
    return tuple(workers.values())
