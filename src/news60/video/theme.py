"""The look of a clip, read from a theme TOML (assets/themes/default.toml by default)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from news60.errors import SettingsError
from news60.resources import ASSETS
from news60.tomlfile import read_toml

DEFAULT_THEME = ASSETS / "themes" / "default.toml"

RGBA = tuple[int, int, int, int]


# eq=False: a theme is compared (and cached on) by identity; its tables are not hashable.
@dataclass(frozen=True, eq=False)
class Theme:
    brand: str
    tagline: str
    logo: Path | None
    colors: dict[str, RGBA]
    fonts: dict[str, Path]
    lead_in: float
    title_card: float
    end_card: float
    crossfade: float
    music: Path | None
    disclosure: str = "AI voice"


def load_theme(path: Path | None = None) -> Theme:
    """Read a theme file; relative paths inside it are relative to the file."""
    path = path or DEFAULT_THEME
    data = read_toml(path, "theme", SettingsError, "pass an existing file to --theme")
    try:
        return _theme_from(data, path.parent)
    except (KeyError, ValueError) as exc:
        raise SettingsError(
            f"theme {path} is incomplete or invalid ({exc}); start from {DEFAULT_THEME}"
        ) from None


def _theme_from(data: dict, base: Path) -> Theme:
    brand, timing = data["brand"], data["timing"]
    return Theme(
        brand=brand["name"],
        tagline=brand.get("tagline", ""),
        logo=_optional_path(base, brand.get("logo", "")),
        colors={name: parse_color(value) for name, value in data["colors"].items()},
        fonts=_fonts(base, data["fonts"]),
        lead_in=float(timing["lead_in"]),
        title_card=float(timing["title_card"]),
        end_card=float(timing["end_card"]),
        crossfade=float(timing["crossfade"]),
        music=_optional_path(base, data.get("music", {}).get("bed", "")),
        disclosure=brand.get("disclosure", "AI voice"),
    )


def parse_color(value: str) -> RGBA:
    """'#rrggbb' or '#rrggbbaa' to an RGBA tuple."""
    digits = value.lstrip("#")
    if len(digits) not in (6, 8):
        raise ValueError(f"colour {value!r} is not #rrggbb or #rrggbbaa")
    channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
    return tuple(channels + [255] * (4 - len(channels)))  # type: ignore[return-value]


def _optional_path(base: Path, value: str) -> Path | None:
    if not value:
        return None
    path = (base / value).resolve()
    return path if path.exists() else None


def _fonts(base: Path, table: dict[str, str]) -> dict[str, Path]:
    """The theme's fonts; headline, body and small must exist, the fallback may be absent."""
    fonts = {name: (base / value).resolve() for name, value in table.items()}
    for name in ("headline", "body", "small"):
        if name not in fonts or not fonts[name].exists():
            raise ValueError(f"font {name!r} ({fonts.get(name)}) does not exist")
    return {name: path for name, path in fonts.items() if path.exists()}
