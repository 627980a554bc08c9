"""What every voice returns (Speech) and the error a voice raises when it cannot speak here now."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from news60.errors import VoiceError
from news60.models import Word

DEFAULT = "piper:en_US-joe-medium"
OFFLINE_HINT = f"use the offline voice with --voice {DEFAULT}, or add --fallback-voice piper"


@dataclass(frozen=True)
class Speech:
    """Audio from one `speak` call: float32 mono in -1..1, and word times from its start."""

    samples: np.ndarray
    sample_rate: int
    words: tuple[Word, ...] = ()

    @property
    def duration(self) -> float:
        return len(self.samples) / self.sample_rate


class VoiceUnavailable(VoiceError):
    """A voice that cannot speak here right now (offline, rate-limited): a fallback may help."""

    def __init__(self, name: str, reason: str, hint: str = OFFLINE_HINT) -> None:
        super().__init__(f"{name} is unavailable ({reason}); {hint}")
        self.name = name
        self.reason = reason
