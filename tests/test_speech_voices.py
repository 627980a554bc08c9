"""Voices by name, the offline failure of gTTS, falling back to Piper, and word timing."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from news60.errors import VoiceError
from news60.models import Scene, Script
from news60.settings import VoiceSettings
from news60.speech import alignment, timing
from news60.speech.google_voice import GoogleVoice
from news60.speech.narration import narrate
from news60.speech.speech import Phone, Speech
from news60.speech.voices import canonical_name, get_voice, list_voices

SCRIPT = Script(
    "Storm warning", (Scene("High winds are expected tonight. Stay indoors.", "Winds"),)
)


def test_piper_speaks_with_a_time_for_every_word():
    speech = get_voice(VoiceSettings()).speak("Rain is coming to the north.")
    assert speech.sample_rate == 22050 and speech.samples.dtype == np.float32
    assert 0.8 < speech.duration < 4.0 and np.abs(speech.samples).max() <= 1.0
    assert [w.text for w in speech.words] == ["Rain", "is", "coming", "to", "the", "north."]
    starts = [w.start for w in speech.words]
    assert starts == sorted(starts) and speech.words[-1].end <= speech.duration


def test_names_are_canonical_and_unknown_ones_say_what_exists():
    assert canonical_name("piper") == "piper:en_US-joe-medium"
    assert canonical_name("gtts") == "gtts:en"
    with pytest.raises(VoiceError, match="piper:"):
        get_voice(VoiceSettings(name="espeak:en"))


def test_a_missing_piper_voice_names_the_download_command():
    with pytest.raises(VoiceError, match="download_voices"):
        get_voice(VoiceSettings(name="piper:de_DE-nobody-low"))
    with pytest.raises(VoiceError, match="not found"):
        get_voice(VoiceSettings(name="piper:/nowhere/voice.onnx"))


def test_gtts_accents_pick_the_google_domain():
    assert get_voice(VoiceSettings(name="gtts:en-uk")) == GoogleVoice("en-uk", "en", "co.uk")
    assert get_voice(VoiceSettings(name="gtts:en-au")).tld == "com.au"
    assert get_voice(VoiceSettings(name="gtts:fr")).lang == "fr"
    with pytest.raises(VoiceError, match="accent"):
        get_voice(VoiceSettings(name="gtts:en-mars"))


def test_gtts_offline_is_a_quick_one_line_voice_error_naming_piper(tmp_path):
    started = time.monotonic()
    with pytest.raises(VoiceError) as caught:
        narrate(SCRIPT, VoiceSettings(name="gtts:en"), tmp_path, cache_dir=tmp_path / "cache")
    message = str(caught.value)
    assert time.monotonic() - started < 20
    assert "\n" not in message and message.startswith("gtts:en is unavailable")
    assert "--voice piper:en_US-joe-medium" in message and "--fallback-voice piper" in message


def test_fallback_narrates_with_piper_and_says_so(tmp_path):
    settings = VoiceSettings(name="gtts:en-uk", fallback="piper")
    narration = narrate(SCRIPT, settings, tmp_path, cache_dir=tmp_path / "cache")
    assert narration.voice == "piper:en_US-joe-medium"
    assert len(narration.sentences) == 2 and narration.wav.stat().st_size > 10_000
    (note,) = narration.notes
    assert note.startswith("gtts:en-uk unavailable (")
    assert note.endswith("; narrated with piper:en_US-joe-medium")


def test_list_voices_reports_piper_usable_and_gtts_not_here():
    started = time.monotonic()
    voices = {name: (usable, detail) for name, usable, detail in list_voices()}
    assert time.monotonic() - started < 10
    assert voices["piper:en_US-joe-medium"][0] is True
    assert voices["gtts:en"][0] is False and "translate.google.com" in voices["gtts:en"][1]


def test_rate_out_of_range_is_refused():
    with pytest.raises(VoiceError, match="0.5 to 2.0"):
        get_voice(VoiceSettings(rate=3.0))


def test_words_are_apportioned_by_characters_without_an_alignment():
    words = timing.apportion(["It", "cost", "£1,200"], 0.1, 1.1)
    assert [w.text for w in words] == ["It", "cost", "£1,200"]
    assert words[0].start == 0.1 and words[-1].end == 1.1
    assert words[2].end - words[2].start > words[0].end - words[0].start


def test_alignment_splits_joined_phoneme_words_and_joins_split_ones():
    # "on the 2016": espeak says "ɔnðə" as one phoneme word and "2016" as three.
    said = "^ɔnðə tuː θaʊzənd sɪkstiːn.$"
    phones = [Phone(s, i * 0.1, i * 0.1 + 0.1) for i, s in enumerate(said)]
    alone = [tuple("ɑːn"), tuple("ðə"), tuple("tuː θaʊzənd sɪkstiːn")]
    spans = alignment.word_spans(phones, alone)
    assert spans == [
        pytest.approx((0.1, 0.3)),  # ɔn
        pytest.approx((0.3, 0.5)),  # ðə
        pytest.approx((0.6, 2.6)),  # tuː θaʊzənd sɪkstiːn
    ]


def test_trim_cuts_silence_and_moves_word_times():
    rate = 1000
    samples = np.concatenate([np.zeros(200), 0.5 * np.ones(600), np.zeros(300)]).astype(np.float32)
    words = timing.apportion(["one", "two"], 0.2, 0.8)
    trimmed = timing.trim(Speech(samples, rate, words))
    assert trimmed.duration == pytest.approx(0.6, abs=0.011)
    assert trimmed.words[0].start == 0.0 and trimmed.words[-1].end == pytest.approx(0.6, abs=0.011)


def _speak_fresh(monkeypatch, cache, text: str) -> Speech:
    """A voice loaded as a new process loads it (no model in memory), with `cache` as the user cache."""
    from news60.speech import piper_voice

    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    piper_voice._load.cache_clear()
    try:
        return get_voice(VoiceSettings()).speak(text)
    finally:
        piper_voice._load.cache_clear()


def test_the_patched_voice_is_kept_and_a_damaged_copy_is_patched_again(monkeypatch, tmp_path):
    text = "The bridge reopens on Monday."
    first = _speak_fresh(monkeypatch, tmp_path, text)
    [kept] = (tmp_path / "news60" / "voices").glob("*.onnx")
    again = _speak_fresh(monkeypatch, tmp_path, text)  # loaded from the kept copy
    assert np.array_equal(first.samples, again.samples) and first.words == again.words
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short, as by a full disk
    mended = _speak_fresh(monkeypatch, tmp_path, text)
    assert np.array_equal(first.samples, mended.samples)
    assert kept.stat().st_size > 1_000_000, "the damaged copy is replaced"


def test_patching_a_voice_removes_copies_unused_for_a_week_and_keeps_recent_ones(
    monkeypatch, tmp_path
):
    # Each voice upgrade, or each new venv's copy of the model, leaves a 67 MB patched copy behind.
    from news60.speech import piper_voice

    folder = tmp_path / "news60" / "voices"
    folder.mkdir(parents=True)
    old, recent, other_voice = (
        folder / f"{piper_voice.BUNDLED}-{'0' * 24}.onnx",
        folder / f"{piper_voice.BUNDLED}-{'1' * 24}.onnx",
        folder / f"en_GB-alan-low-{'2' * 24}.onnx",
    )
    week_ago = time.time() - (piper_voice.STALE_COPY_DAYS + 1) * 86400
    for path in (old, recent, other_voice):
        path.write_bytes(b"an older patched copy")
    for path in (old, other_voice):
        os.utime(path, (week_ago, week_ago))
    _speak_fresh(monkeypatch, tmp_path, "The bridge reopens on Monday.")
    assert not old.exists(), "a copy of this voice unused for a week is removed"
    assert recent.exists(), "a copy another environment used this week stays"
    assert other_voice.exists(), "another voice's copies are not this voice's to remove"
    assert len(list(folder.glob(f"{piper_voice.BUNDLED}-*.onnx"))) == 2
