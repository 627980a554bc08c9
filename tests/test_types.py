"""news60 type-checks: `mypy` with the strict configuration in pyproject.toml finds nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed: pip install -e '.[dev]'",
)
def test_mypy_strict_finds_no_errors() -> None:
    # From the repo root, so mypy reads [tool.mypy] (strict, files = src/news60) in pyproject.toml.
    done = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, f"mypy found errors:\n{done.stdout}{done.stderr}"
