"""Options shared by several commands, and turning flags into settings sections."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from news60.video.formats import SIZES

SIZE_HELP = "One clip of a custom frame size WIDTHxHEIGHT instead of --format."
FORMAT_HELP = "9:16 (default), 1:1, 16:9 or 4:5; repeat for several clips sharing one narration."

F = TypeVar("F", bound=Callable[..., Any])  # a command function, decorated with options


def source_options(func: F) -> F:
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


def base_option(func: F) -> F:
    """--base DIR: for commands that read manifests (batch, bulletin)."""
    return click.option(
        "--base",
        type=click.Path(file_okay=False, path_type=Path),
        help="A folder manifests may name files in, besides their own folder.",
    )(func)


def video_options(func: F) -> F:
    func = click.option("-q", "--quiet", is_flag=True, help="No progress lines on stderr.")(func)
    func = click.option(
        "--force",
        is_flag=True,
        help="Render a new version even when nothing changed since the last one.",
    )(func)
    func = click.option(
        "--skip-missing-photos",
        is_flag=True,
        default=None,
        help="Make the clip without a named photo that cannot be shown (noted in the manifest).",
    )(func)
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


def sections(options: dict[str, Any]) -> dict[str, Any]:
    """Flags to settings sections (and `out`); None means 'not given', so the config file's value stays."""
    width = height = None
    if options.get("size"):
        if options.get("formats"):
            raise click.UsageError("give either --size or --format, not both")
        width, height = parse_size(options["size"])
    return {
        "article": {
            "photos": options.get("photos"),
            "base": options.get("base"),
            "allow_private": options.get("allow_private"),
            "skip_missing_photos": options.get("skip_missing_photos"),
        },
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


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise click.BadParameter(f"{text!r} is not WIDTHxHEIGHT, e.g. 1080x1920") from None
    if width < 16 or height < 16 or width % 2 or height % 2:
        raise click.BadParameter(f"{text}: width and height must be even and at least 16")
    return width, height


def stdin_bytes(source: str) -> bytes | None:
    return sys.stdin.buffer.read() if source == "-" else None
