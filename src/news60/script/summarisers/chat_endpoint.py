"""Abstractive scripts from any OpenAI-compatible /chat/completions endpoint, via urllib."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from news60.errors import ScriptError
from news60.models import Article
from news60.script.summarisers.picks import Pick, picks_from_script
from news60.script.summarisers.prompt import clean_output, render_prompt

_TIMEOUT = 120.0  # seconds: a long article on a slow local server takes a while


@dataclass(frozen=True)
class ChatEndpoint:
    """An OpenAI-compatible server: base_url such as https://api.openai.com/v1."""

    base_url: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Send the prompt as one user message and split the reply into picks."""
        if not self.model:
            raise ScriptError(
                "no model named for the OpenAI-compatible summariser: set script.model "
                'in news60.toml (e.g. model = "gpt-4o-mini")'
            )
        prompt = render_prompt(article, max_words, sentences)
        reply = self._post({"model": self.model, "messages": [{"role": "user", "content": prompt}]})
        return picks_from_script(clean_output(_content(reply, self.url)))

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + "/chat/completions"

    def _post(self, payload: dict[str, Any]) -> Any:  # the server's JSON reply, unchecked
        headers = {"Content-Type": "application/json"}
        key = os.environ.get(self.api_key_env)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(self.url, json.dumps(payload).encode(), headers)
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            raise ScriptError(_http_advice(exc.code, self.url, self.api_key_env)) from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ScriptError(
                f"could not reach the summariser at {self.url} ({reason}): check the "
                "server is running and the openai:<base-url> is right, or use --summariser "
                "extractive"
            ) from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ScriptError(f"the summariser at {self.url} did not answer with JSON") from None


def _content(reply: Any, url: str) -> str:
    try:
        content: str = reply["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError):
        raise ScriptError(
            f"the summariser at {url} answered without choices[0].message.content: is it an "
            "OpenAI-compatible /chat/completions endpoint?"
        ) from None
    return content


def _http_advice(code: int, url: str, key_env: str) -> str:
    if code in (401, 403):
        return f"the summariser at {url} refused the key (HTTP {code}): set {key_env}"
    if code == 404:
        return f"no chat endpoint at {url} (HTTP 404): the base URL usually ends in /v1"
    return f"the summariser at {url} failed (HTTP {code}): try again later or use extractive"
