"""Paths inside records: relative to the folder that holds the record, when what they name moves
with it."""

from __future__ import annotations

import os
from pathlib import Path


def relative_path(path: Path, folder: Path, within: Path) -> str:
    """`path` relative to `folder` when it lies inside `within` (a story folder: its photo cache,
    its versions); anything outside stays absolute, as it does not move with the record. A
    relative path is taken as relative to `folder` already."""
    path, within = Path(path), Path(within).absolute()
    if not path.is_absolute() or not path.is_relative_to(within):
        return str(path)
    return os.path.relpath(path, Path(folder).absolute())
