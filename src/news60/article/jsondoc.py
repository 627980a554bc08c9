"""CMS exports as JSON: {title, text | paragraphs, photos: [{path | url, caption, credit}], ...};
also byline, credits, partners, published, modified, kind (or type and section), url, language."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from news60.article.kinds import NEWS, declared_kind, titled_kind
from news60.article.metadata import iso_date
from news60.article.reporting import read_partner_credit, read_reporting
from news60.errors import ArticleError
from news60.models import KINDS, Article, Photo


def parse_json(text: str, base: str | None = None) -> Article:
    """Read an article from a CMS JSON export; photo paths are relative to the JSON file."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ArticleError(
            f"the JSON is not valid ({exc}): fix the export or give HTML/text"
        ) from None
    if not isinstance(doc, dict):
        raise ArticleError(
            "the JSON must be an object with title and text: see the README's JSON format"
        )
    title = _string(doc, "title")
    paragraphs = _paragraphs(doc)
    if not title:
        raise ArticleError('the JSON has no "title": add a "title" string to the export')
    if not paragraphs:
        raise ArticleError(
            'the JSON has no "text" or "paragraphs": add the article body to the export'
        )
    credits = _credits(doc.get("credits"))
    partners = [p for c in credits if (p := read_partner_credit(c))]
    kind, title = titled_kind(title)
    return Article(
        title=title,
        standfirst=_string(doc, "standfirst") or _string(doc, "description"),
        published=_date(doc, "published"),
        paragraphs=paragraphs,
        photos=tuple(_photo(p, base) for p in _list(doc.get("photos")) if isinstance(p, dict)),
        reporting=read_reporting(
            _string(doc, "byline") or _string(doc, "author"),
            [c for c in credits if not read_partner_credit(c)],
            [*_credits(doc.get("partners")), *partners],
        ),
        source_url=_string(doc, "url") or None,
        language=_string(doc, "language") or "en",
        modified=_date(doc, "modified"),
        kind=kind if kind != NEWS else _kind(doc),
    )


def _date(doc: dict[str, Any], key: str) -> str | None:
    """An ISO date field as YYYY-MM-DD, or None."""
    return iso_date(_string(doc, key)) if _string(doc, key) else None


def _kind(doc: dict[str, Any]) -> str:
    """The kind the export names ("kind": "opinion"), else what its type, section or url say."""
    named = _string(doc, "kind").lower()
    if named in KINDS:
        return named
    return declared_kind([_string(doc, "type")], [_string(doc, "section")], _string(doc, "url"))


def _string(doc: dict[str, Any], key: str) -> str:
    """A string field, whitespace-collapsed; "" when missing or not a string."""
    value = doc.get(key)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _list(value: object) -> list[Any]:
    """The value when it is a list, else an empty list."""
    return value if isinstance(value, list) else []


def _paragraphs(doc: dict[str, Any]) -> tuple[str, ...]:
    """Body paragraphs from a "paragraphs" list or a "text" string split on blank lines."""
    raw = doc.get("paragraphs")
    if isinstance(raw, list):
        parts = [p for p in raw if isinstance(p, str)]
    elif isinstance(doc.get("text"), str):
        parts = doc["text"].replace("\r\n", "\n").split("\n\n")
    else:
        parts = []
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def _photo(item: dict[str, Any], base: str | None) -> Photo:
    """A photo from {path | url, caption, credit}; relative paths resolved beside the JSON file."""
    src = _string(item, "url") or _string(item, "path") or None
    if src and not src.startswith(("http://", "https://")) and base and not base.startswith("http"):
        path = Path(src).expanduser()
        src = str(path if path.is_absolute() else Path(base) / path)
    return Photo(src=src, caption=_string(item, "caption"), credit=_string(item, "credit"))


def _credits(raw: object) -> tuple[str, ...]:
    """Reporting credits from a list of strings or one comma-separated string."""
    if isinstance(raw, str):
        raw = raw.split(",")
    if not isinstance(raw, list):
        return ()
    return tuple(
        dict.fromkeys(" ".join(c.split()) for c in raw if isinstance(c, str) and c.strip())
    )
