"""Manifests: one story a row (CSV with a header, or JSON lines), each row's overrides beside it.

    source,voice,formats,seconds,photos
    stories/fire.html,piper:en_US-joe-medium,9:16 1:1,45,photos/fire

Every cell is checked before any work: its kind (text, a number, a list of formats), its length,
and every file it names (article, photos folder, music, a Piper model) lies inside the manifest's
folder, or the folder given with --base; articles named by address are http(s) URLs. Paths are
relative to the manifest's folder; empty cells keep the batch's defaults."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from news60.article.decode import decode_text
from news60.article.fetch import is_url
from news60.localfiles import inside, load_json, problem_with_path, read_input
from news60.sources.entries import Entry, SourceError

SOURCE_COLUMNS = ("source", "url", "file", "path")  # what CMS exports call the article's address
INFO_COLUMNS = {"title", "published", "notes"}  # shown or filtered on, never settings
MANIFEST_BYTES = 20_000_000  # a day's manifest is a few KB; a whole archive is not one batch
CELL_CHARS = 4_096  # a path, URL or setting; a longer cell is a paste gone wrong
FORMATS = 8  # clip formats one row may ask for


def read_manifest(path: Path, base: Path | None = None) -> list[Entry]:
    """Every row of a CSV or JSON-lines manifest as an Entry, in row order; a manifest with no
    rows is an error (a batch that renders nothing would look like a quiet day)."""
    raw = read_input(
        path,
        MANIFEST_BYTES,
        what="manifest",
        hint="give a CSV or JSON-lines file with a source column",
        error=SourceError,
    )
    text = decode_text(raw)  # UTF-8 or 16 with or without BOM, cp1252, latin-1: as editors save
    rows = _csv_rows(text, path) if path.suffix.lower() == ".csv" else _json_rows(text, path)
    folders = (path.parent, *([base] if base else []))
    entries = [_entry(row, number, path, folders) for number, row in rows]
    if not entries:
        raise SourceError(f"{path} lists no stories: add a row with the article's source")
    return entries


def _csv_rows(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            cells = {(k or "").strip().lower(): v for k, v in row.items() if k is not None}
            if None in row:
                raise SourceError(
                    f"{path} line {reader.line_num} has more cells than the header has columns: "
                    "quote cells that hold commas"
                )
            yield reader.line_num, cells
    except csv.Error as exc:  # a cell over the csv module's 128 KB limit, a NUL byte ...
        raise SourceError(  # the reader counts the lines it finished: the bad one is the next
            f"{path} line {reader.line_num + 1} cannot be read as CSV ({exc}): "
            "a cell holds a path, URL or setting; fix the row"
        ) from None


def _json_rows(text: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = load_json(line)
        except ValueError as exc:  # not JSON, nested too deeply, a number too long
            raise SourceError(f"{path} line {number} is not JSON ({exc}): fix the row") from None
        if not isinstance(row, dict):
            raise SourceError(f"{path} line {number} must be a JSON object with a source")
        yield number, {str(k).lower(): v for k, v in row.items()}


def _entry(row: dict[str, Any], number: int, path: Path, folders: tuple[Path, ...]) -> Entry:
    where = f"{path} row {number}"
    unknown = set(row) - set(SOURCE_COLUMNS) - INFO_COLUMNS - set(OVERRIDES) - {""}
    if unknown:
        raise SourceError(
            f"{where}: unknown column {', '.join(sorted(str(u)[:40] for u in unknown)[:5])}; "
            f"known: source, {', '.join(sorted(INFO_COLUMNS | set(OVERRIDES)))}"
        )
    column = next((c for c in SOURCE_COLUMNS if _given(row.get(c))), None)
    if column is None:
        raise SourceError(f"{where} has no source: give the article's file or URL in 'source'")
    overrides: dict[str, dict[str, Any]] = {}
    for name, (section, setting, parse) in OVERRIDES.items():
        if _given(row.get(name)):
            value = _parsed(parse, row[name], Cell(f"{where}: {name}", folders))
            overrides.setdefault(section, {})[setting] = value
    return Entry(
        _article(row[column], Cell(f"{where}: {column}", folders)),
        overrides=overrides,
        published=_date(row.get("published"), f"{where}: published"),
        title=_text(row.get("title") or "", Cell(f"{where}: title", folders)),
        origin=where,
    )


class Cell:
    """Where a value came from (for messages) and the folders its paths must lie in."""

    def __init__(self, where: str, folders: tuple[Path, ...]) -> None:
        self.where, self.folders = where, folders

    def error(self, problem: str) -> SourceError:
        return SourceError(f"{self.where} {problem}")


def _article(value: Any, cell: Cell) -> str:
    """An http(s) URL, or the path of a file inside the manifest's folder (or --base)."""
    text = _text(value, cell)
    if is_url(text):
        if not text.lower().startswith(("http://", "https://")):
            raise cell.error(
                f"{text[:80]!r} is not an http(s) URL: give an https:// address or a file"
            )
        return text
    return str(_confined(text, cell))


