"""A batch run: plan each entry on the client, render what changed on the Dask workers, and write
each finished story into DIR as a version (draft, files, manifest last, publish)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from news60.atomic import write_bytes
from news60.batch.cluster import LazyClient
from news60.batch.jobs import Rendered, pack_job
from news60.batch.planning import Planned, plan_story
from news60.batch.worker import render_job
from news60.errors import News60Error
from news60.failures import clear_failure, record_failure
from news60.records.manifest import read_manifest
from news60.settings import Settings
from news60.sources.entries import Entry
from news60.stories import INDEX, Draft, Version
from news60.versions import Outputs, abandon, begin_version, finish_version

if TYPE_CHECKING:
    from dask.typing import Key
    from distributed import Future, as_completed

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2  # stories sent ahead per worker thread: busy workers, bounded memory


@dataclass(frozen=True)
class Outcome:
    """What became of one entry: rendered, unchanged or failed (with the reason)."""

    source: str
    label: str
    status: str  # "rendered", "unchanged" or "failed"
    title: str = ""
    folder: str | None = None
    version: int | None = None
    reason: str = ""
    seconds: float = 0.0
    notes: tuple[str, ...] = ()
    worker: dict[str, Any] | None = None


@dataclass(frozen=True)
class Stage:
    """A progress event for the display: one story reached a stage."""

    source: str
    label: str
    stage: str  # queued, reading, sent, rendering, writing, rendered, unchanged, failed
    message: str = ""


@dataclass
class _Flight:
    entry: Entry
    planned: Planned
    draft: Draft  # held: no other job makes this story until it is published or abandoned
    future: Future[Rendered]
    started: float = field(default_factory=time.perf_counter)


class BatchRun:
    """Renders entries on a (lazily connected) Dask client; `on_stage` hears every story's progress."""

    def __init__(
        self,
        cluster: LazyClient,
        settings: Settings,
        on_stage: Callable[[Stage], None],
        *,
        force: bool = False,
        after: Callable[[Outcome], Outcome] | None = None,
    ) -> None:
        self.cluster, self.settings, self.on_stage = cluster, settings, on_stage
        self.force, self.after = force, after
        self.flights: dict[Key, _Flight] = {}  # by Dask key
        self.by_job: dict[str, Entry] = {}  # story folder name -> entry, for worker progress
        self.pending: as_completed | None = None  # once a story is sent
        self.outcomes: list[Outcome] = []  # every story finished so far, across --watch polls

    def run(self, entries: list[Entry]) -> list[Outcome]:
        """Every entry's outcome, in the order they finish; Ctrl-C leaves no draft behind (and
        `self.outcomes` keeps every story that finished before it)."""
        first = len(self.outcomes)
        for entry in entries:
            self.stage(entry, "queued")
        try:
            for entry in entries:
                if (early := self.submit(entry)) is not None:
                    self.finished(early)
                while self.pending is not None and self.pending.count() >= self.in_flight_limit():
                    self.collect(next(self.pending))
            for future in self.pending or ():
                self.collect(future)
        except BaseException:
            self.abandon()
            raise
        return self.outcomes[first:]

    def submit(self, entry: Entry) -> Outcome | None:
        """Plan the entry and begin its story's next version (the one version step); send it
        to a worker when it changed, else say why not."""
        self.stage(entry, "reading")
        started = time.perf_counter()
        try:
            plan = plan_story(entry, self.settings)
            self.collect_story(plan.request.key)  # the same story twice in a run: one at a time
            # Waiting for another job's story, this run writes what it finished: two runs that
            # hold each other's next story never wait on each other.
            draft = begin_version(
                plan.settings, plan.request, force=self.force, between=self.collect_done
            )
            if isinstance(draft, Version):
                return unchanged_outcome(entry, draft)
        except Exception as exc:  # noqa: BLE001 - one story's failure never stops the batch
            return failed(entry, exc, time.perf_counter() - started)
        try:
            self.send(entry, plan, draft)
        except BaseException as exc:
            abandon(draft)
            if not isinstance(exc, Exception):
                raise
            return failed(entry, exc, time.perf_counter() - started)
        return None

    def send(self, entry: Entry, plan: Planned, draft: Draft) -> None:
        """The story's job to a worker (the cluster starts with the first story to render)."""
        job = pack_job(plan, draft)
        client = self.cluster.client
        future = client.submit(render_job, job, key=f"news60-{draft.staging.name}", pure=False)
        self.flights[future.key] = _Flight(entry, plan, draft, future)
        self.by_job[job.id] = entry
        if self.pending is None:
            from distributed import as_completed

            self.pending = as_completed(loop=client.loop)
        self.pending.add(future)
        self.stage(entry, "sent", "waiting for a worker")

    def collect(self, future: Future[Rendered]) -> Outcome | None:
        """A finished future: its files written into DIR as the next version, or its failure
        (None when it was collected already)."""
        flight = self.flights.pop(future.key, None)
        if flight is None:
            return None
        try:
            rendered = future.result()
            self.stage(flight.entry, "writing")
            outputs = deliver(rendered, flight.draft)
        except BaseException as exc:
            abandon(flight.draft)
            if not isinstance(exc, Exception):
                raise
            return self.finished(failed(flight.entry, exc, time.perf_counter() - flight.started))
        finally:
            future.release()
        outcome = rendered_outcome(flight, outputs, rendered.worker)
        return self.finished(outcome)

    def collect_done(self) -> None:
        """Every story a worker has finished, written now."""
        for flight in list(self.flights.values()):
            if flight.future.done():
                self.collect(flight.future)

    def collect_story(self, key: str) -> None:
        """Wait for this run's own render of the story `key`, if one is in flight."""
        for flight in list(self.flights.values()):
            if flight.planned.request.key == key:
                self.collect(flight.future)

    def finished(self, outcome: Outcome) -> Outcome:
        # Unchanged stories too: a post that failed last run is retried, one made is not repeated.
        if outcome.status in ("rendered", "unchanged") and self.after is not None:
            outcome = self.after(outcome)
        if outcome.status == "failed":  # for the desk: failed stories beside the ones made
            record_failure(self.settings.out, outcome.source, outcome.label, outcome.reason)
        else:
            clear_failure(self.settings.out, outcome.source)
        self.outcomes.append(outcome)
        self.on_stage(Stage(outcome.source, outcome.label, outcome.status, outcome.reason))
        return outcome

    def progress(self, message: dict[str, Any]) -> None:
        """A stage line from a worker ("narrating 6 scenes ...", "rendering clip.mp4 ...")."""
        entry = self.by_job.get(message.get("id", ""))
        if entry is not None:
            self.stage(
                entry, "rendering", f"{message.get('message', '')} [worker {message.get('pid')}]"
            )

    def stage(self, entry: Entry, stage: str, message: str = "") -> None:
        self.on_stage(Stage(entry.source, entry.label, stage, message))

    def in_flight_limit(self) -> int:
        threads = sum(self.cluster.client.nthreads().values()) or 1
        return threads * IN_FLIGHT_PER_WORKER

    def abandon(self) -> None:
        """Interrupted: cancel what is still rendering and remove its drafts."""
        for key, flight in list(self.flights.items()):
            abandon(flight.draft)
            self.flights.pop(key)
        if not self.cluster.started:
            return
        try:
            client = self.cluster.client
            client.cancel(list(client.futures.values()), force=True)
        except Exception:  # noqa: BLE001 - the cluster may already be gone
            log.debug("could not cancel the remaining futures", exc_info=True)


