"""Summarisers: choose what the narrator says. Extractive by default; abstractive on request."""

from __future__ import annotations

from collections.abc import Callable

from news60.errors import ScriptError
from news60.script.summarisers.chat_endpoint import ChatEndpoint
from news60.script.summarisers.checked import Checked, checked
from news60.script.summarisers.extractive import Extractive
from news60.script.summarisers.local_model import LocalModel
from news60.script.summarisers.picks import Pick, Summariser
from news60.settings import ScriptSettings

__all__ = ["Checked", "Pick", "Summariser", "checked", "get_summariser"]


def _extractive(argument: str, settings: ScriptSettings) -> Summariser:
    return Extractive()


def _transformers(argument: str, settings: ScriptSettings) -> Summariser:
    if not argument:
        raise ScriptError("name the model: --summariser transformers:/path/to/model")
    return checked(LocalModel(argument), f"the model {argument}", settings)


def _openai(argument: str, settings: ScriptSettings) -> Summariser:
    if not argument:
        raise ScriptError("give the server: --summariser openai:https://api.openai.com/v1")
    endpoint = ChatEndpoint(argument, settings.model, settings.api_key_env)
    return checked(endpoint, f"the model {settings.model or 'at ' + argument}", settings)


_BACKENDS: dict[str, Callable[[str, ScriptSettings], Summariser]] = {
    "extractive": _extractive,
    "transformers": _transformers,
    "openai": _openai,
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
