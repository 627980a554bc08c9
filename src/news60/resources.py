"""Where the project's own files live: assets (fonts, themes, music, lexicon) and prompts.

In a checkout they sit at the repository's top level beside src/ (`pip install -e .`); an installed
wheel carries them inside the package (news60/assets, news60/prompts: see setup.py)."""

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]


def _find(name: str) -> Path:
    """The packaged folder when news60 is installed from a wheel, else the checkout's."""
    packaged = PACKAGE / name
    return packaged if packaged.is_dir() else ROOT / name


ASSETS = _find("assets")
PROMPTS = _find("prompts")
