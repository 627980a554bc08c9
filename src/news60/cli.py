"""The command line: a thin shell over the library. The only module that prints."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from news60.errors import News60Error
from news60.video.formats import SIZES

SIZE_HELP = "One clip of a custom frame size WIDTHxHEIGHT instead of --format."
FORMAT_HELP = "9:16 (default), 1:1, 16:9 or 4:5; repeat for several clips sharing one narration."


class Context:
    def __init__(self, debug: bool, config: Path | None):
        self.debug, self.config = debug, config

    def settings(self, **sections: dict[str, Any]):
        from news60.settings import load_settings

        return load_settings(self.config, **sections)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and detailed logs.")
@click.option("-v", "--verbose", is_flag=True, help="Say what each stage is doing.")
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A news60.toml with default settings (see news60.example.toml).",
)
@click.version_option(package_name="news60")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool, config: Path | None) -> None:
    """Turn a news article into a one-minute narrated video and an audio summary."""
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    ctx.obj = Context(debug, config)


def _show_progress(quiet: bool) -> None:
    """Stage lines on a terminal's stderr while a clip is made (not in pipes and logs; not --quiet)."""
    if quiet or not sys.stderr.isatty():
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("news60: %(message)s"))
    logger = logging.getLogger("news60.progress")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _source_options(func):
    func = click.option(
        "--allow-private",
        is_flag=True,
        default=None,
        help="Allow URLs on private or loopback networks.",
    )(func)
    func = click.option(
        "--photos",
        type=click.Path(file_okay=False, path_type=Path),
        help="A folder of photos to show (credits from photos.json or EXIF).",
    )(func)
    func = click.option("--seconds", type=float, help="Length of the clip (default 60).")(func)
    func = click.option(
        "--summariser", help="extractive (default), transformers:<model>, openai:<url>."
    )(func)
    func = click.option(
        "--voice", help="piper:en_US-joe-medium (default), piper:<file.onnx>, gtts:en ..."
    )(func)
    func = click.option("--fallback-voice", help="Voice to use when --voice cannot speak here.")(
        func
    )
    return func


def _video_options(func):
    func = click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")(func)
    func = click.option(
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        help="Output folder (default output/).",
    )(func)
    func = click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")(func)
    func = click.option("--size", help=SIZE_HELP)(func)
    func = click.option(
        "--format", "formats", multiple=True, type=click.Choice(list(SIZES)), help=FORMAT_HELP
    )(func)
    func = click.option("--fps", type=int, help="Frames per second (default 30).")(func)
    func = click.option(
        "--theme", type=click.Path(dir_okay=False, path_type=Path), help="A theme TOML."
    )(func)
    func = click.option("--music", help="A music file, or 'none' (default: the theme's bed).")(func)
    return func


@cli.command()
@click.argument("source")
@_source_options
@_video_options
@click.pass_obj
def make(obj: Context, source: str, **options: Any) -> None:
    """Make a clip from SOURCE (a file, a URL, or - for stdin)."""
    from news60.pipeline import make_clip

    settings = obj.settings(**_sections(options))
    _show_progress(options["quiet"])
    outputs = _run(obj, lambda: make_clip(source, settings, data=_stdin(source)))
    _report(outputs, options["as_json"])


@cli.command()
@click.argument("story", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--voice", help="Voice for the narration.")
@click.option("--fallback-voice", help="Voice to use when --voice cannot speak here.")
@click.option("--seconds", type=float, help="Length of the clip (default 60).")
@_video_options
@click.pass_obj
def render(obj: Context, story: Path, **options: Any) -> None:
    """Render an edited story.json exactly as written."""
    from news60.pipeline import render_story

    settings = obj.settings(**_sections(options))
    _show_progress(options["quiet"])
    outputs = _run(obj, lambda: render_story(story, settings))
    _report(outputs, options["as_json"])


@cli.command()
@click.argument("source")
@_source_options
@click.option("--sentences", type=int, help="Pick exactly N sentences (no time fitting).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write story.json here."
)
@click.option("--json", "as_json", is_flag=True, help="Print the script as JSON.")
@click.pass_obj
def script(obj: Context, source: str, output: Path | None, as_json: bool, **options: Any) -> None:
    """Write the script for SOURCE, to edit and render later."""
    from news60.pipeline import draft_script
    from news60.script.storyfile import save_story, script_to_dict

    settings = obj.settings(**_sections(options))
    result = _run(obj, lambda: draft_script(source, settings, data=_stdin(source)))
    if output:
        _run(obj, lambda: save_story(result, output))
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
    article = _run(obj, lambda: read_source(source, settings, data=_stdin(source)))
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

    for name, usable, detail in _run(obj, list_voices):
        click.echo(f"{'ok ' if usable else '-- '} {name:32} {detail}")


def _sections(options: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Flags to settings sections; None means 'not given', so the config file's value stays."""
    width = height = None
    if options.get("size"):
        if options.get("formats"):
            raise click.UsageError("give either --size or --format, not both")
        width, height = _parse_size(options["size"])
    return {
        "article": {"photos": options.get("photos"), "allow_private": options.get("allow_private")},
        "script": {
            "seconds": options.get("seconds"),
            "summariser": options.get("summariser"),
            "sentences": options.get("sentences"),
        },
        "voice": {"name": options.get("voice"), "fallback": options.get("fallback_voice")},
        "video": {
            "formats": tuple(options.get("formats") or ()) or None,
            "width": width,
            "height": height,
            "fps": options.get("fps"),
            "theme": options.get("theme"),
            "music": options.get("music"),
        },
        "out": options.get("out"),
    }


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not WIDTHxHEIGHT, e.g. 1080x1920") from None
    if width < 16 or height < 16 or width % 2 or height % 2:
        raise click.BadParameter(f"{text}: width and height must be even and at least 16")
    return width, height


def _stdin(source: str) -> bytes | None:
    return sys.stdin.buffer.read() if source == "-" else None


def _run(obj: Context, action):
    """The error funnel: a News60Error becomes one line on stderr and exit status 1."""
    try:
        return action()
    except News60Error as exc:
        if obj.debug:
            raise
        click.echo(f"Error! {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted: nothing was left half-written.", err=True)
        sys.exit(130)


def _report(outputs, as_json: bool) -> None:
    manifest = outputs.manifest
    if as_json:
        click.echo(json.dumps(manifest, indent=2, ensure_ascii=False))
        return
    click.echo(f"{manifest['title']}")
    click.echo(
        f"  {manifest['duration']:.1f} s clip, {manifest['scenes']} scenes, voice {manifest['voice']}"
    )
    for note in manifest["notes"]:
        click.echo(f"  note: {note}")
    for name, path in manifest["files"].items():
        click.echo(f"  {name:13} {path}")


def main() -> None:
    cli(prog_name="news60")
