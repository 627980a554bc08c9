"""The look of a clip, read from a theme TOML (assets/themes/default.toml by default)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from news60.errors import SettingsError
from news60.resources import ASSETS
from news60.tomlfile import read_toml

DEFAULT_THEME = ASSETS / "themes" / "default.toml"

RGBA = tuple[int, int, int, int]

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    T = TypeVar("T", bound=DataclassInstance)


@dataclass(frozen=True)
class TypeScale:
    """Type sizes as fractions of the frame's short side (its width in 9:16, 1:1 and 4:5)."""

    hook: float = 0.1
    key: float = 0.078
    figure: float = 0.22
    caption: float = 0.056
    label: float = 0.034


@dataclass(frozen=True)
class Motion:
    """Camera moves at constant speed: scale change and drift (frame widths) per second."""

    zoom: float = 0.014
    drift: float = 0.01
    framing: float = 3.0  # at most this many seconds between new framings of a photo
    card_change: float = 3.5  # at most this long between card changes without photos


@dataclass(frozen=True)
class Transitions:
    """Frame counts of the cut's choreography: text out, picture push, text in, line stagger."""

    text_out: int = 4
    push: int = 8  # 0: scene changes cut
    text_in: int = 7
    stagger: int = 3
    rise: float = 0.025  # how far new text rises as it fades in, as a fraction of the short side
    hook: float = 1.9  # the hook holds at most this long: the first visual change comes by 2 s


# eq=False: a theme is compared (and cached on) by identity; its tables are not hashable.
@dataclass(frozen=True, eq=False)
class Theme:
    brand: str
    tagline: str
    logo: Path | None
    colors: dict[str, RGBA]
    fonts: dict[str, Path]
    lead_in: float
    end_card: float
    music: Path | None
    follow: str = ""
    disclosure: str = "AI voice"
    type: TypeScale = TypeScale()
    motion: Motion = Motion()
    transitions: Transitions = Transitions()


def load_theme(path: Path | None = None) -> Theme:
    """Read a theme file; relative paths inside it are relative to the file."""
    path = path or DEFAULT_THEME
    data = read_toml(path, "theme", SettingsError, "pass an existing file to --theme")
    try:
        return _theme_from(data, path.parent)
    except (KeyError, ValueError, TypeError) as exc:
        raise SettingsError(
            f"theme {path} is incomplete or invalid ({exc}); start from {DEFAULT_THEME}"
        ) from None


def _theme_from(data: dict[str, Any], base: Path) -> Theme:
    brand, timing = data["brand"], data["timing"]
    return Theme(
        brand=brand["name"],
        tagline=brand.get("tagline", ""),
        logo=_optional_path(base, brand.get("logo", "")),
        colors={name: parse_color(value) for name, value in data["colors"].items()},
        fonts=_fonts(base, data["fonts"]),
        lead_in=float(timing["lead_in"]),
        end_card=float(timing["end_card"]),
        music=_optional_path(base, data.get("music", {}).get("bed", "")),
        follow=brand.get("follow", ""),
        disclosure=brand.get("disclosure", "AI voice"),
        type=_table(TypeScale, data.get("type", {})),
        motion=_table(Motion, data.get("motion", {})),
        transitions=_table(Transitions, data.get("transitions", {})),
    )


def _table(kind: type[T], values: dict[str, Any]) -> T:
    """A settings table: the theme's values over the defaults, each checked by name and type."""
    known = {f.name: type(getattr(kind(), f.name)) for f in fields(kind)}
    unknown = set(values) - set(known)
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}; known: {', '.join(known)}")
    return kind(**{name: known[name](value) for name, value in values.items()})


def parse_color(value: str) -> RGBA:
    """'#rrggbb' or '#rrggbbaa' to an RGBA tuple."""
    digits = value.lstrip("#")
    if len(digits) not in (6, 8):
        raise ValueError(f"colour {value!r} is not #rrggbb or #rrggbbaa")
    channels = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
    red, green, blue, alpha = channels + [255] * (4 - len(channels))
    return red, green, blue, alpha


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
