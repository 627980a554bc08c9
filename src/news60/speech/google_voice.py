"""An online voice: Google Translate's text-to-speech through gTTS, decoded with ffmpeg."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

from news60.errors import RenderError, VoiceError
from news60.speech import audio, timing
from news60.speech.speech import Speech, VoiceUnavailable

# gtts:<lang>-<accent>: the accent picks the Google domain that serves the voice.
ACCENTS = {
    "us": "com", "uk": "co.uk", "gb": "co.uk", "au": "com.au", "ca": "ca", "in": "co.in",
    "ie": "ie", "za": "co.za", "nz": "co.nz", "br": "com.br", "pt": "pt", "mx": "com.mx",
    "es": "es", "fr": "fr",
}  # fmt: skip
HOST = "translate.google.com"
TIMEOUT_S = 15.0  # gTTS sets no timeout of its own; a stalled request must not hang a render
_RATE = 24_000  # gTTS serves 24 kHz MP3


@dataclass(frozen=True)
class GoogleVoice:
    """gTTS for one language and Google domain; `rate` is applied with ffmpeg's atempo."""

    code: str  # as written after 'gtts:', for messages
    lang: str
    tld: str = "com"
    rate: float = 1.0

    def speak(self, text: str) -> Speech:
        mp3 = _fetch(text, self.lang, self.tld, f"gtts:{self.code}")
        try:
            samples = audio.decode(mp3, _RATE, 1, tempo=self.rate)
        except RenderError as exc:
            raise VoiceError(f"gtts:{self.code} sent audio ffmpeg cannot read ({exc})") from exc
        audible = timing.audible_span(samples, _RATE)
        return Speech(samples, _RATE, timing.apportion(text.split(), *audible))


def open_gtts(argument: str, rate: float) -> GoogleVoice:
    """`gtts:<lang>` or `gtts:<lang>-<accent>` (en-uk, en-au, fr-ca, pt-br ...)."""
    from gtts.lang import tts_langs

    known = tts_langs()
    code = argument or "en"
    lang, _, accent = code.partition("-")
    if code in known and code != lang:  # gTTS's own regional codes, e.g. zh-CN
        return GoogleVoice(code, code, "com", rate)
    if lang not in known or (accent and accent.lower() not in ACCENTS):
        raise VoiceError(
            f"gtts voice {code!r} is unknown: use gtts:<lang> or gtts:<lang>-<accent> with lang in "
            f"{', '.join(sorted(known)[:12])} ... and accent in {', '.join(ACCENTS)}"
        )
    return GoogleVoice(code, lang, ACCENTS.get(accent.lower(), "com"), rate)


def reachable(timeout: float = 2.0) -> tuple[bool, str]:
    """Whether Google Translate answers a TCP connection within `timeout` seconds."""
    result: list[tuple[bool, str]] = []

    def probe() -> None:
        try:
            socket.create_connection((HOST, 443), timeout=timeout).close()
            result.append((True, f"{HOST} reachable"))
        except OSError as exc:
            result.append((False, f"{HOST} unreachable ({exc.strerror or exc})"))

    # DNS ignores socket timeouts, so the probe runs in a thread we stop waiting for.
    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout + 1.0)
    return result[0] if result else (False, f"{HOST} did not answer within {timeout:.0f} s")


def _fetch(text: str, lang: str, tld: str, name: str) -> bytes:
    """The MP3 bytes for `text`, or a VoiceError within TIMEOUT_S."""
    outcome: list[bytes | Exception] = []

    def request() -> None:
        from gtts import gTTS

        try:
            outcome.append(b"".join(gTTS(text, lang=lang, tld=tld).stream()))
        except Exception as exc:  # gTTSError, requests errors, AssertionError on empty text
            outcome.append(exc)

    thread = threading.Thread(target=request, daemon=True)
    thread.start()
    thread.join(TIMEOUT_S)
    reason = f"no answer within {TIMEOUT_S:.0f} s" if not outcome else str(outcome[0])
    if outcome and isinstance(outcome[0], bytes) and outcome[0]:
        return outcome[0]
    raise VoiceUnavailable(name, _one_line(reason))


def _one_line(text: str) -> str:
    return " ".join(text.split())[:160]
