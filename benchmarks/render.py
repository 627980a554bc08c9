"""Render speed against the encoder's floor, on the seed article with 8 large photos.

Stages as in the pipeline: read the seed, write the script with the real narration, give its scenes
8 generated 3000x2000 JPEGs, plan the timeline, mix the soundtrack, then time:
  render   render_video: drawing every frame and encoding it with the soundtrack (what news60 does)
  drawing  the same frames drawn on the render's 2 threads, not encoded
  floor    ffmpeg alone encoding the very same frames, drawn beforehand into a raw file and piped in
           raw RGB, with the render's encoder settings (libx264, preset, crf, threads, yuv420p, AAC):
           the floor every stop has measured, ffmpeg converting RGB to YUV itself
  floor I420 the same, the frames converted to I420 beforehand: ffmpeg encoding only (the render
           converts each frame itself now, on its drawing side; this is the stricter floor)
and the whole command, `news60 make` of the seed (its own photos, the default 1080x1920 30 fps):
  make first a brand-new user cache and output folder: what a machine's very first clip costs,
             the voice model patched and kept (once per machine) besides all the rest
  make cold  a fresh speech cache and sentence-vector cache (the patched voice kept): read,
             script, narrate every sentence, render, write
  make warm  the same again with --force, every sentence in the speech cache
  make floor ffmpeg alone encoding the frames of that very clip (decoded to raw RGB beforehand)
             with its soundtrack and the render's encoder settings; make floor I420 the same from
             the clip's frames decoded to I420
The script and narration are made in a child process, so the models' memory is gone before the
timed phases; peak RSS is sampled from /proc every 50 ms for this process and its children (for
`make`, the command's process tree, and its Python process alone).
Needs width*height*3*frames of free space in the temp folder (11 GiB at full size).
Run under the lock: flock /tmp/news60-heavy.lock .venv/bin/python benchmarks/render.py [--quick]
(--quick: 720x1280, 15 s)
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import multiprocessing
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from news60.models import Photo, Script, Timeline
from news60.pipeline import read_source, write_script
from news60.settings import Settings, load_settings
from news60.speech.mix import mix_soundtrack
from news60.video.compositor import Compositor
from news60.video.render import (
    drawn,
    encoder_command,
    render_threads,
    render_video,
    widen,
)
from news60.video.theme import load_theme
from news60.video.timeline import plan_timeline
from news60.video.yuv import to_i420

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
PHOTOS = 8


def make_photos(folder: Path, count: int = PHOTOS) -> list[Path]:
    """Gradients with noise and shapes, 3000x2000, saved as JPEG like press photos."""
    rng = np.random.default_rng(60)
    paths = []
    for i in range(count):
        y, x = np.mgrid[0:2000, 0:3000].astype(np.float32)
        base = np.stack([x / 3000 * 255, y / 2000 * 255, (x + y) / 5000 * 255], axis=-1)
        noise = rng.normal(0, 18, size=(500, 750, 3)).repeat(4, 0).repeat(4, 1)
        image = Image.fromarray(
            np.clip(np.roll(base, i * 60, axis=-1) + noise, 0, 255).astype(np.uint8)
        )
        draw = ImageDraw.Draw(image)
        for _ in range(12):
            x0, y0 = int(rng.integers(0, 2700)), int(rng.integers(0, 1700))
            size = int(rng.integers(80, 600))
            draw.ellipse(
                (x0, y0, x0 + size, y0 + size), fill=tuple(int(v) for v in rng.integers(0, 255, 3))
            )
        paths.append(folder / f"photo-{i}.jpg")
        image.save(paths[-1], quality=88)
    return paths


def with_photos(script: Script, photos: list[Path]) -> Script:
    """Scene i shows photo i (cycling when there are more scenes than photos)."""
    scenes = tuple(
        replace(scene, photo=Photo(str(photos[i % len(photos)]), f"Photo {i}", "Benchmark/AP"))
        for i, scene in enumerate(script.scenes)
    )
    return replace(script, scenes=scenes)


class PeakRSS:
    """Largest summed RSS of a process (this one by default) and its descendants, and of the
    process alone, sampled while in the `with` block."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid or os.getpid()

    def __enter__(self) -> PeakRSS:
        self.peak, self.own, self._stop = 0, 0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, sum(_rss(pid) for pid in _family(self.pid)))
            self.own = max(self.own, _rss(self.pid))


