"""Everything that can be checked before reading and narrating: theme, music, voice, summariser,
clip formats."""

from __future__ import annotations

from pathlib import Path

from news60.errors import RenderError, ScriptError, SettingsError
from news60.localfiles import is_regular
from news60.models import Script
from news60.script.fitting import Limits
from news60.script.summarisers import get_summariser
from news60.settings import Settings
from news60.speech import audio
from news60.speech.narration import speaking_rate
from news60.speech.voices import canonical_name
from news60.video.formats import clip_formats
from news60.video.theme import Theme, load_theme

OVERRUN = 1.25  # an edited story this much over the clip's word budget cannot be sped up to fit


def check_before_work(settings: Settings) -> Theme:
    """The theme, once loaded; a setting that would fail later (music, voice ...) fails now."""
    theme = load_theme(settings.video.theme)
    canonical_name(settings.voice.name)
    if settings.voice.fallback:
        canonical_name(settings.voice.fallback)
    get_summariser(settings.script.summariser, settings.script)
    check_music(settings.video.music)
    clip_formats(settings.video)
    return theme


def check_music(choice: str | None) -> None:
    """--music names a file ffmpeg can read audio from, or 'none'."""
    if choice is None or choice.lower() == "none":
        return
    path = Path(choice).expanduser()
    if not is_regular(path):
        problem = "is not a regular file" if path.exists() else "no such file"
        raise SettingsError(f"--music {choice}: {problem}: give an audio file, or --music none")
    try:
        samples = audio.decode(path, 8000, 1, seconds=2.0)
    except RenderError as exc:
        raise SettingsError(
            f"--music {choice} is not audio ffmpeg can read ({exc}): pick another file or --music none"
        ) from None
    if len(samples) == 0:
        raise SettingsError(f"--music {choice} holds no audio: pick another file or --music none")


def check_story_length(script: Script, settings: Settings, limits: Limits) -> None:
    """An edited story far longer than the clip fails before narration, naming how much to cut."""
    budget = speaking_rate(settings.voice) * limits.longest
    words = len(script.text.split())
    if words > budget * OVERRUN:
        longest = max(range(len(script.scenes)), key=lambda i: len(script.scenes[i].text.split()))
        raise ScriptError(
            f"the story has {words} words but a {settings.script.seconds:g} s clip holds about "
            f"{budget:.0f}: cut about {words - budget:.0f} words (scene {longest + 1} is the "
            "longest) or raise --seconds"
        )
