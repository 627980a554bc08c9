"""Summarisers: choose what the narrator says. Extractive by default; abstractive on request."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from news60.errors import ScriptError
from news60.models import Article
from news60.script.faithfulness import unsupported_terms
from news60.script.summarisers.chat_endpoint import ChatEndpoint
from news60.script.summarisers.extractive import Extractive
from news60.script.summarisers.local_model import LocalModel
from news60.script.summarisers.picks import Pick, Summariser
from news60.settings import ScriptSettings

__all__ = ["Checked", "Pick", "Summariser", "checked", "get_summariser"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checked:
    """An abstractive summariser whose scripts must pass the faithfulness check."""

    inner: Summariser
    fallback: Summariser
    strict: bool = False

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Return the inner script when faithful; else the fallback's, or fail under strict."""
        picks = self.inner.summarise(article, max_words, sentences)[:sentences]
        script = " ".join(pick.text for pick in picks)
        problems = unsupported_terms(script, article) if picks else ["(an empty script)"]
        if not problems:
            return picks
        message = "the abstractive script is not supported by the article: " + ", ".join(
            repr(term) for term in problems[:12]
        )
        if self.strict:
            raise ScriptError(f"{message}; turn off strict to fall back to the extractive script")
        logger.warning("%s; using the extractive script instead", message)
        return self.fallback.summarise(article, max_words, sentences)


def checked(summariser: Summariser, settings: ScriptSettings) -> Summariser:
    """Guard an abstractive summariser with the faithfulness check and extractive fallback."""
    return Checked(summariser, Extractive(), settings.strict)


def _extractive(argument: str, settings: ScriptSettings) -> Summariser:
    return Extractive()


def _transformers(argument: str, settings: ScriptSettings) -> Summariser:
    if not argument:
        raise ScriptError("name the model: --summariser transformers:/path/to/model")
    return checked(LocalModel(argument), settings)


def _openai(argument: str, settings: ScriptSettings) -> Summariser:
    if not argument:
        raise ScriptError("give the server: --summariser openai:https://api.openai.com/v1")
    return checked(ChatEndpoint(argument, settings.model, settings.api_key_env), settings)


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
