"""Summarisers: choose what the narrator says. Extractive by default; abstractive on request."""

from __future__ import annotations

from collections.abc import Callable

from news60.errors import ScriptError
from news60.script.summarisers.extractive import Extractive
from news60.script.summarisers.picks import Pick, Summariser
from news60.settings import ScriptSettings

__all__ = ["Pick", "Summariser", "get_summariser"]


def _extractive(argument: str, settings: ScriptSettings) -> Summariser:
    return Extractive()


_BACKENDS: dict[str, Callable[[str, ScriptSettings], Summariser]] = {
    "extractive": _extractive,
}


def get_summariser(name: str, settings: ScriptSettings) -> Summariser:
    """Build the summariser called `name`, e.g. "extractive" or "transformers:<model>"."""
    kind, _, argument = name.partition(":")
    if kind not in _BACKENDS:
        raise ScriptError(
            f"unknown summariser {name!r}: choose extractive, transformers:<model path> "
            "or openai:<base-url>"
        )
    return _BACKENDS[kind](argument, settings)
