"""Prompt templates for abstractive summarisers, kept as text files in prompts/."""

from __future__ import annotations

from pathlib import Path

from news60.errors import ScriptError
from news60.models import Article
from news60.resources import PROMPTS
from news60.script.summarisers.picks import DEFAULT_WORDS

DEFAULT_TEMPLATE = PROMPTS / "news60-script.txt"


def render_prompt(
    article: Article, max_words: int | None, sentences: int | None, template: Path | None = None
) -> str:
    """Fill the {title}, {text} and {words} placeholders of a prompt template."""
    path = template or DEFAULT_TEMPLATE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise ScriptError(
            f"prompt template {path} is missing: restore it from the repository"
        ) from None
    words = max_words or (sentences * 20 if sentences else DEFAULT_WORDS)
    body = "\n\n".join(part for part in (article.standfirst, article.text) if part)
    return text.format(title=article.title, text=body, words=words)


def clean_output(text: str) -> str:
    """Drop a leading "Narration:" label and surrounding blank space a model may add."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if lines and lines[0].lower().rstrip(":") in {"narration", "script"}:
        lines = lines[1:]
    return " ".join(lines)
