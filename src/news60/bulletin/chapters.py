"""Chapters where players list them: MP4 chapter atoms, ID3 CHAP/CTOC frames, and a
YouTube-ready description ("0:04 G20: ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from news60.atomic import write_text, writing
from news60.bulletin.models import Chapter
from news60.errors import RenderError
from news60.speech.audio import run_ffmpeg

_FFMETADATA_SPECIAL = re.compile(r"([=;#\\\n])")  # what ffmpeg's metadata format escapes
YOUTUBE_SHORTEST = 10.0  # seconds: YouTube ignores a description's chapters if one is shorter


def add_mp4_chapters(clip: Path, chapters: Sequence[Chapter], title: str) -> Path:
    """Remux `clip` with chapter markers (stream copy, fast start kept), replacing it whole."""
    metadata = write_text(clip.with_name(f".{clip.stem}.chapters.txt"), ffmetadata(chapters, title))
    try:
        with writing(clip) as partial:
            run_ffmpeg(
                ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(clip), "-f", "ffmetadata"]
                + ["-i", str(metadata), "-map", "0", "-map_metadata", "1", "-map_chapters", "1"]
                + ["-c", "copy", "-movflags", "+faststart", str(partial)]
            )
    finally:
        metadata.unlink(missing_ok=True)
    return clip


def ffmetadata(chapters: Sequence[Chapter], title: str) -> str:
    """ffmpeg's FFMETADATA1 text: the title, then one [CHAPTER] block per chapter in ms."""
    lines = [";FFMETADATA1", f"title={_escaped(title)}"]
    for chapter in chapters:
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={_ms(chapter.start)}",
            f"END={_ms(chapter.end)}",
            f"title={_escaped(chapter.title)}",
        ]
    return "\n".join(lines) + "\n"


def add_id3_chapters(mp3: Path, chapters: Sequence[Chapter]) -> Path:
    """A CHAP frame per chapter and an ordered top-level CTOC listing them (ID3v2 chapters)."""
    from mutagen.id3 import CHAP, CTOC, ID3, TIT2, CTOCFlags

    tags = ID3(mp3)
    ids = [f"chp{i}" for i in range(len(chapters))]
    for element, chapter in zip(ids, chapters, strict=True):
        title = TIT2(encoding=3, text=[chapter.title])
        tags.add(
            CHAP(element, _ms(chapter.start), _ms(chapter.end), 0xFFFFFFFF, 0xFFFFFFFF, [title])
        )
    flags = CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED
    tags.add(CTOC("toc", flags, ids, [TIT2(encoding=3, text=["Chapters"])]))
    try:
        tags.save(mp3)
    except Exception as exc:  # mutagen raises MutagenError and OSError subclasses
        raise RenderError(f"cannot write chapters into {mp3} ({exc}): check the folder") from exc
    return mp3


def description(chapters: Sequence[Chapter], credits: Sequence[str]) -> str:
    """Timestamps a video platform turns into chapters (the first at 0:00), then the credits."""
    stamps = [f"{timestamp(chapter.start)} {chapter.title}" for chapter in chapters]
    return "\n".join([*stamps, "", *credits]).strip() + "\n"


def platform_notes(chapters: Sequence[Chapter]) -> list[str]:
    """What a producer should know before posting: YouTube shows chapters only when every one
    runs at least YOUTUBE_SHORTEST seconds (its timestamps still link either way)."""
    short = [c for c in chapters if c.end - c.start < YOUTUBE_SHORTEST]
    if not short:
        return []
    names = ", ".join(f"{c.title[:30]} ({c.end - c.start:.0f} s)" for c in short)
    return [
        f"YouTube lists chapters only when each runs {YOUTUBE_SHORTEST:g} s or more; shorter: "
        f"{names} (the description's timestamps still link)"
    ]


def timestamp(seconds: float) -> str:
    """'0:04', '1:02': minutes and whole seconds, as viewers and platforms write them."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def _escaped(text: str) -> str:
    return _FFMETADATA_SPECIAL.sub(r"\\\1", text)
