"""Where the project's own files live: assets (fonts, themes, music, lexicon) and prompts;
and where it keeps what it can compute again (spoken sentences, sentence vectors).

In a checkout they sit at the repository's top level beside src/ (`pip install -e .`); an installed
wheel carries them inside the package (news60/assets, news60/prompts: see setup.py)."""

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]


def _find(name: str) -> Path:
    """The packaged folder when news60 is installed from a wheel, else the checkout's."""
    packaged = PACKAGE / name
    return packaged if packaged.is_dir() else ROOT / name


ASSETS = _find("assets")
PROMPTS = _find("prompts")


def user_cache(name: str) -> Path:
    """$XDG_CACHE_HOME/news60/NAME, or ~/.cache/news60/NAME."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "news60" / name
