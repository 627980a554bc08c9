"""Reading the project's TOML files (settings, themes, the lexicon) with errors that name the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from news60.errors import News60Error
from news60.localfiles import read_input

MAX_BYTES = 5_000_000  # a settings file, theme or lexicon is a few KB


def read_toml(path: Path, what: str, error: type[News60Error], hint: str) -> dict[str, Any]:
    """The parsed file; a missing or invalid one raises `error` naming `what` and `hint`."""
    raw = read_input(path, MAX_BYTES, what=what, hint=hint, error=error)
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise error(f"{what} {path} is not UTF-8 text: save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}") from None
    except RecursionError:  # arrays nested thousands deep
        raise error(f"{what} {path} is not valid TOML (nested too deeply): fix it") from None
