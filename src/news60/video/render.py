"""Encode a Timeline to MP4: frames drawn ahead on threads and piped raw to ffmpeg (x264 yuv420p,
AAC, fast start), written atomically.

The pipe is ours, not moviepy's writer: each frame goes to ffmpeg in the encoder's own format
(news60.video.yuv: half the bytes of RGB, and no conversion inside ffmpeg), from one buffer
reused for the whole clip; ffmpeg's messages go to a file, so the last one can say why an
encode failed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import subprocess
import tempfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

import numpy as np

from news60.atomic import writing
from news60.errors import RenderError
from news60.models import Timeline
from news60.settings import VideoSettings
from news60.video.compositor import Compositor
from news60.video.theme import Theme
from news60.video.yuv import to_i420

PREFETCH = 4  # frames drawn ahead of the encoder, so drawing overlaps encoding
LOOKAHEAD = 1.0  # seconds: how long before its first frame a shot is built
PIPE_BYTES = 1 << 20  # Linux's largest pipe for an unprivileged process, by default


def render_video(timeline: Timeline, theme: Theme, settings: VideoSettings, dest: Path) -> Path:
    """Draw every frame and encode it with the timeline's soundtrack into `dest`."""
    compositor = Compositor(timeline, theme)
    times = [i / timeline.fps for i in range(round(timeline.duration * timeline.fps))]
    shape = (timeline.height, timeline.width, 3)
    planes = np.empty((timeline.height * 3 // 2, timeline.width), np.uint8)
    threads = render_threads(settings)
    with writing(dest) as partial, tempfile.TemporaryFile() as messages:
        command = encoder_command(timeline, settings, partial)
        with subprocess.Popen(command, stdin=subprocess.PIPE, stderr=messages) as ffmpeg:
            pipe = ffmpeg.stdin
            assert pipe is not None  # stdin=PIPE
            widen(pipe)
            try:
                for frame in drawn(compositor, times, workers=threads, reuse=True):
                    pipe.write(to_i420(_checked(frame, shape), into=planes).data)
                pipe.close()
            except BrokenPipeError:
                pass  # ffmpeg stopped reading: its exit status and messages say why
        if ffmpeg.returncode:
            messages.seek(0)
            reason = _last_lines(messages.read())
            raise RenderError(f"ffmpeg could not encode {dest.name}: {reason}")
    return dest


def widen(pipe: IO[bytes]) -> None:
    """A 1 MiB pipe instead of 64 KiB: a frame crosses in a few writes, not a hundred wake-ups."""
    with contextlib.suppress(OSError):  # a system that caps pipes lower keeps its own size
        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _checked(frame: np.ndarray, shape: tuple[int, int, int]) -> np.ndarray:
    """The frame, if it is what the encoder was told to expect."""
    if frame.shape != shape or frame.dtype != np.uint8:
        raise RenderError(
            f"a frame came out {frame.dtype}{list(frame.shape)}, not uint8{list(shape)}: "
            "a bug in news60's compositor, please report it with the story"
        )
    return frame


def encoder_command(
    timeline: Timeline, settings: VideoSettings, dest: Path, pixels: str = "yuv420p"
) -> list[str]:
    """ffmpeg reading raw frames on stdin (I420, or `pixels`) and the soundtrack, writing an
    H.264/AAC MP4."""
    from imageio_ffmpeg import get_ffmpeg_exe

    frames = ["-f", "rawvideo", "-pix_fmt", pixels, "-s", f"{timeline.width}x{timeline.height}"]
    return [
        get_ffmpeg_exe(),
        "-y",
        "-nostdin",
        "-loglevel",
        "error",
        *frames,
        "-r",
        str(timeline.fps),
        "-i",
        "-",
        "-i",
        str(timeline.audio),
        "-map",
        "0:v",
        "-map",
        "1:a",
        "-c:v",
        "libx264",
        "-preset",
        settings.preset,
        "-threads",
        str(render_threads(settings)),
        "-c:a",
        "aac",
        *encoder_params(),
        str(dest),
    ]


def render_threads(settings: VideoSettings) -> int:
    """Threads for drawing frames and for x264: as set, or every core this process may use."""
    return settings.threads or len(os.sched_getaffinity(0))


def encoder_params() -> list[str]:
    """The output's quality and format: what every platform and phone plays, starting before
    the download ends (yuv420p, +faststart)."""
    return [
        "-crf",
        "21",
        "-pix_fmt",
        "yuv420p",
        "-movflags",
        "+faststart",
        "-b:a",
        "160k",
        "-ar",
        "48000",
    ]


def drawn(
    compositor: Compositor, times: list[float], workers: int = 2, *, reuse: bool = False
) -> Iterator[np.ndarray]:
    """Frames in order, drawn by a thread pool a few frames ahead (Pillow, cv2 and numpy drop
    the GIL); each shot is built (its photo decoded and scaled, its text set) LOOKAHEAD seconds
    before its first frame, so the encoder never waits while a new photo is read.

    With `reuse`, a frame is drawn over once the caller asks for the next one (the caller has
    piped it out by then): a few buffers serve the whole clip, where a new 6 MB array a frame
    cost 5 s of page faults in a 60 s clip once its memory was handed back on every free."""
    spare: list[np.ndarray] = []
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pending: deque[Future[np.ndarray]] = deque()
        built: set[int] = set()
        for t in times:
            upcoming = compositor.slide_at(t + LOOKAHEAD)
            if upcoming not in built:
                built.add(upcoming)
                pool.submit(compositor.shot, upcoming)
            pending.append(pool.submit(compositor.frame_at, t, spare.pop() if spare else None))
            if len(pending) >= PREFETCH:
                frame = pending.popleft().result()
                yield frame
                if reuse:
                    spare.append(frame)
        while pending:
            yield pending.popleft().result()


def _last_lines(messages: bytes) -> str:
    """ffmpeg's last two messages (which file, then what went wrong), without its "[tag @ 0x..]"."""
    lines = [
        re.sub(r"^\[[^]]*\]\s*", "", line).strip()
        for line in messages.decode(errors="replace").splitlines()
    ]
    lines = [line for line in lines if line]
    return " ".join(lines[-2:]) if lines else "it stopped without saying why"
