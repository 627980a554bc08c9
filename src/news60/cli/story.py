"""The commands for one story: make, render, script, extract, and the voices list."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from news60.cli.app import Context, cli, show_progress
from news60.cli.options import sections, source_options, stdin_bytes, video_options

if TYPE_CHECKING:
    from news60.versions import Outputs


@cli.command()
@click.argument("source")
@source_options
@video_options
@click.pass_obj
def make(obj: Context, /, source: str, **options: Any) -> None:
    """Make a clip from SOURCE (a file, a URL, or - for stdin)."""
    from news60.pipeline import make_clip

    settings = obj.settings(**sections(options))
    show_progress(options["quiet"])
    outputs = make_clip(source, settings, data=stdin_bytes(source), force=options["force"])
    report(outputs, options["as_json"])


@cli.command()
@click.argument("story", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--voice", help="Voice for the narration.")
@click.option("--fallback-voice", help="Voice to use when --voice cannot speak here.")
@click.option("--seconds", type=float, help="Length of the clip (default 60).")
@click.option(
    "--photos",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder the story's photos may come from, besides the story file's own.",
)
@video_options
@click.pass_obj
def render(obj: Context, /, story: Path, **options: Any) -> None:
    """Render an edited story.json exactly as written."""
    from news60.pipeline import render_story

    settings = obj.settings(**sections(options))
    show_progress(options["quiet"])
    outputs = render_story(story, settings, force=options["force"])
    report(outputs, options["as_json"])


@cli.command()
@click.argument("source")
@source_options
@click.option(
    "--sentences", type=int, help="A brief: the story's top N sentences (no time fitting)."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write story.json here."
)
@click.option("--json", "as_json", is_flag=True, help="Print the script as JSON.")
@click.pass_obj
def script(
    obj: Context, /, source: str, output: Path | None, as_json: bool, **options: Any
) -> None:
    """Write the script for SOURCE, to edit and render later."""
    from news60.pipeline import draft_script
    from news60.script.storyfile import save_story, script_to_dict

    settings = obj.settings(**sections(options))
    if output:
        check_writable(output)  # before the work, so the script is never lost
    result = draft_script(source, settings, data=stdin_bytes(source))
    if output:
        save_story(result, output)
        click.echo(
            f"Wrote {output}: {len(result.scenes)} scenes. Edit it, then: news60 render {output}",
            err=as_json,
        )
    if as_json or not output:
        click.echo(json.dumps(script_to_dict(result), indent=2, ensure_ascii=False))


@cli.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on private or loopback networks.")
@click.pass_obj
def extract(obj: Context, source: str, as_json: bool, allow_private: bool) -> None:
    """Read SOURCE and show the article news60 found in it."""
    from news60.article import article_to_json
    from news60.credits import spoken_reporting
    from news60.pipeline import read_source

    settings = obj.settings(article={"allow_private": allow_private or None})
    article = read_source(source, settings, data=stdin_bytes(source))
    if as_json:
        click.echo(article_to_json(article))
        return
    click.echo(f"{article.title}\n{article.standfirst}\n")
    click.echo(article.text)
    for photo in article.photos:
        click.echo(f"\n[photo] {photo.caption} ({photo.credit}) {photo.src or ''}".rstrip())
    if article.reporting:
        click.echo(f"\nReporting: {spoken_reporting(article.reporting)}")


@cli.command()
@click.pass_obj
def voices(obj: Context) -> None:
    """List the voices and whether each can speak here, now."""
    from news60.speech.voices import list_voices

    for name, usable, detail in list_voices():
        click.echo(f"{'ok ' if usable else '-- '} {name:32} {detail}")


def check_writable(path: Path) -> None:
    """The folder a file will be written to exists and takes files."""
    import os

    from news60.errors import ScriptError

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ScriptError(f"cannot write {path}: folder {folder} does not exist: create it first")
    if not os.access(folder, os.W_OK):
        raise ScriptError(f"cannot write {path}: folder {folder} is not writable")


def report(outputs: Outputs, as_json: bool) -> None:
    """What a job made (or found unchanged): its manifest as JSON, or a few lines for a person."""
    if as_json:
        click.echo(json.dumps(outputs.report(), indent=2, ensure_ascii=False))
        return
    manifest = outputs.manifest
    click.echo(manifest.title)
    version = f"v{manifest.version}" + (", unchanged" if outputs.unchanged else "")
    click.echo(f"  {outputs.folder} ({version})")
    if manifest.reason:
        click.echo(f"  {manifest.reason}")
    click.echo(
        f"  {manifest.duration:.1f} s clip, {manifest.scenes} scenes, voice {manifest.voice}"
    )
    for note in manifest.notes:
        click.echo(f"  note: {note}")
    for name, path in outputs.files.items():
        click.echo(f"  {name:13} {path}")
