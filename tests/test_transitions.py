"""Every transition of the seed clip, with photos (as --photos gives them) and without, frame by frame:
no flash, and never the old and the new text on screen together; and the whole clip, in 9:16 and
16:9, as framecheck and the review see it: something above the captions every second, a change at
least every 4 s, no frozen stretch, no line shown twice."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from conftest import ROOT, SEED
from PIL import Image

from news60 import pipeline
from news60.settings import VideoSettings, load_settings
from news60.speech.mix import mix_soundtrack
from news60.video.compositor import Compositor
from news60.video.render import render_video
from news60.video.review import empty_seconds, repeated_lines
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline

pytestmark = pytest.mark.slow
SIZE, FPS = (90, 160), 30  # framecheck's own grid, at the clip's frame rate


@pytest.fixture(scope="module")
def photo_folder(tmp_path_factory):
    data = pytest.importorskip("skimage.data")
    folder = tmp_path_factory.mktemp("photos")
    for name in ("astronaut", "coffee", "chelsea", "rocket"):
        Image.fromarray(getattr(data, name)()).save(folder / f"{name}.jpg", quality=92)
    return folder


@pytest.fixture(scope="module", params=["without photos", "with photos"])
def story(request, tmp_path_factory, photo_folder):
    photos = photo_folder if request.param == "with photos" else None
    settings = load_settings(article={"photos": photos})
    article = pipeline.read_source(str(SEED), settings)
    theme = load_theme()
    script, narration = pipeline.write_script(
        article, settings, theme, tmp_path_factory.mktemp("w")
    )
    if photos is not None:
        assert any(scene.photo and scene.photo.src for scene in script.scenes)
    return script, narration, theme


@pytest.fixture(scope="module")
def compositor(story):
    script, narration, theme = story
    timeline = plan_timeline(script, narration, theme, size=SIZE, fps=FPS, audio=narration.wav)
    return Compositor(timeline, theme)


def windows(compositor: Compositor) -> list[list[int]]:
    """Frame numbers around every cut: from half a second before to a second after."""
    cuts = [round(slide.start * FPS) for slide in compositor.slides[1:]]
    return [list(range(max(0, cut - 15), cut + 30)) for cut in cuts]


def grey(frame: np.ndarray) -> np.ndarray:
    return np.asarray(Image.fromarray(frame).convert("L"), dtype=np.float32)


def test_no_frame_flashes_at_any_transition(compositor):
    for window in windows(compositor):
        frames = [grey(compositor.frame_at(k / FPS)) for k in window]
        for i in range(1, len(frames) - 1):
            before = np.abs(frames[i] - frames[i - 1]).mean()
            after = np.abs(frames[i + 1] - frames[i]).mean()
            around = np.abs(frames[i + 1] - frames[i - 1]).mean()
            # A flash: a frame unlike both neighbours while they are alike (framecheck's rule).
            assert not (min(before, after) > 5 and min(before, after) > 3 * around), window[i]


def test_a_card_is_wiped_over_a_card_which_stays_in_place(compositor):
    pushed = [
        (i, s)
        for i, s in enumerate(compositor.slides[1:], 1)
        if s.entry == "push" and s.photo is None and compositor.slides[i - 1].photo is None
    ]
    assert pushed or any(s.photo for s in compositor.slides)  # the seed without photos has some
    for index, slide in pushed:
        t = slide.start + 1.0 / FPS  # a third of the way in
        old = compositor.shot(index - 1)
        frame, before = compositor.frame_at(t), old.picture.draw(t - old.slide.start)
        band = slice(int(SIZE[1] * 0.4), int(SIZE[1] * 0.6))  # clear of the logo and captions
        assert np.array_equal(frame[band, : SIZE[0] // 4], before[band, : SIZE[0] // 4])


def test_no_frame_shows_the_old_and_the_new_text(compositor):
    for window in windows(compositor):
        shown = [compositor.visible_text(k / FPS) for k in window]
        assert all(len(texts) <= 1 for texts in shown)
        runs = [texts[0][0] if texts else None for texts in shown]
        # Between two texts there is at least one frame without any: a cut, never a dissolve.
        for a, b in zip(runs, runs[1:], strict=False):
            assert a is None or b is None or a == b, runs


def test_text_fades_before_the_cut_and_comes_in_after_it(compositor):
    timing = compositor.theme.transitions
    for index, slide in enumerate(compositor.slides[1:], 1):
        if compositor.runs[index][0] != index:
            continue  # the same text held over a new framing
        cut = slide.start
        before = compositor.visible_text(cut - 1.5 / FPS)
        at_cut = compositor.visible_text(cut + 0.01)
        assert not before or before[0][2] < 1.0  # fading out
        assert not at_cut or at_cut[0][1] <= 1  # only just arriving
        later = compositor.visible_text(cut + (timing.push + timing.text_in + 2) / FPS)
        assert later and later[0][0] == index


sys.path.insert(0, str(ROOT / "benchmarks"))  # the frames benchmark runs framecheck the same way
from frames import FRAMECHECK, framecheck  # noqa: E402


@pytest.mark.skipif(
    not FRAMECHECK.exists(), reason="the shared framecheck tool is not beside the repo"
)
@pytest.mark.parametrize("size", [SIZE, SIZE[::-1]], ids=["9:16", "16:9"])
def test_every_second_says_something_new_and_nothing_twice(story, size, tmp_path):
    script, narration, theme = story
    audio = tmp_path / "soundtrack.wav"
    timeline = plan_timeline(script, narration, theme, size=size, fps=FPS, audio=audio)
    assert empty_seconds(timeline) == 0  # a photo or a designed line above the captions
    assert repeated_lines(timeline) == []  # never what the captions show, nor an earlier line
    mix_soundtrack(
        narration, offset=timeline.narration_offset, duration=timeline.duration, music=None,
        dest=audio,
    )  # fmt: skip
    video = VideoSettings(width=size[0], height=size[1], fps=FPS)
    clip = render_video(timeline, theme, video, tmp_path / "clip.mp4")
    four, five = framecheck(clip, 4), framecheck(clip, 5)
    assert four["still"] == 0 and four["frozen"] <= 1.0, four
    assert five["flashes"] == 0 and five["still"] == 0, five
