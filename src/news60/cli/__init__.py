"""The `news60` command line: a thin shell over the library (see app.py for the frame)."""

from news60.cli import batch, bulletin, desk, provenance, publish, story  # noqa: F401  (register their commands)
from news60.cli.app import cli, main

__all__ = ["cli", "main"]