def deliver(rendered: Rendered, draft: Draft) -> Outputs:
    """The worker's files into the draft (the manifest last), then published as vN."""

    def write(draft: Draft) -> Outputs:
        for name, data in rendered.files.items():
            if name != INDEX:
                write_bytes(draft.path(name), data)
        write_bytes(draft.path(INDEX), rendered.files[INDEX])  # its paths are names: as it is
        manifest = read_manifest(draft.path(INDEX))
        files = {name: draft.final / file for name, file in manifest.files.items()}
        return Outputs(draft.final, files, manifest)

    return finish_version(draft, write)


def unchanged_outcome(entry: Entry, version: Version) -> Outcome:
    manifest = version.manifest
    return Outcome(
        entry.source,
        entry.label,
        "unchanged",
        title=manifest.title,
        folder=str(version.folder),
        version=version.number,
        notes=manifest.notes,
    )


def rendered_outcome(flight: _Flight, outputs: Outputs, worker: dict[str, Any]) -> Outcome:
    manifest = outputs.manifest
    return Outcome(
        flight.entry.source,
        flight.entry.label,
        "rendered",
        title=manifest.title,
        folder=str(outputs.folder),
        version=manifest.version,
        seconds=round(time.perf_counter() - flight.started, 2),
        notes=manifest.notes,
        worker=worker,
    )


def failed(entry: Entry, exc: BaseException, seconds: float) -> Outcome:
    log.debug("story %s failed", entry.source, exc_info=exc)
    return Outcome(
        entry.source, entry.label, "failed", reason=reason(exc), seconds=round(seconds, 2)
    )


def reason(exc: BaseException) -> str:
    """Why a story failed, in one line a producer can act on."""
    if isinstance(exc, News60Error):
        return str(exc)
    if type(exc).__name__ == "KilledWorker":
        return (
            "its worker died twice while rendering it (killed, or out of memory): "
            "see the workers' logs, or give the workers more memory"
        )
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror or exc}{where}: check the path, its permissions and free disk"
    return f"failed unexpectedly ({type(exc).__name__}: {exc}): run with --debug and report it"
