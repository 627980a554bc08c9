"""`news60 batch`: many stories from feeds, folders and manifests, on local or remote workers."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from news60.cli.app import STOP_ASKED, Context, cli
from news60.cli.options import base_option, sections, source_options, video_options
from news60.errors import News60Error

if TYPE_CHECKING:
    from news60.batch import Summary
    from news60.batch.runner import Outcome
    from news60.settings import Settings


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@source_options
@base_option
@video_options
@click.option(
    "--workers",
    type=click.IntRange(1, 512),
    help="Start N single-threaded local worker processes (default: the number of cores).",
)
@click.option("--cluster", "address", help="Use the running Dask scheduler at tcp://HOST:PORT.")
@click.option(
    "--since", help="Only stories published since WHEN: 2024-05-01, 2024-05-01T06:00, 6h, 2d."
)
@click.option(
    "--limit", type=click.IntRange(1), help="At most N stories (each poll, with --watch)."
)
@click.option(
    "--watch",
    "interval",
    type=click.FloatRange(min=1),
    help="Keep polling the sources every INTERVAL seconds until stopped (Ctrl-C).",
)
@click.option(
    "--publish",
    "channels",
    multiple=True,
    help="After each finished story, publish it to CHANNEL (e.g. youtube); repeatable.",
)
@click.pass_obj
def batch(obj: Context, /, sources: tuple[str, ...], **options: Any) -> None:
    """Make clips for every story in SOURCES: RSS/Atom feeds (URL or file), folders of article
    files, or manifests (CSV / JSON lines, one story a row with its own overrides)."""
    from news60.batch import ClusterSpec, run_batch
    from news60.cli.batchview import progress_view, show_summary
    from news60.sources.listing import parse_since

    if options["workers"] and options["address"]:
        raise click.UsageError("give either --workers or --cluster, not both")
    if options["skip_missing_photos"] is None:
        # Unattended: a photo that cannot be shown is skipped and noted on the review page.
        options["skip_missing_photos"] = True
    settings = obj.settings(**sections(options))
    after = publisher(options["channels"], settings)
    if not logging.getLogger().isEnabledFor(logging.INFO):  # Dask's own chatter only with -v
        logging.getLogger("distributed").setLevel(logging.ERROR)
        # A connection the cluster closes while it shuts down (a killed run's workers going)
        # is logged by tornado and asyncio with a traceback: nothing a producer can act on, and
        # any story it affected is reported as failed with its reason.
        for name in ("tornado", "asyncio"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
    since = parse_since(options["since"]) if options["since"] else None
    cluster = ClusterSpec(options["workers"], options["address"])
    with progress_view(options["quiet"], options["as_json"]) as on_stage:
        summary = run_batch(
            list(sources),
            settings,
            cluster,
            on_stage,
            since=since,
            limit=options["limit"],
            watch=options["interval"],
            force=options["force"],
            after=after,
            stop=STOP_ASKED,
        )
    if options["as_json"]:
        click.echo(json.dumps(summary_data(summary), indent=2, ensure_ascii=False, default=str))
    else:
        show_summary(summary)
    raise SystemExit(summary.exit_code)


def summary_data(summary: Summary) -> dict[str, Any]:
    """The run as one JSON document: counts, every story's outcome, the workers."""
    return {
        "cluster": summary.cluster,
        "seconds": summary.seconds,
        "rendered": summary.count("rendered"),
        "unchanged": summary.count("unchanged"),
        "failed": summary.count("failed"),
        "review": str(summary.review) if summary.review else None,
        "stopped": summary.stopped,
        "stories": [asdict(o) for o in summary.outcomes],
        "workers": list(summary.workers),
        "exit_code": summary.exit_code,
    }


def publisher(channels: tuple[str, ...], settings: Settings) -> Callable[[Outcome], Outcome] | None:
    """After each rendered story, publish it to every channel with `news60 publish`'s machinery:
    exactly once per version (its ledger), so a re-run or a skipped story posts nothing again."""
    if not channels:
        return None
    from news60.publish import publish_story, sign_in

    sign_in(channels, settings)  # a missing or lapsed sign-in stops the batch before any work

    def publish(outcome: Outcome) -> Outcome:
        assert outcome.folder is not None  # called for rendered and unchanged stories only
        notes = list(outcome.notes)
        for channel in channels:
            try:
                result = publish_story(Path(outcome.folder), channel, settings)
            except News60Error as exc:  # the clip is made; a failed post is reported with it
                notes.append(f"not published to {channel}: {exc}")
                continue
            notes.append(
                f"{result.state} to {channel} {result.url or result.remote_id or ''}".strip()
            )
        return replace(outcome, notes=tuple(notes))

    return publish
