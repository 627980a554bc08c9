"""Manifests: one story a row (CSV with a header, or JSON lines), each row's overrides beside it.

    source,voice,formats,seconds,photos
    stories/fire.html,piper:en_US-joe-medium,9:16 1:1,45,photos/fire

Paths in a row are relative to the manifest's folder; empty cells keep the batch's defaults."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from news60.article.fetch import is_url
from news60.sources.entries import Entry, SourceError

SOURCE_COLUMNS = ("source", "url", "file", "path")  # what CMS exports call the article's address
INFO_COLUMNS = {"title", "published", "notes"}  # shown or filtered on, never settings


def read_manifest(path: Path) -> list[Entry]:
    """Every row of a CSV or JSON-lines manifest as an Entry, in row order."""
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _json_rows(path)
    return [_entry(row, number, path) for number, row in rows]


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            yield number, {(k or "").strip().lower(): v for k, v in row.items()}


def _json_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise SourceError(f"{path} line {number} is not JSON ({exc}): fix the row") from None
        if not isinstance(row, dict):
            raise SourceError(f"{path} line {number} must be a JSON object with a source")
        yield number, {str(k).lower(): v for k, v in row.items()}


def _entry(row: dict[str, Any], number: int, path: Path) -> Entry:
    where = f"{path} row {number}"
    source = next((str(row[c]).strip() for c in SOURCE_COLUMNS if _given(row.get(c))), "")
    if not source:
        raise SourceError(f"{where} has no source: give the article's file or URL in 'source'")
    unknown = set(row) - set(SOURCE_COLUMNS) - INFO_COLUMNS - set(OVERRIDES) - {""}
    if unknown:
        raise SourceError(
            f"{where}: unknown column {', '.join(sorted(unknown))}; "
            f"known: source, {', '.join(sorted(INFO_COLUMNS | set(OVERRIDES)))}"
        )
    overrides: dict[str, dict[str, Any]] = {}
    for name, (section, setting, parse) in OVERRIDES.items():
        if _given(row.get(name)):
            overrides.setdefault(section, {})[setting] = _parsed(parse, row[name], path, where)
    return Entry(
        source if is_url(source) else str(_beside(source, path)),
        overrides=overrides,
        published=_date(row.get("published"), where),
        title=str(row.get("title") or "").strip(),
        origin=str(path),
    )


def _formats(value: Any, base: Path) -> tuple[str, ...]:
    """'9:16 1:1', '9:16;1:1' or a JSON list."""
    items = value if isinstance(value, list) else str(value).replace(";", " ").split()
    return tuple(str(item).strip() for item in items if str(item).strip())


def _seconds(value: Any, base: Path) -> float:
    return float(value)


def _text(value: Any, base: Path) -> str:
    return str(value).strip()


def _folder(value: Any, base: Path) -> Path:
    return _beside(str(value).strip(), base)


def _voice(value: Any, base: Path) -> str:
    """A voice name; a piper:<file.onnx> path is relative to the manifest like any other."""
    text = str(value).strip()
    if text.startswith("piper:") and text.endswith(".onnx"):
        return f"piper:{_beside(text.removeprefix('piper:'), base)}"
    return text


# column: (settings section, setting, parser)
OVERRIDES: dict[str, tuple[str, str, Callable[[Any, Path], Any]]] = {
    "photos": ("article", "photos", _folder),
    "voice": ("voice", "name", _voice),
    "fallback_voice": ("voice", "fallback", _voice),
    "formats": ("video", "formats", _formats),
    "music": ("video", "music", _text),
    "seconds": ("script", "seconds", _seconds),
    "summariser": ("script", "summariser", _text),
}


def _parsed(parse: Callable[[Any, Path], Any], value: Any, path: Path, where: str) -> Any:
    try:
        return parse(value, path)
    except (TypeError, ValueError):
        raise SourceError(f"{where}: {value!r} is not a valid value: fix the cell") from None


def _beside(value: str, manifest: Path) -> Path:
    path = Path(value).expanduser()
    return (path if path.is_absolute() else manifest.parent / path).resolve()


def _given(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _date(value: Any, where: str) -> dt.datetime | None:
    if not _given(value):
        return None
    try:
        when = dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise SourceError(f"{where}: published {value!r} is not an ISO date (2024-05-01)") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
