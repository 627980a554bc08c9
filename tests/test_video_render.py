"""Real moviepy and ffmpeg renders of tiny timelines."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from conftest import TINY, ffprobe, moov_before_mdat, stream
from PIL import Image

from news60.models import Narration, Photo, Reporting, Scene, Script, SpokenSentence
from news60.settings import VideoSettings
from news60.speech.timing import apportion
from news60.video.compositor import Compositor
from news60.video.render import render_video
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline

TEXTS = ["The council approved the new bridge on Monday.", "Work starts in spring, officials said."]


def tone(path: Path, seconds: float, rate: int = 48000) -> Path:
    samples = (np.sin(np.arange(int(rate * seconds)) * 2 * np.pi * 220 / rate) * 3000).astype(
        np.int16
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


@pytest.fixture
def timeline(tmp_path):
    photo_path = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 400), (200, 30, 30)).save(photo_path)
    scenes = (
        Scene(TEXTS[0], "Bridge approved", Photo(str(photo_path), "A bridge", "Jo Bloggs/AP")),
        Scene(TEXTS[1], "Work starts in spring"),
    )
    script = Script("Council approves bridge", scenes, reporting=Reporting(agencies=("Reuters",)))
    sentences, t = [], 0.0
    for i, text in enumerate(TEXTS):
        sentences.append(
            SpokenSentence(text, i, t, t + 1.5, tuple(apportion(text.split(), t, t + 1.5)))
        )
        t += 2.0
    audio = tone(tmp_path / "voice.wav", 8.0)
    narration = Narration(audio, 3.5, tuple(sentences), "test", 48000)
    return plan_timeline(
        script,
        narration,
        load_theme(),
        size=(TINY["width"], TINY["height"]),
        fps=TINY["fps"],
        audio=audio,
    )


def test_render_is_h264_yuv420p_aac_fast_start_at_the_planned_size(timeline, tmp_path):
    clip = render_video(timeline, load_theme(), VideoSettings(**TINY), tmp_path / "clip.mp4")
    info = ffprobe(clip)
    video, audio = stream(info, "video"), stream(info, "audio")
    assert (video["codec_name"], video["pix_fmt"]) == ("h264", "yuv420p")
    assert (video["width"], video["height"], video["r_frame_rate"]) == (160, 284, "10/1")
    assert audio["codec_name"] == "aac"
    assert abs(float(video["duration"]) - timeline.duration) <= 0.1
    assert moov_before_mdat(clip)
    assert not list(tmp_path.glob(".*partial*"))


def test_frames_show_title_photo_highlighted_caption_and_credits(timeline):
    theme = load_theme()
    frames = Compositor(timeline, theme)
    photo_slide = next(s for s in timeline.slides if s.photo is not None)
    cue = timeline.cues[0]
    middle = (cue.words[0].start + cue.words[0].end) / 2
    photo_frame = frames.frame_at(max(photo_slide.start + 0.5, middle))
    # The photo is red: the upper middle, between the logo and the heading shade, shows it plainly.
    upper = photo_frame[int(0.2 * 284) : int(0.4 * 284), :, :].reshape(-1, 3)
    assert np.mean((upper[:, 0] > 150) & (upper[:, 1] < 90)) > 0.9
    # ...and the lower part is shaded so the heading and captions read on any photo.
    lower = photo_frame[int(0.85 * 284) :, :, :].reshape(-1, 3).astype(int)
    assert lower[:, 0].mean() < 120
    highlight = np.array(theme.colors["highlight"][:3])
    caption_frame = frames.frame_at(middle)
    assert np.any(np.all(np.abs(caption_frame.astype(int) - highlight) < 40, axis=-1))
    title = frames.frame_at(0.1)
    credits = frames.frame_at(timeline.duration - 0.05)
    assert not np.array_equal(title, credits)
    assert "Jo Bloggs/AP" in timeline.slides[-1].body and "Reuters" in timeline.slides[-1].body


def test_a_corrupt_photo_falls_back_to_a_card(timeline, tmp_path, caplog):
    Path(timeline.slides[1].photo.src).write_bytes(b"not a jpeg")
    frames = Compositor(timeline, load_theme())
    assert frames.layers[1].photo is None and frames.layers[1].still is not None
    assert "skipping photo" in caplog.text
