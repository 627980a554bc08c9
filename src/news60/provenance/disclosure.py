"""Whether the narration is a synthetic voice, and the disclosure line a clip then carries."""

from __future__ import annotations

# Voice prefixes that play a person's own recorded narration. Every other voice is taken for a
# synthetic one, so a new text-to-speech backend is never declared a human recording by omission.
RECORDED_VOICES = frozenset({"recording"})


def synthetic_voice(voice: str) -> bool:
    """True for a text-to-speech voice ('piper:...', 'gtts:...'), False for a recorded narrator."""
    return voice.strip().partition(":")[0].lower() not in RECORDED_VOICES


def disclosure_line(voice: str, wording: str) -> str:
    """The theme's wording ('AI voice') when the narration is synthetic, else nothing."""
    return wording.strip() if synthetic_voice(voice) else ""
