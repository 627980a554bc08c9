"""Reading the project's TOML files (settings, themes, the lexicon) with errors that name the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from news60.errors import News60Error


def read_toml(path: Path, what: str, error: type[News60Error], hint: str) -> dict[str, Any]:
    """The parsed file; a missing or invalid one raises `error` naming `what` and `hint`."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{what} {path} not found: {hint}") from None
    except OSError as exc:
        raise error(f"{what} {path} could not be read ({exc.strerror}): {hint}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}") from None
