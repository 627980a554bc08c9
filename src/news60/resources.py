"""Where the project's own files live: assets (fonts, themes, music, lexicon) and prompts.

They sit at the repository's top level beside src/, so news60 runs from a checkout installed
with `pip install -e .` (what scripts/setup does)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
PROMPTS = ROOT / "prompts"
