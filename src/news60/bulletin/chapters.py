"""Chapters where players list them: MP4 chapter atoms, ID3 CHAP/CTOC frames, and a description
YouTube accepts ("0:00 G20: ..." when every story is long enough, else the stories without times)."""

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
YOUTUBE_FEWEST = 3  # YouTube ignores a description's chapters when it lists fewer


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
    """The chapter list (chapter_list), then the credits."""
    return "\n".join([*chapter_list(chapters), "", *credits]).strip() + "\n"


def chapter_list(chapters: Sequence[Chapter]) -> list[str]:
    """The stories for an upload's description: timestamps a video platform turns into chapters
    (the first at 0:00) when every story runs YOUTUBE_SHORTEST seconds or more; otherwise why
    there are none, and the stories in order without them (a list YouTube would refuse whole)."""
    stories = listed(chapters)
    short = [c for c in stories if c.end - c.start < YOUTUBE_SHORTEST]
    if not short and len(stories) >= YOUTUBE_FEWEST:
        return [f"{timestamp(c.start)} {c.title}" for c in stories]
    why = (
        f"{len(stories)} stories"
        if not short
        else f"the shortest story runs {min(c.end - c.start for c in short):.0f} s"
    )
    head = (
        f"In this bulletin (no chapter list: YouTube shows chapters only when there are "
        f"{YOUTUBE_FEWEST} or more of {YOUTUBE_SHORTEST:g} s or longer, and {why}):"
    )
    return [head, *(f"{n}. {c.title}" for n, c in enumerate(stories, 1))]


def listed(chapters: Sequence[Chapter]) -> list[Chapter]:
    """The stories as a description lists them: the closing credits belong to the last story's
    chapter (a description's last timestamp runs to the end of the video)."""
    *stories, credits = chapters
    if not stories:
        return [credits]
    return [*stories[:-1], Chapter(stories[-1].title, stories[-1].start, credits.end)]


def platform_notes(chapters: Sequence[Chapter]) -> list[str]:
    """What a producer should know before posting: YouTube shows chapters only when every one
    runs at least YOUTUBE_SHORTEST seconds, so the description lists the stories without times."""
    short = [c for c in listed(chapters) if c.end - c.start < YOUTUBE_SHORTEST]
    if not short:
        return []
    names = ", ".join(f"{c.title[:30]} ({c.end - c.start:.0f} s)" for c in short)
    return [
        f"YouTube lists chapters only when each runs {YOUTUBE_SHORTEST:g} s or more; shorter: "
        f"{names}: the description lists the stories without timestamps (the MP4's and MP3's "
        "chapters stay)"
    ]


def timestamp(seconds: float) -> str:
    """'0:04', '1:02': minutes and whole seconds, as viewers and platforms write them."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _ms(seconds: float) -> int:
    return int(round(seconds * 1000))


def _escaped(text: str) -> str:
    return _FFMETADATA_SPECIAL.sub(r"\\\1", text)
