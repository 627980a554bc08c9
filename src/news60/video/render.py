"""Encode a Timeline to MP4 with moviepy: H.264 yuv420p, AAC, fast start, written atomically."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from news60.atomic import writing
from news60.errors import RenderError
from news60.models import Timeline
from news60.settings import VideoSettings
from news60.video.compositor import Compositor
from news60.video.theme import Theme

log = logging.getLogger(__name__)

PREFETCH = 4  # frames drawn ahead of the encoder, so drawing overlaps encoding


def render_video(timeline: Timeline, theme: Theme, settings: VideoSettings, dest: Path) -> Path:
    """Draw every frame and encode it with the timeline's soundtrack into `dest`."""
    from moviepy import VideoClip
    from moviepy.video.io.ffmpeg_writer import FFMPEG_VideoWriter

    compositor = Compositor(timeline, theme)
    clip = VideoClip(frame_function=compositor.frame_at, duration=timeline.duration)
    times = [i / timeline.fps for i in range(round(timeline.duration * timeline.fps))]
    try:
        with (
            writing(dest) as partial,
            FFMPEG_VideoWriter(
                str(partial),
                (timeline.width, timeline.height),
                timeline.fps,
                codec="libx264",
                audiofile=str(timeline.audio),
                audio_codec="aac",
                preset=settings.preset,
                threads=settings.threads,
                ffmpeg_params=_encoder_params(),
            ) as writer,
        ):
            for frame in prefetched(clip.get_frame, times, workers=settings.threads):
                writer.write_frame(frame)
    except OSError as exc:
        raise RenderError(f"ffmpeg could not encode {dest.name}: {_last_line(exc)}") from exc
    return dest


def _encoder_params() -> list[str]:
    # yuv420p and +faststart: what every platform and phone plays, starting before the download ends.
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


def prefetched(
    make: Callable[[float], np.ndarray], times: list[float], workers: int = 2
) -> Iterator[np.ndarray]:
    """Frames in order, drawn by a thread pool a few frames ahead (Pillow and numpy drop the GIL)."""
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pending: deque = deque()
        for t in times:
            pending.append(pool.submit(make, t))
            if len(pending) >= PREFETCH:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _last_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__
