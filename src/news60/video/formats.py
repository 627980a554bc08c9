"""Clip formats: the aspect ratios a newsroom posts, their frame sizes and their file names."""

from __future__ import annotations

from dataclasses import dataclass

from news60.errors import SettingsError
from news60.settings import VideoSettings

SIZES = {"9:16": (1080, 1920), "1:1": (1080, 1080), "16:9": (1920, 1080), "4:5": (1080, 1350)}


@dataclass(frozen=True)
class Format:
    """One clip shape: its name ("9:16", or "160x284" for a custom size) and frame size."""

    name: str
    width: int
    height: int

    @property
    def slug(self) -> str:
        """The name as it appears in file names: "9:16" is "9x16"."""
        return self.name.replace(":", "x")

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


def parse_format(name: str) -> Format:
    """A named aspect ratio such as "1:1"; the error lists the names that exist."""
    key = name.strip().replace("x", ":")
    if key not in SIZES:
        raise SettingsError(f"unknown format {name!r}: use one of {', '.join(SIZES)} or --size WxH")
    return Format(key, *SIZES[key])


def clip_formats(video: VideoSettings) -> tuple[Format, ...]:
    """The clips to make: one custom size when width and height are set, else each named format once."""
    if video.width and video.height:
        return (Format(f"{video.width}x{video.height}", video.width, video.height),)
    parsed = [parse_format(name) for name in video.formats or ("9:16",)]
    return tuple(dict.fromkeys(parsed))


def clip_file(index: int, fmt: Format) -> tuple[str, str]:
    """The manifest key and file name of the clip: the first is plain "clip.mp4"."""
    if index == 0:
        return "clip", "clip.mp4"
    return f"clip_{fmt.slug}", f"clip-{fmt.slug}.mp4"


def cover_file(index: int, fmt: Format) -> tuple[str, str]:
    """The manifest key and file name of the clip's cover: "cover.jpg", "cover-16x9.jpg" ..."""
    if index == 0:
        return "cover", "cover.jpg"
    return f"cover_{fmt.slug}", f"cover-{fmt.slug}.jpg"
