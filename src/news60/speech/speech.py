"""What every voice returns (Speech) and the error a voice raises when it cannot speak here now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from news60.errors import VoiceError
from news60.models import Word

DEFAULT = "piper:en_US-joe-medium"
OFFLINE_HINT = f"use the offline voice with --voice {DEFAULT}, or add --fallback-voice piper"


class Phone(NamedTuple):
    """One phoneme as the voice timed it, in seconds from the start of its speech."""

    symbol: str
    start: float
    end: float


@dataclass(frozen=True)
class Speech:
    """Audio from one `speak` call: float32 mono in -1..1, and times from its start.

    `words` are the spoken text's words (`text.split()`), timed; `phones` are the voice's own
    phoneme alignment, when it gives one (Piper does, gTTS does not).
    """

    samples: np.ndarray
    sample_rate: int
    words: tuple[Word, ...] = ()
    phones: tuple[Phone, ...] = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate

    @property
    def aligned(self) -> bool:
        """Whether the word times come from the voice's own alignment (else they are spread)."""
        return bool(self.phones)


class VoiceUnavailable(VoiceError):
    """A voice that cannot speak here right now (offline, rate-limited): a fallback may help."""

    def __init__(self, name: str, reason: str, hint: str = OFFLINE_HINT) -> None:
        super().__init__(f"{name} is unavailable ({reason}); {hint}")
        self.name = name
        self.reason = reason
