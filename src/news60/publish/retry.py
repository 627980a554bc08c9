"""Retries with exponential backoff and jitter, capped in attempts and in total time."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from news60.errors import PublishError
from news60.settings import PublishSettings

log = logging.getLogger(__name__)
T = TypeVar("T")


class Transient(PublishError):
    """A failure worth another try: 429, a 5xx, a dropped or timed-out connection."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class GaveUp(PublishError):
    """The retries ran out; the message says what failed last."""


class Refused(PublishError):
    """The platform refused the upload for good: its session will not be resumed, so it is cancelled."""


@dataclass(frozen=True)
class Backoff:
    attempts: int = 6
    delay: float = 2.0
    max_delay: float = 60.0
    seconds: float = 900.0

    @classmethod
    def from_settings(cls, settings: PublishSettings) -> Backoff:
        return cls(
            settings.retry_attempts,
            settings.retry_delay,
            settings.retry_max_delay,
            settings.retry_seconds,
        )

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before try `attempt + 1`: doubling, jittered down by up to half."""
        wait = min(self.max_delay, self.delay * 2.0 ** (attempt - 1)) * random.uniform(0.5, 1.0)
        return max(wait, retry_after or 0.0)


def retrying(
    step: Callable[[int], T],
    backoff: Backoff,
    what: str,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """`step(attempt)` until it returns; Transient failures are retried within the caps."""
    began = time.monotonic()
    attempt = 1
    while True:
        try:
            return step(attempt)
        except Transient as exc:
            wait = backoff.wait(attempt, exc.retry_after)
            spent = time.monotonic() - began
            if attempt >= backoff.attempts or spent + wait > backoff.seconds:
                raise GaveUp(
                    f"{what} failed {attempt} times in {spent:.0f} s (last: {exc})"
                ) from exc
            log.warning(
                "%s: %s; trying again in %.1f s (%d of %d)",
                what,
                exc,
                wait,
                attempt + 1,
                backoff.attempts,
            )
            sleep(wait)
            attempt += 1
