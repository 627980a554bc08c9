"""Frozen dataclasses to JSON data and back, guided by their type hints: nested records, tuples,
mappings, optional and literal fields. A record written before a field existed reads with that
field's default; a field this news60 does not know is left out."""

from __future__ import annotations

import json
import types
from collections.abc import Mapping
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from news60.errors import News60Error
from news60.localfiles import read_regular

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")  # a record: a dataclass
# A story index with a thousand versions is under 1 MB; a file this big is no record of ours.
RECORD_BYTES = 64_000_000


class RecordError(News60Error):
    """A record on disk cannot be read as what it should be."""


def to_data(value: Any) -> Any:
    """A record as JSON data: dataclasses as objects, tuples as lists, paths as text."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): to_data(item) for key, item in value.items()}
    if isinstance(value, Path):
        return str(value)
    return value


def from_data(kind: type[R], data: Any, origin: str) -> R:
    """The record `kind` from JSON data; a field of the wrong type is named in the error."""
    if not isinstance(data, dict):
        raise RecordError(f"{origin}: expected an object, not {type(data).__name__}")
    hints = get_type_hints(kind)
    values = {
        f.name: _value(hints[f.name], data[f.name], f"{origin}.{f.name}")
        for f in fields(kind)
        if f.name in data and not (data[f.name] is None and _has_default(f))
    }
    missing = [f.name for f in fields(kind) if f.name not in values and not _has_default(f)]
    if missing:
        raise RecordError(f"{origin}: missing {', '.join(missing)}")
    return kind(**values)


def read_record(kind: type[R], path: Path) -> R:
    """The record in the JSON file `path`."""
    return from_data(kind, read_json(path), path.name)


def read_json(path: Path) -> Any:
    """The JSON data of a record file; a pipe or device put in its place is refused at once
    rather than waited on, and so is a file far larger than any record."""
    try:
        return json.loads(read_regular(path, RECORD_BYTES).decode("utf-8"))
    except (OSError, ValueError) as exc:  # NotRegularFile and TooLarge are OSErrors
        raise RecordError(f"{path} cannot be read ({exc})") from None


def _has_default(field: Any) -> bool:
    """A null where a default exists reads as the default (a list a writer left out as null)."""
    return field.default is not MISSING or field.default_factory is not MISSING


def _value(hint: Any, value: Any, origin: str) -> Any:
    """`value` as the type `hint` says, checked."""
    shape, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return value
    if isinstance(hint, type) and is_dataclass(hint):  # (a hint naming a record is its class)
        return from_data(hint, value, origin)
    if shape in (Union, types.UnionType):
        return _union(args, value, origin)
    if shape is Literal:
        if value not in args:
            raise RecordError(f"{origin}: {value!r} is not one of {', '.join(map(repr, args))}")
        return value
    if shape is tuple:
        return tuple(_value(args[0], item, origin) for item in _list(value, origin))
    if shape in (dict, Mapping):
        if not isinstance(value, dict):
            raise RecordError(f"{origin}: expected an object, not {type(value).__name__}")
        return {str(key): _value(args[1], item, f"{origin}.{key}") for key, item in value.items()}
    return _scalar(hint, value, origin)


def _union(args: tuple[Any, ...], value: Any, origin: str) -> Any:
    if value is None and type(None) in args:
        return None
    errors = []
    for arg in (a for a in args if a is not type(None)):
        try:
            return _value(arg, value, origin)
        except RecordError as exc:
            errors.append(str(exc))
    raise RecordError(errors[0] if errors else f"{origin}: unexpected {value!r}")


def _list(value: Any, origin: str) -> list[Any]:
    if not isinstance(value, list):
        raise RecordError(f"{origin}: expected a list, not {type(value).__name__}")
    return value


def _scalar(hint: Any, value: Any, origin: str) -> Any:
    """A string, number or flag; an integer stands for a float (JSON writes 60.0 as 60)."""
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint is Path and isinstance(value, str):
        return Path(value)
    if hint is int and isinstance(value, bool):
        raise RecordError(f"{origin}: expected a number, not {value!r}")
    if isinstance(value, hint):
        return value
    raise RecordError(f"{origin}: expected {hint.__name__}, not {type(value).__name__}")
