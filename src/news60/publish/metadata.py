"""What a post says about its clip: title, description, credits, disclosure, tags, language.

The credit lines are the manifest's (`credits.lines`, written by news60.credits): never rebuilt here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from news60.credits import source_name
from news60.errors import PublishError
from news60.publish.clip import Clip

# Voices that are speech synthesis: their narration must be disclosed as synthetic.
SYNTHETIC_VOICES = ("piper:", "gtts:")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Metadata:
    """The parts every platform's post is made of."""

    headline: str
    summary: str
    credit_lines: tuple[str, ...]
    source_url: str | None
    voice: str
    synthetic: bool
    tags: tuple[str, ...]
    language: str

    @property
    def disclosure(self) -> str:
        """The line that tells viewers the narration is synthetic ('' for a human voice)."""
        if not self.synthetic:
            return ""
        return f"The narration is a synthetic voice ({self.voice}), not a person."

    def footer(self) -> list[str]:
        """Credits, source link and disclosure: kept whole when a text must be shortened."""
        lines = list(self.credit_lines)
        if self.source_url:
            lines.append(f"Source: {self.source_url}")
        return [*lines, *([self.disclosure] if self.disclosure else [])]


def describe(clip: Clip) -> Metadata:
    """The metadata of a clip, from its script and its version's manifest."""
    manifest, script = clip.manifest, clip.script
    if script is None:
        return describe_bulletin(clip)
    voice = clip.voice
    source = manifest.source_url or script.source_url
    return Metadata(
        headline=" ".join((manifest.title or script.title).split()),
        summary=script.text,
        credit_lines=manifest.credits.lines,
        source_url=source,
        voice=voice,
        synthetic=voice.startswith(SYNTHETIC_VOICES),
        tags=keywords(script.text, source),
        language=script.language or "en",
    )


def describe_bulletin(clip: Clip) -> Metadata:
    """A bulletin's post: its chapter list as the summary (YouTube makes chapters of the
    '0:04 G20: ...' lines), every story's credits; its sources are in the manifest, not one link."""
    from news60.bulletin.chapters import timestamp

    manifest = clip.manifest
    # The bulletin's own list: timestamps only when the platform would accept every chapter.
    chapters = manifest.chapter_list or tuple(
        f"{timestamp(mark.start)} {mark.title}" for mark in manifest.chapters
    )
    return Metadata(
        headline=" ".join(manifest.title.split()),
        summary="\n".join(chapters),
        credit_lines=manifest.credits.lines,
        source_url=None,
        voice=clip.voice,
        synthetic=clip.voice.startswith(SYNTHETIC_VOICES),
        tags=keywords(" ".join(s.text for s in manifest.segments), None),
        language="en",
    )


def text_with_footer(meta: Metadata, fits: Callable[[str], bool]) -> str:
    """Summary, blank line, footer; the summary shortened at a word until `fits(text)` holds."""
    footer = "\n".join(meta.footer())
    # Each word keeps the space or line break after it: a bulletin's chapter lines stay lines.
    words = re.findall(r"\S+\s*", meta.summary.strip())
    for keep in range(len(words), -1, -1):
        summary = "".join(words[:keep]).rstrip() + ("" if keep == len(words) else ELLIPSIS)
        text = "\n\n".join(part for part in (summary, footer) if part.strip(ELLIPSIS))
        if fits(text):
            return text
    raise PublishError(
        "the credits and source link alone are longer than the platform allows: "
        "shorten the credits in script.json and render again"
    )


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """`text` cut at a word boundary with an ellipsis until `fits(text)` holds."""
    if fits(text):
        return text
    words = text.split()
    while words and not fits(" ".join(words) + ELLIPSIS):
        words.pop()
    if not words:
        raise PublishError(f"{text[:40]!r} cannot be shortened to fit the platform's limit")
    return " ".join(words) + ELLIPSIS


def keywords(text: str, source_url: str | None, limit: int = 6) -> tuple[str, ...]:
    """Tags: 'news', the source's site, and the names the story repeats."""
    # A capitalised word after a lower-case word is a name (Putin, Japan), not a sentence start.
    names = re.findall(r"(?<=[a-z,;:] )([A-Z][\w’'-]*[a-z][\w-]*)", text)
    common = [name for name, count in Counter(names).most_common() if count >= 2]
    site = [source_name(source_url)] if source_url else []
    return tuple(dict.fromkeys(["news", *site, *common[:limit]]))
