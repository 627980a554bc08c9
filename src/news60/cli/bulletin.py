"""`news60 bulletin`: the day's top stories in one clip and audio briefing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from news60.cli.app import Context, cli, show_progress
from news60.cli.options import sections, source_options, video_options
from news60.cli.story import report


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--stories", type=int, help="How many stories, the first N in order (default 5).")
@click.option("--title", help="The bulletin's title on the ident (default: the theme's tagline).")
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The bulletin's date, YYYY-MM-DD (default today).",
)
@click.option(
    "--lufs",
    type=float,
    help="Loudness of the audio briefing: -14 (default, as platforms play) or -16 (podcast players).",
)
@source_options
@video_options
@click.pass_obj
def bulletin(
    obj: Context, sources: tuple[str, ...], day: dt.datetime | None, **options: Any
) -> None:
    """Make one bulletin from several stories: SOURCES are feeds, folders, manifests, files or URLs."""
    from news60.bulletin.make import make_bulletin

    if options["summariser"]:
        raise click.UsageError(
            "--summariser does not apply: a bulletin tells each story by its lead"
        )
    settings = obj.settings(
        **sections(options),
        bulletin={
            "stories": options["stories"],
            "title": options["title"],
            "loudness": options["lufs"],
        },
    )
    show_progress(options["quiet"])
    outputs = make_bulletin(
        list(sources), settings, day=day.date() if day else None, force=options["force"]
    )
    report(outputs, options["as_json"])
    if not options["as_json"]:
        for mark in outputs.manifest.chapters:
            click.echo(f"  chapter {mark.start:6.2f} s  {mark.title}")
