"""`news60 bulletin`: the day's top stories in one clip and audio briefing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from news60.cli.app import Context, cli, show_progress
from news60.cli.options import base_option, sections, source_options, video_options
from news60.cli.story import report
from news60.models import KINDS


class AgeParam(click.ParamType):
    """An age as hours: '48h', '2d', '90m', or a bare number of hours."""

    name = "AGE"
    units = {"m": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0}

    def convert(self, value: Any, param: Any, ctx: Any) -> float:
        text = str(value).strip().lower()
        unit = self.units.get(text[-1:], None)
        try:
            return float(text[:-1] if unit else text) * (unit or 1.0)
        except ValueError:
            self.fail(f"{value!r} is not an age: give e.g. 48h, 2d, 90m, or 0 for any age")


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--stories", type=int, help="How many stories, the first N in order (default 5).")
@click.option(
    "--title",
    help="The bulletin's title: its name in players, its folder, the audio's sign-off "
    "(default: the theme's tagline).",
)
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
@click.option(
    "--max-age",
    type=AgeParam(),
    help="Leave out stories dated more than this before the bulletin's date: 48h (default), "
    "2d, 90m, or 0 for any age.",
)
@click.option(
    "--allow-old",
    multiple=True,
    metavar="SOURCE",
    help="Air this story however old or undated (a file or URL; repeat for more).",
)
@click.option(
    "--include",
    multiple=True,
    type=click.Choice(KINDS[1:]),
    help="Air this kind of story besides news, labelled on screen (repeat for more).",
)
@source_options
@base_option
@video_options
@click.pass_obj
def bulletin(
    obj: Context, /, sources: tuple[str, ...], day: dt.datetime | None, **options: Any
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
            "max_age": options["max_age"],
            "allow_old": options["allow_old"] or None,
            "include": options["include"] or None,
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