def _family(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                todo.extend(int(child) for child in task.read_text().split())
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds() -> float:
    own, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(label: str, action) -> dict:
    """Wall seconds, CPU seconds and peak RSS of one phase."""
    cpu = cpu_seconds()
    with PeakRSS() as rss:
        started = time.perf_counter()
        action()
        wall = time.perf_counter() - started
    return {"label": label, "wall": wall, "cpu": cpu_seconds() - cpu, "peak": rss.peak}


def frame_times(timeline: Timeline) -> list[float]:
    return [i / timeline.fps for i in range(round(timeline.duration * timeline.fps))]


def draw_only(timeline: Timeline, theme, threads: int) -> None:
    compositor = Compositor(timeline, theme)
    for _ in drawn(compositor, frame_times(timeline), workers=threads):
        pass


def save_frames(timeline: Timeline, theme, threads: int, dest: Path) -> Path:
    """Every frame of the clip as raw RGB in one file: the floor encodes exactly what the render drew."""
    compositor = Compositor(timeline, theme)
    with dest.open("wb") as out:
        for frame in drawn(compositor, frame_times(timeline), workers=threads):
            out.write(frame.data)
    return dest


def as_i420(rgb: Path, timeline: Timeline, dest: Path) -> Path:
    """The saved RGB frames converted to I420 as the render converts them (news60.video.yuv)."""
    shape = (timeline.height, timeline.width, 3)
    with dest.open("wb") as out:
        for chunk in raw_frames(rgb, timeline)():
            out.write(to_i420(np.frombuffer(chunk, np.uint8).reshape(shape)).data)
    return dest


def raw_frames(path: Path, timeline: Timeline, pixels: str = "rgb24"):
    """The saved frames, one frame's bytes at a time."""
    size = timeline.width * timeline.height * 3 // (1 if pixels == "rgb24" else 2)

    def frames():
        with path.open("rb") as raw:
            while chunk := raw.read(size):
                yield chunk

    return frames


def encode_floor(timeline: Timeline, frames, video, dest: Path, pixels: str = "rgb24") -> None:
    """ffmpeg encoding raw frames (`pixels`) from a pipe, with render_video's encoder command."""
    command = encoder_command(timeline, video, dest, pixels)
    with subprocess.Popen(command, stdin=subprocess.PIPE) as proc:
        widen(proc.stdin)
        for frame in frames():
            proc.stdin.write(frame)
        proc.stdin.close()
        if proc.wait():
            raise SystemExit(f"ffmpeg failed ({proc.returncode})")


def make_seed(out: Path, cache: Path, size: tuple[int, int], seconds: float, label: str) -> dict:
    """`news60 make` of the seed in a child process (its speech cache in `cache`), timed whole."""
    command = [sys.executable, "-m", "news60", "make", str(SEED), "--out", str(out), "--force"]
    command += ["-q", "--size", f"{size[0]}x{size[1]}", "--seconds", f"{seconds:g}"]
    env = os.environ | {"XDG_CACHE_HOME": str(cache)}
    cpu = cpu_seconds()
    started = time.perf_counter()
    with (
        subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL) as proc,
        PeakRSS(proc.pid) as rss,
    ):
        if proc.wait():
            raise SystemExit(f"news60 make failed ({proc.returncode})")
    wall = time.perf_counter() - started
    return {
        "label": label,
        "wall": wall,
        "cpu": cpu_seconds() - cpu,
        "peak": rss.peak,
        "own": rss.own,
    }


def clip_floor(version: Path, video, work: Path) -> dict:
    """ffmpeg alone encoding the frames of the version's clip (decoded beforehand) and its sound."""
    from imageio_ffmpeg import get_ffmpeg_exe

    shape = json.loads((version / "manifest.json").read_text())["video"]
    ffmpeg = [get_ffmpeg_exe(), "-y", "-loglevel", "error", "-i", str(version / "clip.mp4")]
    audio = work / "make-audio.wav"
    subprocess.run([*ffmpeg, "-vn", "-acodec", "pcm_s16le", str(audio)], check=True)
    floors = []
    for pixels, label in (("rgb24", "make floor"), ("yuv420p", "make floor I420")):
        frames = work / f"make-frames.{pixels}"
        subprocess.run([*ffmpeg, "-f", "rawvideo", "-pix_fmt", pixels, str(frames)], check=True)
        per_frame = shape["width"] * shape["height"] * 3 // (1 if pixels == "rgb24" else 2)
        count = frames.stat().st_size // per_frame
        timeline = Timeline(
            shape["width"], shape["height"], shape["fps"], count / shape["fps"], (), (), audio
        )
        raw, dest = raw_frames(frames, timeline, pixels), work / "make-floor.mp4"
        encode = functools.partial(encode_floor, timeline, raw, video, dest, pixels)
        floors.append(timed(label, encode))
        frames.unlink()
    return floors[0], floors[1]


def whole_make(settings: Settings, work: Path) -> tuple[dict, dict, dict, dict, dict]:
    """The whole command (a first clip, then cold and warm speech cache) and the two floors of
    the clip it made."""
    size, seconds = (settings.video.width, settings.video.height), settings.script.seconds
    out, cache = work / "make", work / "cache"
    first = make_seed(out, cache, size, seconds, "make first")
    for kept in ("speech", "embeddings"):  # what a new story has not got; the voice stays
        shutil.rmtree(cache / "news60" / kept)
    cold = make_seed(out, cache, size, seconds, "make cold")
    warm = make_seed(out, cache, size, seconds, "make warm")
    version = max(out.glob("*/v*/manifest.json"), key=lambda p: p.stat().st_mtime).parent
    return first, cold, warm, *clip_floor(version, settings.video, work)


