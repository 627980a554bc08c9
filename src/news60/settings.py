"""One frozen settings tree, loaded once at the edge (defaults, news60.toml, flags) and passed down."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from news60.errors import SettingsError
from news60.tomlfile import read_toml


@dataclass(frozen=True)
class ArticleSettings:
    allow_private: bool = False  # fetch from private, loopback and link-local addresses
    timeout: float = 15.0  # seconds an HTTP request may stay silent
    deadline: float = 60.0  # seconds for a whole page or photo, however slowly it arrives
    max_bytes: int = 20_000_000  # largest page or photo accepted
    max_pixels: int = 50_000_000  # largest photo accepted (width x height), checked before decoding
    cache_bytes: int = 500_000_000  # downloaded photos kept in OUT/.photos/, oldest removed first
    cache_days: float = 30.0  # downloaded photos older than this are removed
    max_redirects: int = 5
    photos: Path | None = None  # a folder of photos to use besides (and before) the article's own


@dataclass(frozen=True)
class ScriptSettings:
    summariser: str = "extractive"  # "extractive", "transformers:<model>" or "openai:<base-url>"
    seconds: float = 60.0  # length of the clip; the narration is fitted inside it
    sentences: int | None = None  # pick exactly this many sentences instead of fitting to time
    strict: bool = False  # fail instead of falling back when an abstractive script is unfaithful
    model: str = ""  # model name for an OpenAI-compatible endpoint
    api_key_env: str = "OPENAI_API_KEY"


@dataclass(frozen=True)
class VoiceSettings:
    name: str = "piper:en_US-joe-medium"
    rate: float = 1.0  # speaking rate; >1 is faster, capped at 1.05 by the fitter
    fallback: str | None = None  # voice to use when `name` cannot speak here


@dataclass(frozen=True)
class VideoSettings:
    formats: tuple[str, ...] = (
        "9:16",
    )  # "9:16", "1:1", "16:9", "4:5": one clip each, one narration
    width: int | None = None  # width and height together: one clip of this custom size instead
    height: int | None = None
    fps: int = 30
    theme: Path | None = None  # a theme TOML; None is assets/themes/default.toml
    music: str | None = None  # "none", a file, or None for the theme's bed
    preset: str = "veryfast"  # x264 preset
    threads: int = 2


@dataclass(frozen=True)
class Settings:
    article: ArticleSettings = field(default_factory=ArticleSettings)
    script: ScriptSettings = field(default_factory=ScriptSettings)
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    video: VideoSettings = field(default_factory=VideoSettings)
    out: Path = Path("output")


def load_settings(config: Path | None = None, **overrides: dict[str, Any]) -> Settings:
    """Defaults, then a TOML file, then per-section overrides such as video={"fps": 10}."""
    settings = Settings()
    if config is not None:
        settings = _merge(
            settings,
            read_toml(config, "config file", SettingsError, "check the --config path"),
            str(config),
        )
    return _merge(settings, overrides, "command line")


def _merge(obj: Any, values: dict[str, Any], origin: str) -> Any:
    """Return a copy of the dataclass `obj` with `values` applied, checking every name."""
    known = {f.name: f for f in fields(obj)}
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name not in known:
            raise SettingsError(
                f"unknown setting {name!r} in {origin}; known: {', '.join(sorted(known))}"
            )
        current = getattr(obj, name)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise SettingsError(f"setting {name!r} in {origin} must be a table")
            changes[name] = _merge(current, value, origin)
        elif isinstance(value, list):
            changes[name] = tuple(value)  # TOML arrays; the settings tree stays immutable
        else:
            changes[name] = (
                Path(value)
                if isinstance(current, Path) or name in {"theme", "out", "photos"}
                else value
            )
    return replace(obj, **changes)
