"""Real renders of tiny timelines: the compositor's frames piped to ffmpeg."""

from __future__ import annotations

import subprocess
import wave
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import TINY, ffprobe, moov_before_mdat, stream
from PIL import Image

from news60.errors import RenderError
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


def test_the_clip_holds_the_compositors_frames_in_order(timeline, tmp_path):
    """Frames reach ffmpeg straight from the compositor's arrays: decoded, each is the one drawn."""
    clip = render_video(timeline, load_theme(), VideoSettings(**TINY), tmp_path / "clip.mp4")
    size = timeline.width * timeline.height * 3
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(clip), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True,
        check=True,
    ).stdout
    decoded = np.frombuffer(raw, np.uint8).reshape(-1, timeline.height, timeline.width, 3)
    assert len(decoded) == round(timeline.duration * timeline.fps) == len(raw) // size
    frames = Compositor(timeline, load_theme())
    for index in (0, 7, len(decoded) // 2, len(decoded) - 1):
        drawn = frames.frame_at(index / timeline.fps).astype(int)
        errors = [np.abs(decoded[k].astype(int) - drawn).mean() for k in range(len(decoded))]
        assert int(np.argmin(errors)) == index or errors[index] == min(errors)
        assert errors[index] < 4


def test_frames_drawn_over_reused_buffers_are_the_frames_drawn_fresh(timeline):
    """The render draws each frame over one the encoder has taken: nothing of it shows through."""
    from news60.video.render import drawn

    times = [i / timeline.fps for i in range(round(timeline.duration * timeline.fps))]
    fresh = [f.copy() for f in drawn(Compositor(timeline, load_theme()), times, workers=2)]
    given = []  # every frame handed out, kept alive so that no two share an id by chance
    for index, frame in enumerate(
        drawn(Compositor(timeline, load_theme()), times, workers=2, reuse=True)
    ):
        assert np.array_equal(frame, fresh[index]), index
        given.append(frame)
        frame[:] = 255 - frame  # what a careless consumer might leave behind
    assert len({id(f) for f in given}) < len(times) / 2, "buffers are reused"


def test_an_encode_that_fails_says_why_and_leaves_nothing(timeline, tmp_path):
    missing = replace(timeline, audio=tmp_path / "gone.wav")
    with pytest.raises(RenderError, match="could not encode clip.mp4: .*gone.wav"):
        render_video(missing, load_theme(), VideoSettings(**TINY), tmp_path / "clip.mp4")
    assert not list(tmp_path.glob("*.mp4")) and not list(tmp_path.glob(".*partial*"))


def test_frames_show_the_hook_photo_spoken_word_pill_and_end_card(timeline):
    theme = load_theme()
    frames = Compositor(timeline, theme)
    photo_slide = next(s for s in timeline.slides if s.kind == "photo")
    # The photo is red: the upper middle, clear of the text and the credit, shows it plainly.
    photo_frame = frames.frame_at(photo_slide.start + 0.3)
    upper = photo_frame[int(0.25 * 284) : int(0.4 * 284), 40:120].reshape(-1, 3)
    assert np.mean((upper[:, 0] > 150) & (upper[:, 1] < 90)) > 0.9
    cue = timeline.cues[0]
    middle = (cue.words[0].start + cue.words[0].end) / 2
    pill = np.array(theme.colors["pill"][:3])
    caption_frame = frames.frame_at(middle)
    assert np.any(np.all(np.abs(caption_frame.astype(int) - pill) < 40, axis=-1))
    hook, end = frames.frame_at(0.0), frames.frame_at(timeline.duration - 0.05)
    assert not np.array_equal(hook, end)
    assert "Jo Bloggs/AP" in timeline.slides[-1].body and "Reuters" in timeline.slides[-1].body


def test_a_corrupt_photo_falls_back_to_a_card(timeline, tmp_path, caplog):

    script_photo = next(s.photo for s in timeline.slides if s.photo is not None)
    Path(script_photo.src).write_bytes(b"not a jpeg")
    frames = Compositor(timeline, load_theme())
    shot = frames.shot(next(i for i, s in enumerate(timeline.slides) if s.photo is not None))
    assert shot.picture.backdrop is None and shot.picture.shade is None  # a card's plate
    assert "skipping photo" in caplog.text