def _text(value: Any, cell: Cell) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise cell.error(f"must be text, not {type(value).__name__}: fix the cell")
    text = str(value).strip()
    if len(text) > CELL_CHARS:
        raise cell.error(f"is {len(text):,} characters; at most {CELL_CHARS:,}: fix the cell")
    return text


def _confined(text: str, cell: Cell) -> Path:
    """The path a cell names, resolved against the manifest's folder, once it is inside it."""
    if problem := problem_with_path(text):
        raise cell.error(f"{problem}: give a path relative to the manifest")
    path = Path(text).expanduser()
    path = (path if path.is_absolute() else cell.folders[0] / path).resolve()
    if not inside(path, cell.folders):
        raise cell.error(
            f"names {text!r}, outside the manifest's folder {cell.folders[0]}: a manifest names "
            "only files beside it; move the file there, or give its folder with --base"
        )
    return path


def _formats(value: Any, cell: Cell) -> tuple[str, ...]:
    """'9:16 1:1', '9:16;1:1' or a JSON list of the names `--format` takes."""
    from news60.video.formats import SIZES

    items = value if isinstance(value, list) else _text(value, cell).replace(";", " ").split()
    names = tuple(_text(item, cell) for item in items if str(item).strip())
    if not names or len(names) > FORMATS or any(n not in SIZES for n in names):
        raise cell.error(
            f"{value!r:.80} is not a list of formats: give up to {FORMATS} of {', '.join(SIZES)}"
        )
    return names


def _seconds(value: Any, cell: Cell) -> float:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise cell.error(f"must be a number of seconds, not {type(value).__name__}")
    try:
        return float(_text(value, cell))
    except ValueError:
        raise cell.error(f"{value!r:.80} is not a valid value (a number of seconds)") from None


def _folder(value: Any, cell: Cell) -> Path:
    return _confined(_text(value, cell), cell)


def _music(value: Any, cell: Cell) -> str:
    """'none', or an audio file inside the manifest's folder (it travels to the workers)."""
    text = _text(value, cell)
    return text if text.lower() == "none" else str(_confined(text, cell))


def _voice(value: Any, cell: Cell) -> str:
    """A voice name; a piper:<file.onnx> model is a file, inside the manifest's folder."""
    text = _text(value, cell)
    if text.startswith("piper:") and text.endswith(".onnx"):
        return f"piper:{_confined(text.removeprefix('piper:'), cell)}"
    if problem := problem_with_path(text):
        raise cell.error(f"{problem}: give a voice name such as piper:en_US-joe-medium")
    return text


# column: (settings section, setting, parser)
OVERRIDES: dict[str, tuple[str, str, Callable[[Any, Cell], Any]]] = {
    "photos": ("article", "photos", _folder),
    "voice": ("voice", "name", _voice),
    "fallback_voice": ("voice", "fallback", _voice),
    "formats": ("video", "formats", _formats),
    "music": ("video", "music", _music),
    "seconds": ("script", "seconds", _seconds),
    "summariser": ("script", "summariser", _text),
}


def _parsed(parse: Callable[[Any, Cell], Any], value: Any, cell: Cell) -> Any:
    try:
        return parse(value, cell)
    except (TypeError, ValueError):
        raise cell.error(f"{value!r:.80} is not a valid value: fix the cell") from None


def _given(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def _date(value: Any, where: str) -> dt.datetime | None:
    if not _given(value):
        return None
    try:
        when = dt.datetime.fromisoformat(str(value).strip()[:64])
    except ValueError:
        raise SourceError(f"{where} {value!r:.80} is not an ISO date (2024-05-01)") from None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
