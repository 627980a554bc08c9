"""Several clip formats from one narration, the thumbnail, the manifest, and fallback fonts."""

from __future__ import annotations

import json
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from conftest import ffprobe, stream
from PIL import Image

from news60.errors import SettingsError
from news60.models import Narration, Photo, Reporting, Scene, Script, Slide, SpokenSentence
from news60.outputs import STORY, write_outputs
from news60.settings import Settings, VideoSettings
from news60.speech.timing import apportion
from news60.stories import claim_story, open_draft, publish_draft
from news60.video import formats
from news60.video.formats import clip_formats, parse_format
from news60.video.layout import Layout
from news60.video.theme import load_theme
from news60.video.typesetting import draw_text, family, fit_text, font, system_cjk_fonts

TEXTS = ["The council approved the new bridge on Monday.", "Work starts in spring, officials said."]
TINY_SIZES = {"9:16": (160, 284), "1:1": (160, 160), "16:9": (284, 160), "4:5": (160, 200)}


def tone(path: Path, seconds: float, rate: int = 22050) -> Path:
    t = np.arange(int(rate * seconds)) / rate
    samples = (np.sin(t * 2 * np.pi * 220) * 3000).astype(np.int16)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1), out.setsampwidth(2), out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return path


def story(tmp_path: Path) -> tuple[Script, Narration]:
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 400), (200, 30, 30)).save(photo)
    scenes = (
        Scene(TEXTS[0], "Bridge approved", Photo(str(photo), "A bridge", "Jo Bloggs/AP")),
        Scene(TEXTS[1], "Work starts in spring"),
    )
    sentences = tuple(
        SpokenSentence(
            text, i, 2.0 * i, 2.0 * i + 1.5, tuple(apportion(text.split(), 2.0 * i, 2.0 * i + 1.5))
        )
        for i, text in enumerate(TEXTS)
    )
    narration = Narration(
        tone(tmp_path / "voice.wav", 3.6), 3.6, sentences, "piper:en_US-joe-medium", 22050
    )
    return Script(
        "Council approves bridge", scenes, reporting=Reporting(agencies=("Reuters",))
    ), narration


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """One job making 9:16, 1:1 and 16:9 clips, with the named sizes shrunk to test size."""
    tmp_path = tmp_path_factory.mktemp("formats")
    patch = pytest.MonkeyPatch()
    patch.setattr(formats, "SIZES", TINY_SIZES)
    try:
        script, narration = story(tmp_path)
        video = VideoSettings(formats=("9:16", "1:1", "16:9"), fps=10, music="none")
        settings = Settings(video=video, out=tmp_path / "out")
        draft = open_draft(claim_story(settings.out, "Bridge", "test:bridge"))
        outputs = write_outputs(STORY, script, narration, settings, load_theme(), draft)
        publish_draft(draft)
    finally:
        patch.undo()
    return outputs.report()


@pytest.mark.parametrize(
    ("key", "name", "size"),
    [
        ("clip", "clip.mp4", (160, 284)),
        ("clip_1x1", "clip-1x1.mp4", (160, 160)),
        ("clip_16x9", "clip-16x9.mp4", (284, 160)),
    ],
)
def test_each_format_is_its_own_h264_clip_of_the_same_length(made, key, name, size):
    path = Path(made["files"][key])
    assert path.name == name and path.is_file()
    info = ffprobe(path)
    video, audio = stream(info, "video"), stream(info, "audio")
    assert (video["codec_name"], video["pix_fmt"], audio["codec_name"]) == (
        "h264",
        "yuv420p",
        "aac",
    )
    assert (video["width"], video["height"], video["r_frame_rate"]) == (*size, "10/1")
    assert abs(float(info["format"]["duration"]) - made["duration"]) <= 0.15


def test_the_formats_share_one_soundtrack(made):
    """The same narration and mix in every clip: the decoded audio is identical."""
    audio = [decoded_audio(Path(made["files"][key])) for key in ("clip", "clip_1x1", "clip_16x9")]
    assert len(audio[0]) > 10_000 and np.abs(audio[0]).max() > 0.05
    for other in audio[1:]:
        n = min(len(audio[0]), len(other))
        assert np.abs(audio[0][:n] - other[:n]).max() < 1e-3


