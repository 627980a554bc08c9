"""Article ingestion: a file, an http(s) URL or stdin bytes in; one Article out."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from news60.article.decode import decode
from news60.article.fetch import fetch, is_url
from news60.article.html import STORY_WORDS, parse_html
from news60.article.jsondoc import parse_json
from news60.article.kinds import declared_kind
from news60.article.text import parse_text
from news60.errors import ArticleError
from news60.localfiles import load_json, read_input
from news60.models import Article
from news60.settings import ArticleSettings

__all__ = ["article_to_json", "read_article"]

_PARSERS = {"json": parse_json, "html": parse_html, "text": parse_text}
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
# "{" opens JSON; "[" too when an object, array, string or number follows ("[Updated] ..." is prose).
_JSON = re.compile(r'^(?:\{|\[\s*(?:[{\["\d\]-]|true|false|null))')


def read_article(
    source: str,
    settings: ArticleSettings,
    *,
    data: bytes | None = None,
    fallback: str = "",
) -> Article:
    """Read one article from a file path, an http(s) URL, or "-" with the bytes in `data`.

    Nothing but the page itself is fetched: photos keep their URLs (download_photos fetches them
    when a clip is made). `data` given with a URL is the page already fetched (a feed reader
    looked at it first). `fallback` is the story's text from elsewhere (its feed item's
    description), read in place of a body too short to be the story; the page's headline, date,
    credits and photos are kept."""
    raw, name, base = _load(source, settings, data)
    text = decode(raw, name)
    article = _PARSERS[detect_kind(text)](text, base)
    if is_url(source):
        # The address it was fetched from says what the page may not: "/opinion/", "/live/".
        kind = article.kind if article.kind != "news" else declared_kind([], [], source)
        article = replace(article, source_url=article.source_url or source, kind=kind)
    told = fallback_paragraphs(fallback)
    if _words(article.paragraphs) < STORY_WORDS <= _words(told):
        article = replace(article, paragraphs=told)
    _require_story(article, name)
    return article


def fallback_paragraphs(text: str) -> tuple[str, ...]:
    """A story's text given from elsewhere as paragraphs: blank lines between them."""
    return tuple(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def article_to_json(article: Article) -> str:
    """The article as one JSON document (what `news60 extract --json` prints)."""
    return json.dumps(article.to_dict(), ensure_ascii=False, indent=2)


def detect_kind(text: str) -> str:
    """ "json", "html" or "text", judged from the content rather than a file name."""
    head = text.lstrip()[:4000]
    if _JSON.match(head):
        check_json(text)
        return "json"
    return "html" if _HTML.search(head) else "text"


def check_json(text: str) -> None:
    """A document that starts like JSON is JSON: a broken one is an error, never read as prose."""
    try:
        load_json(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(
            f"the input starts like JSON but is not valid JSON ({exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}): fix or re-export it (was it cut short?)"
        ) from None
    except ValueError as exc:  # nested too deeply, a number too long
        raise ArticleError(
            f"the input starts like JSON but cannot be read as an article ({exc}): "
            "give the CMS export as {title, text, photos}"
        ) from None


def _load(
    source: str, settings: ArticleSettings, data: bytes | None
) -> tuple[bytes, str, str | None]:
    """The raw bytes, a name for messages, and the base for relative photo paths or links."""
    if source == "-":
        if data is None:
            raise ArticleError("source '-' needs the article bytes from stdin: pipe the article in")
        return data, "stdin", None
    if is_url(source):
        return (data if data is not None else fetch(source, settings)), source, source
    return _read_file(Path(source).expanduser(), settings), source, str(Path(source).parent)


def _read_file(path: Path, settings: ArticleSettings) -> bytes:
    """The bytes of a local article file: a regular file within article.max_bytes."""
    return read_input(
        path,
        settings.max_bytes,
        what="article file",
        hint="give the article file itself (text, HTML or JSON), or an http(s) URL; "
        "raise article.max_bytes for a larger file",
        error=ArticleError,
    )


def _words(paragraphs: tuple[str, ...]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _require_story(article: Article, name: str) -> None:
    """Refuse a result with no real article in it (only links, ads, or a few words)."""
    words = _words(article.paragraphs)
    if words < STORY_WORDS:
        raise ArticleError(
            f"no article text found in {name} ({words} words of prose): "
            "give the page of the story itself, or paste the article text"
        )
