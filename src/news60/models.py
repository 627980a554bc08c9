"""Frozen dataclasses that cross stage boundaries: what one stage hands the next."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

# What a story is, when not news (news60.article.kinds reads it), and its label on screen.
KIND_LABELS = {
    "opinion": "OPINION",
    "analysis": "ANALYSIS",
    "review": "REVIEW",
    "sponsored": "SPONSORED",
    "liveblog": "LIVE",
}
KINDS = ("news", *KIND_LABELS)


@dataclass(frozen=True)
class Photo:
    """A press photo: where it is (path, URL, or None when the text only mentions it).

    `note` says why the photo cannot be shown (a failed download, a broken file); its credit is
    still recorded, as credited by the source but not shown."""

    src: str | None
    caption: str
    credit: str
    note: str = ""

    @property
    def showable(self) -> bool:
        """A local image file that nothing has ruled out."""
        return bool(self.src) and not self.note and "://" not in (self.src or "")


@dataclass(frozen=True)
class Reporting:
    """Who reported the story: the byline's authors, contributors, news agencies, and the partner
    outlets it was first published by ("This story was originally published by Grist")."""

    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.authors or self.contributors or self.agencies or self.partners)

    @property
    def names(self) -> tuple[str, ...]:
        """Everyone credited, authors first, each once."""
        everyone = self.authors + self.contributors + self.agencies + self.partners
        return tuple(dict.fromkeys(everyone))


@dataclass(frozen=True)
class Article:
    """A news story as read from a page: body, metadata, photos and credits.

    `published` and `modified` are ISO dates; `kind` is "news" or what news60.article.kinds
    recognised ("opinion", "analysis", "review", "sponsored", "liveblog")."""

    title: str
    paragraphs: tuple[str, ...]
    standfirst: str = ""
    published: str | None = None
    photos: tuple[Photo, ...] = ()
    reporting: Reporting = Reporting()
    source_url: str | None = None
    language: str = "en"
    modified: str | None = None
    kind: str = "news"

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def label(self) -> str:
        """What the screen and the chapter say of its kind: "OPINION"; "" for news."""
        return KIND_LABELS.get(self.kind, "")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["text"] = self.text
        return data


@dataclass(frozen=True)
class QuoteCard:
    """A quote on screen: the words said (without their quote marks) and who said them."""

    quote: str
    speaker: str = ""

    def __str__(self) -> str:
        """The card as one line, “the words” — Speaker: how story.json writes it."""
        return f"“{self.quote}” — {self.speaker}" if self.speaker else f"“{self.quote}”"


# A scene's on-screen line: a key line ("" when the scene shows only its captions) or a quote card.
OnScreen = str | QuoteCard


@dataclass(frozen=True)
class Rewrite:
    """One change the broadcast writer made to the article's words, and what it changed."""

    rule: str  # "clutter", "split", "attribution", "name", "tense", "trim" or "fallback"
    note: str  # for the producer: "dropped the dateline “LONDON —”"


@dataclass(frozen=True)
class TracedSentence:
    """A sentence as said, the article sentences it was written from, and how it was rewritten."""

    text: str
    sources: tuple[str, ...]  # the article's own sentences, word for word
    places: tuple[int, ...] = ()  # their positions among the body's sentences (-1: standfirst)
    rewrites: tuple[Rewrite, ...] = ()


@dataclass(frozen=True)
class Scene:
    """One beat of the story: one or two spoken sentences, a short on-screen line, a photo.
    `lines` traces each spoken sentence to the article (empty once a producer edits the text)."""

    text: str
    caption: OnScreen
    photo: Photo | None = None
    lines: tuple[TracedSentence, ...] = ()


@dataclass(frozen=True)
class Script:
    """What will be said and shown, scene by scene; editable as story.json."""

    title: str
    scenes: tuple[Scene, ...]
    photos: tuple[Photo, ...] = ()
    reporting: Reporting = Reporting()
    published: str | None = None
    source_url: str | None = None
    language: str = "en"
    summariser: str = "extractive"
    key: str | None = None  # the story's source (URL or file), so an edited render joins its story
    notes: tuple[str, ...] = ()  # what the writer could not do: "the article says nothing of ..."
    kind: str = "news"  # the article's kind: "opinion", "review" ... are labelled on screen
    rate: float = 1.0  # the voice's speaking-rate factor the fitting chose; render narrates at it

    @property
    def text(self) -> str:
        return " ".join(scene.text for scene in self.scenes)

    @property
    def label(self) -> str:
        """What the screen says of its kind: "OPINION"; "" for news."""
        return KIND_LABELS.get(self.kind, "")


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class SpokenSentence:
    """A sentence as heard: its text, which scene it belongs to, and when it is said."""

    text: str
    scene: int
    start: float
    end: float
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Narration:
    """The narration track (a WAV file) and the time of every sentence and word in it."""

    wav: Path
    duration: float
    sentences: tuple[SpokenSentence, ...]
    voice: str
    sample_rate: int
    notes: tuple[str, ...] = ()

    def scene_span(self, scene: int) -> tuple[float, float]:
        spoken = [s for s in self.sentences if s.scene == scene]
        return spoken[0].start, spoken[-1].end


@dataclass(frozen=True)
class Cue:
    """A burned-in caption: at most two short lines, with the timing of each word."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    shown: bool = True  # burned in; False while a card above shows these words (subtitles keep it)


# What a shot shows: the hook, a photo, a card (key line, quote, key figure, timeline), a
# bulletin's story ("segment") or the end card.
SlideKind = Literal["hook", "photo", "key", "quote", "figure", "timeline", "segment", "end"]


@dataclass(frozen=True)
class Slide:
    """A shot: a stretch of the video showing one card or photo, and the text over it
    (a quote card's words as `heading`, its speaker as `body`)."""

    kind: SlideKind
    start: float
    end: float
    heading: str = ""
    body: str = ""
    photo: Photo | None = None
    scene: int = -1  # the scene it shows (-1: the hook and the end card)
    kicker: str = ""  # the topic and date label ("G20 · 28 JUNE 2019")
    framing: int = 0  # which crop and move: a photo or card shown again gets another
    entry: str = "cut"  # how the picture arrives: "cut", or "push" (a scene change)


@dataclass(frozen=True)
class Canvas:
    """What a clip is planned for: its frame, frame rate and soundtrack, and whether its voice
    is synthetic (the opening and closing cards then carry the disclosure label)."""

    size: tuple[int, int]
    fps: int
    audio: Path
    synthetic_voice: bool = True


@dataclass(frozen=True)
class Timeline:
    """Everything the renderer needs, as plain timed data."""

    width: int
    height: int
    fps: int
    duration: float
    slides: tuple[Slide, ...]
    cues: tuple[Cue, ...]
    audio: Path
    narration_offset: float = 0.0
    synthetic_voice: bool = True  # the on-screen disclosure label shows when the voice is synthetic
    notes: tuple[
        str, ...
    ] = ()  # what a producer should know (a soft upscaled photo, emoji removed)