def test_manifest_lists_formats_and_the_thumbnail(made):
    assert [(f["format"], f["width"], f["height"], f["file"]) for f in made["formats"]] == [
        ("9:16", 160, 284, "clip"),
        ("1:1", 160, 160, "clip_1x1"),
        ("16:9", 284, 160, "clip_16x9"),
    ]
    manifest = json.loads(Path(made["files"]["manifest"]).read_text())
    assert manifest["formats"] == made["formats"]
    assert not list(Path(made["files"]["clip"]).parent.glob(".*partial*"))


def test_the_thumbnail_is_a_landscape_cover_of_the_photo_when_a_16x9_clip_is_made(made):
    thumb = Image.open(made["files"]["thumbnail"])
    assert (thumb.format, thumb.size) == ("JPEG", (1280, 720))
    pixels = np.asarray(thumb.convert("RGB"), dtype=int)
    # The (red) photo fills the frame; the cover line is white text across its middle.
    corner = pixels[650:, 1150:].reshape(-1, 3)
    assert corner[:, 0].mean() > 120 and corner[:, 2].mean() < 80
    middle = pixels[250:470, 200:1080]
    assert np.mean(middle.min(axis=-1) > 220) > 0.03


def test_custom_size_is_one_clip_and_named_formats_are_checked():
    assert [f.size for f in clip_formats(VideoSettings(width=160, height=284))] == [(160, 284)]
    both = clip_formats(VideoSettings(formats=("9:16", "1:1", "9:16")))
    assert [(f.name, f.size) for f in both] == [("9:16", (1080, 1920)), ("1:1", (1080, 1080))]
    assert parse_format("4:5").size == (1080, 1350)
    with pytest.raises(SettingsError, match="9:16, 1:1, 16:9, 4:5"):
        parse_format("21:9")


def decoded_audio(path: Path) -> np.ndarray:
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-map", "0:a", "-f", "f32le", "-ac", "1", "-"],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.float32)


def ink(text: str, face) -> np.ndarray:
    """`text` drawn white on black with typesetting's fallback-aware drawing, as a 2-D array."""
    image = Image.new("L", (400, 140), 0)
    draw_text(image, (10, 10), text, face, 255)
    return np.asarray(image)


@pytest.mark.skipif(not system_cjk_fonts(), reason="no CJK font installed (scripts/setup adds one)")
def test_cjk_headline_draws_real_glyphs_not_tofu_boxes():
    theme = load_theme()
    with_fallback = font(family(theme, "headline"), 80)
    main_only = font(theme.fonts["headline"], 80)
    bridge, tokyo = ink("橋", with_fallback), ink("東", with_fallback)
    tofu_bridge, tofu_tokyo = ink("橋", main_only), ink("東", main_only)
    assert (tofu_bridge > 0).any() and np.array_equal(tofu_bridge, tofu_tokyo)  # the .notdef box
    assert (bridge > 128).sum() > 300 and not np.array_equal(bridge, tofu_bridge)
    assert not np.array_equal(bridge, tokyo)  # each character has its own glyph
    # Latin text keeps the theme's own font; mixed text is one line on one baseline.
    assert with_fallback.runs("G20 峰会")[0] == ("G20 ", with_fallback.fonts[0])
    assert len(with_fallback.runs("G20 峰会")) == 2


def test_cjk_headline_wraps_between_characters_and_shows_the_glyphs():
    from news60.video.cards import text_block
    from news60.video.frame import Frame

    theme = load_theme()
    layout = Layout(540, 960)
    hook = Slide("hook", 0, 3, heading="东京新桥今天正式开通，市长出席仪式并发表讲话")
    frame = np.zeros((960, 540, 3), np.uint8)
    text_block(hook, Frame(layout, theme)).draw(frame, 1000, 1.0, theme.transitions, 0)
    heading = frame[layout.stage_top : layout.caption_bottom, layout.left : layout.right].max(-1)
    assert (heading > 230).mean() > 0.02
    face, lines = fit_text(hook.heading, family(theme, "headline"), layout.text_width, 7, 48, 26)
    assert len(lines) > 1 and "".join(lines) == hook.heading
    assert all(face.getlength(line) <= layout.text_width for line in lines)
