"""The languages news60 writes scripts in: one line per language, and the look-up by code."""

from __future__ import annotations

import functools
from collections.abc import Callable

from news60.language.english import profile as english
from news60.language.profile import Profile

_PROFILES: dict[str, Callable[[], Profile]] = {
    "en": english,
}


def profile_for(code: str | None) -> Profile:
    """The profile for a language code ("en", "en-GB"); English when there is none for it yet."""
    base = (code or "en").split("-")[0].lower()
    return _built(base if base in _PROFILES else "en")


@functools.cache
def _built(code: str) -> Profile:
    return _PROFILES[code]()
