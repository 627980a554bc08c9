"""Voices behind one Protocol, chosen by name prefix: `piper:<voice>`, `gtts:<lang>[-<accent>]`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from news60.errors import VoiceError
from news60.settings import VoiceSettings
from news60.speech.speech import DEFAULT, Speech


class Voice(Protocol):
    """One verb: speak a sentence."""

    def speak(self, text: str) -> Speech: ...


def _open_piper(argument: str, rate: float) -> Voice:
    from news60.speech.piper_voice import open_piper

    return open_piper(argument, rate)


def _open_gtts(argument: str, rate: float) -> Voice:
    from news60.speech.google_voice import open_gtts

    return open_gtts(argument, rate)


BACKENDS: dict[str, Callable[[str, float], Voice]] = {"piper": _open_piper, "gtts": _open_gtts}
_DEFAULT_ARGUMENT = {"piper": "en_US-joe-medium", "gtts": "en"}


def canonical_name(name: str) -> str:
    """'piper' -> 'piper:en_US-joe-medium', 'gtts' -> 'gtts:en'; other names unchanged."""
    prefix, _, argument = name.strip().partition(":")
    if prefix not in BACKENDS:
        raise VoiceError(
            f"unknown voice {name!r}: use one of {', '.join(f'{p}:...' for p in BACKENDS)} "
            f"(see `news60 voices`)"
        )
    return f"{prefix}:{argument or _DEFAULT_ARGUMENT[prefix]}"


def get_voice(settings: VoiceSettings) -> Voice:
    """The voice `settings.name` names, speaking at `settings.rate`."""
    if not 0.5 <= settings.rate <= 2.0:
        raise VoiceError(f"voice rate {settings.rate} is out of range: use 0.5 to 2.0")
    prefix, _, argument = canonical_name(settings.name).partition(":")
    return BACKENDS[prefix](argument, settings.rate)


def unload_voices() -> None:
    """Let the loaded voice models go; a voice speaking again loads its model again."""
    from news60.speech import piper_voice

    piper_voice.unload()


def list_voices() -> list[tuple[str, bool, str]]:
    """Every voice news60 knows here: (name, usable now, detail) for `news60 voices`."""
    from news60.speech import google_voice, piper_voice

    rows = [_piper_row(DEFAULT, "bundled, offline")]
    rows += [_piper_row(f"piper:{p}", "installed, offline") for p in piper_voice.installed_models()]
    online, detail = google_voice.reachable()
    for accent in ("", "-uk", "-au", "-in", "-ca", "-ie"):
        rows.append((f"gtts:en{accent}", online, f"Google Translate, online: {detail}"))
    return rows


def _piper_row(name: str, detail: str) -> tuple[str, bool, str]:
    try:
        get_voice(VoiceSettings(name=name))
    except VoiceError as exc:
        return name, False, str(exc)
    return name, True, detail
