"""The command line's frame: the `news60` group, progress lines and the one error funnel.

The cli package is the only place that imports click and the only code that prints."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from news60.errors import News60Error
from news60.extras import missing_extra

if TYPE_CHECKING:
    from news60.settings import Settings

T = TypeVar("T")


class Context:
    def __init__(self, debug: bool, config: Path | None) -> None:
        self.debug, self.config = debug, config

    def settings(self, **sections: Any) -> Settings:
        """Settings loaded once: defaults, --config, then sections of flags (and `out`)."""
        from news60.settings import load_settings

        return load_settings(self.config, **sections)


class FunnelGroup(click.Group):
    """Runs every command inside the error funnel, settings and config loading included."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = Context(bool(ctx.params.get("debug")), None)
        return run(debug, lambda: super(FunnelGroup, self).invoke(ctx))


@click.group(cls=FunnelGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    ctx.obj.settings()  # a broken --config is reported by every command, before any work


def show_progress(quiet: bool) -> None:
    """Stage lines on a terminal's stderr while a clip is made (not in pipes and logs; not --quiet)."""
    if quiet or not sys.stderr.isatty():
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("news60: %(message)s"))
    logger = logging.getLogger("news60.progress")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


class Terminated(KeyboardInterrupt):
    """SIGTERM (what job runners send on cancel), handled like Ctrl-C: clean up, then stop."""


def run(obj: Context | None, action: Callable[[], T]) -> T:
    """The error funnel: every failure becomes one line on stderr; tracebacks only with --debug."""
    debug = obj.debug if obj is not None else False
    try:
        return action()
    except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
        raise
    except Terminated:
        _stop("Terminated: nothing was left half-written.", 143)
    except KeyboardInterrupt:
        _stop("Interrupted: nothing was left half-written.", 130)
    except News60Error as exc:
        if debug:
            raise
        _stop(f"Error! {exc}", 1)
    except BrokenPipeError:
        # The reader went away (`news60 ... | head`): nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:
        if debug:
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        _stop(
            f"Error! {exc.strerror or exc}{where}: check the path, its permissions and free disk", 1
        )
    except Exception as exc:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        if debug:
            raise
        # A module an extra installs (news60[batch], [publish] ...): say which extra adds it.
        if isinstance(exc, ModuleNotFoundError) and (missing := missing_extra(exc)):
            _stop(f"Error! {missing}", 1)
        _stop(
            f"Error! news60 failed unexpectedly ({type(exc).__name__}: {exc}): "
            "run again with --debug for the traceback and report it",
            2,
        )


def _stop(message: str, status: int) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(status)


# Set by Ctrl-C or SIGTERM as well as raised: the exception can land inside a library's
# cleanup (a Dask future released mid-poll), which swallows it; a --watch checks this instead.
STOP_ASKED = threading.Event()


def _terminate(signum: int, frame: FrameType | None) -> NoReturn:
    STOP_ASKED.set()
    raise Terminated()


def _interrupt(signum: int, frame: FrameType | None) -> NoReturn:
    STOP_ASKED.set()
    raise KeyboardInterrupt()


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)
    cli(prog_name="news60")