def prepare(settings: Settings, work: Path):
    """The seed's script with the real narration, photos, timeline and mixed soundtrack."""
    theme = load_theme(settings.video.theme)
    article = read_source(str(SEED), settings)
    script, narration = write_script(article, settings, theme, work)
    script = with_photos(script, make_photos(work))
    video = settings.video
    timeline = plan_timeline(
        script,
        narration,
        theme,
        size=(video.width, video.height),
        fps=video.fps,
        audio=work / "soundtrack.wav",
    )
    mix_soundtrack(
        narration,
        offset=timeline.narration_offset,
        duration=timeline.duration,
        music=theme.music,
        dest=timeline.audio,
    )
    return timeline


def report(timeline: Timeline, render: dict, drawing: dict, floor: dict, strict: dict) -> None:
    ratio = render["wall"] / floor["wall"]
    print(
        f"clip: {timeline.width}x{timeline.height}, {timeline.fps} fps, {timeline.duration:.1f} s, "
        f"{len(frame_times(timeline))} frames, {sum(s.photo is not None for s in timeline.slides)} photo slides"
    )
    for phase in (render, drawing, floor, strict):
        print(
            f"{phase['label']:11} wall {phase['wall']:6.1f} s  cpu {phase['cpu']:6.1f} s  "
            f"peak RSS {phase['peak'] / 2**20:6.0f} MiB"
        )
    print(f"render / floor: {ratio:.2f}x (target <= 1.2)")
    print(f"render / floor I420: {render['wall'] / strict['wall']:.2f}x (the conversion left out)")
    print(f"speed: {timeline.duration / render['wall']:.2f}x real time (target > 1)")
    print(f"peak RSS of the render: {render['peak'] / 2**20:.0f} MiB (target < 1024)")
    per_frame = drawing["wall"] / len(frame_times(timeline)) * 1000
    print(
        f"where the render's time goes: drawing alone {drawing['wall']:.1f} s ({per_frame:.1f} ms a frame), "
        f"encoding (floor) {floor['wall']:.1f} s, the rest (drawing not hidden behind the encoder, "
        f"the pipe) {render['wall'] - floor['wall']:.1f} s"
    )


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def report_make(first: dict, cold: dict, warm: dict, floor: dict, strict: dict) -> None:
    """The whole command against its own clip's floor."""
    for phase in (first, cold, warm, floor, strict):
        own = f"  (Python process {phase['own'] / 2**20:.0f} MiB)" if "own" in phase else ""
        print(
            f"{phase['label']:15} wall {phase['wall']:6.1f} s  cpu {phase['cpu']:6.1f} s  "
            f"peak RSS {phase['peak'] / 2**20:6.0f} MiB{own}"
        )
    print(f"make warm / floor: {warm['wall'] / floor['wall']:.2f}x (target <= 1.25)")
    print(f"make cold / floor: {cold['wall'] / floor['wall']:.2f}x (target <= 1.4)")
    print(f"make first / floor: {first['wall'] / floor['wall']:.2f}x (a machine's first clip)")
    print(
        f"against the I420 floor: warm {warm['wall'] / strict['wall']:.2f}x, "
        f"cold {cold['wall'] / strict['wall']:.2f}x"
    )
    peak = max(first["peak"], cold["peak"], warm["peak"])
    print(f"peak RSS of make: {peak / 2**20:.0f} MiB (target < 1024)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="720x1280 and 15 s: a smoke run")
    args = parser.parse_args()
    size, seconds = ((720, 1280), 15.0) if args.quick else ((1080, 1920), 60.0)
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="news60-bench-") as tmp:
        work = Path(tmp)
        settings = load_settings(
            video={"width": size[0], "height": size[1], "fps": 30},
            script={"seconds": seconds},
            out=work / "out",
        )
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
            timeline = child.submit(prepare, settings, work).result()
        theme, video = load_theme(settings.video.theme), settings.video
        render = timed("render", lambda: render_video(timeline, theme, video, work / "clip.mp4"))
        drawing = timed("drawing", lambda: draw_only(timeline, theme, render_threads(video)))
        frames = raw_frames(
            save_frames(timeline, theme, render_threads(video), work / "frames.rgb"), timeline
        )
        floor = timed("floor", lambda: encode_floor(timeline, frames, video, work / "floor.mp4"))
        planes = raw_frames(
            as_i420(work / "frames.rgb", timeline, work / "frames.i420"), timeline, "yuv420p"
        )
        (work / "frames.rgb").unlink()
        strict = timed(
            "floor I420",
            lambda: encode_floor(timeline, planes, video, work / "floor.mp4", "yuv420p"),
        )
        (work / "frames.i420").unlink()
        made = whole_make(settings, work)
        print(f"load average (1, 5, 15 min) before: {before}; after: {load_average()}")
        report(timeline, render, drawing, floor, strict)
        report_make(*made)


if __name__ == "__main__":
    main()
