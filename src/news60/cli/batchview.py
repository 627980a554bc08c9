"""What `news60 batch` shows: a live table of each story's stage on a terminal (rich), plain lines
on stderr otherwise, and the summary table at the end."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.table import Table

    from news60.batch import Summary
    from news60.batch.runner import Stage

DONE = {"rendered", "unchanged", "failed"}
_COLOURS = {"rendered": "green", "unchanged": "cyan", "failed": "red", "rendering": "yellow"}


class Board:
    """Each story's latest stage, in the order the stories were listed."""

    def __init__(self) -> None:
        self.stages: dict[str, tuple[str, str, str]] = {}  # source -> (label, stage, message)
        self.lock = threading.Lock()  # worker progress arrives on Dask's thread

    def update(self, stage: Stage) -> None:
        with self.lock:
            self.stages[stage.source] = (stage.label, stage.stage, stage.message)

    def counts(self) -> tuple[int, int, int]:
        with self.lock:
            stages = [s for _, s, _ in self.stages.values()]
        finished = sum(s in DONE for s in stages)
        return finished, stages.count("failed"), len(stages)

    def table(self) -> Table:
        from rich.table import Table

        finished, failed, total = self.counts()
        table = Table(title=f"news60 batch: {finished}/{total} done, {failed} failed", expand=True)
        table.add_column("story", ratio=3, no_wrap=True, overflow="ellipsis")
        table.add_column("stage", ratio=1)
        table.add_column("detail", ratio=4, no_wrap=True, overflow="ellipsis")
        with self.lock:
            rows = list(self.stages.values())
        for label, stage, message in rows:
            colour = _COLOURS.get(stage, "white")
            table.add_row(label, f"[{colour}]{stage}[/]", message)
        return table


@contextlib.contextmanager
def progress_view(quiet: bool, as_json: bool) -> Iterator[Callable[[Stage], None]]:
    """A live table on a terminal; plain `news60: [n/N] story: stage` lines otherwise."""
    board = Board()
    if quiet:
        yield board.update
    elif sys.stderr.isatty() and not as_json:
        from rich.console import Console
        from rich.live import Live

        with Live(get_renderable=board.table, console=Console(stderr=True), refresh_per_second=4):
            yield board.update
    else:
        yield lambda stage: _line(board, stage)


def _line(board: Board, stage: Stage) -> None:
    board.update(stage)
    if stage.stage == "queued":
        return
    finished, _, total = board.counts()
    detail = f": {stage.message}" if stage.message else ""
    click.echo(f"news60: [{finished}/{total}] {stage.label}: {stage.stage}{detail}", err=True)


def show_summary(summary: Summary) -> None:
    """One line per story, then the counts, the workers and the review page."""
    for o in summary.outcomes:
        version = f"v{o.version}" if o.version else "-"
        title = o.title or o.label
        click.echo(f"{o.status:9} {version:4} {o.seconds:7.1f} s  {title}")
        if o.reason:
            click.echo(f"{'':24}{o.reason}")
        for note in o.notes if o.status == "rendered" else ():
            click.echo(f"{'':24}note: {note}")
    click.echo(
        f"{summary.count('rendered')} rendered, {summary.count('unchanged')} unchanged, "
        f"{summary.count('failed')} failed in {summary.seconds:.1f} s on {summary.cluster}"
    )
    for worker in summary.workers:
        click.echo(
            f"worker {worker['host']}:{worker['pid']}: {worker['stories']} stories, "
            f"models loaded once in {worker['warmup_seconds']} s, "
            f"peak {worker['peak_rss'] / 2**20:.0f} MiB"
        )
    if summary.review:
        click.echo(f"review: {summary.review}")
