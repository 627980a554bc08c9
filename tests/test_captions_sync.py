"""Captions land on the words: SRT cue times against the real voice and the mixed soundtrack."""

from __future__ import annotations

import re

from test_speech_narration import SCRIPT, audible_starts

from news60.settings import VoiceSettings
from news60.speech.mix import mix_soundtrack
from news60.speech.narration import narrate
from news60.video.cues import plan_cues, to_srt

OFFSET = 0.4  # the title card's lead-in, as in the default theme
TOLERANCE = 0.15


def srt_starts(srt: str) -> list[float]:
    stamps = re.findall(r"^(\d\d):(\d\d):(\d\d),(\d\d\d) -->", srt, re.M)
    return [int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000 for h, m, s, ms in stamps]


def test_each_sentence_has_a_cue_that_starts_when_it_is_heard(tmp_path):
    narration = narrate(SCRIPT, VoiceSettings(), tmp_path / "job", cache_dir=tmp_path / "cache")
    cues = plan_cues(narration.sentences, OFFSET)
    starts = srt_starts(to_srt(cues))
    mix = mix_soundtrack(
        narration,
        offset=OFFSET,
        duration=OFFSET + narration.duration + 1.0,
        music=None,
        dest=tmp_path / "mix.wav",
    )
    heard = audible_starts(mix)
    assert len(heard) == len(narration.sentences)
    for sentence, audible in zip(narration.sentences, heard, strict=True):
        spoken = OFFSET + sentence.start
        assert abs(spoken - audible) <= TOLERANCE, (sentence.text, spoken, audible)
        nearest_cue = min(starts, key=lambda s: abs(s - audible))
        assert abs(nearest_cue - audible) <= TOLERANCE, (sentence.text, nearest_cue, audible)
