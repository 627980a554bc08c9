"""Many stories at once: sources read on the client, stories rendered on Dask workers (a local
cluster or a remote scheduler), each written into the output folder as a version of its story."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from news60.batch.cluster import ClusterSpec, LazyClient
from news60.batch.review import write_review
from news60.batch.runner import BatchRun, Outcome, Stage
from news60.settings import Settings, VideoSettings
from news60.sources.feeds import FeedPoller
from news60.sources.listing import read_sources, select

__all__ = ["ClusterSpec", "Outcome", "Stage", "Summary", "run_batch"]


@dataclass(frozen=True)
class Summary:
    """Every story's outcome, the workers that rendered them, and where the review page is."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    review: Path | None
    cluster: str
    stopped: bool = False  # --watch ended by Ctrl-C or SIGTERM
    workers: tuple[dict, ...] = field(default=())

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
) -> Summary:
    """Render every changed story the sources list; with `watch`, poll again until stopped."""
    started = time.perf_counter()
    settings = replace(settings, video=shared_cores(settings.video, cluster))
    poller = FeedPoller(settings.article)
    stopped = False
    with LazyClient(cluster, settings.voice) as client:
        run = BatchRun(client, settings, on_stage, force=force, after=after)
        client.on_progress = run.progress
        try:
            while True:
                run.run(select(read_sources(sources, settings.article, poller), since, limit))
                if settings.out.is_dir():
                    write_review(settings.out)  # after every poll, for --watch
                if watch is None:
                    break
                time.sleep(watch)
        except KeyboardInterrupt:
            if watch is None:
                raise
            stopped = True
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


def workers_of(outcomes: list[Outcome]) -> tuple[dict, ...]:
    """Each worker process that rendered: its stories, model load time and peak memory."""
    workers: dict[tuple, dict] = {}
    for outcome in outcomes:
        if outcome.worker:
            stats = outcome.worker
            workers[(stats["host"], stats["pid"])] = stats  # the last report has the highest peak
    return tuple(workers.values())
