"""Shape picked sentences into scenes: one or two sentences, a short caption, the best photo."""

from __future__ import annotations

import re
from collections.abc import Sequence

from news60.models import Article, Photo, Scene, Script
from news60.script.quotes import quotations

SCENE_WORDS = 42  # two adjacent sentences share a scene when together they are this short
CAPTION_TARGET = 70  # a caption longer than this is cut back to its main clause
CAPTION_CHARS = 96  # and never runs longer than this (then it ends in an ellipsis)
# Opening subordinate clauses ("When asked about it, Trump said ...") are context, not the news.
_LEAD_CLAUSE = re.compile(
    r"^(?:when|as|after|asked|while|although|though|before|despite|if|since|speaking)\b[^,]{0,120},\s+",
    re.IGNORECASE,
)
# Where a sentence can end early and still stand: before a subordinate clause or an aside.
_CLAUSE_BREAKS = (
    "; ",
    " — ",
    " – ",
    ", who ",
    ", which ",
    ", where ",
    ", but ",
    ", and ",
    " because ",
    " since ",
    " although ",
    " while ",
    " after ",
    " as ",
    " when ",
    " which ",
    " who ",
    ", ",
)
_STOP_ENDINGS = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "and",
    "or",
    "with",
    "in",
    "on",
    "for",
    "at",
    "by",
    "as",
    "his",
    "her",
    "their",
    "its",
    "that",
    "which",
    "who",
    "was",
    "is",
    "has",
}
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_NOT_SPEAKER_BEFORE = re.compile(r"\b(?:at|to|with|for|from|on|of|by|about|over|in|against)\s+$")
_SAID_AFTER = re.compile(
    r"[”\"],?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?:said|told|added|says|wrote)"
)


def build_script(article: Article, sentences: Sequence[tuple[str, int]], summariser: str) -> Script:
    """A Script from (display sentence, article position) pairs in presentation order."""
    groups = group_sentences(sentences)
    scenes = tuple(Scene(" ".join(g), caption_for(" ".join(g))) for g in groups)
    return Script(
        title=article.title,
        scenes=assign_photos(scenes, article.photos),
        photos=article.photos,
        reporting=article.reporting,
        published=article.published,
        source_url=article.source_url,
        language=article.language,
        summariser=summariser,
    )


def group_sentences(sentences: Sequence[tuple[str, int]]) -> list[list[str]]:
    """Pair a sentence with the next when they follow each other in the article and are short."""
    groups: list[list[str]] = []
    previous_index = None
    for text, index in sentences:
        last = groups[-1] if groups else None
        if (
            last is not None
            and len(last) == 1
            and previous_index is not None
            and index == previous_index + 1
            and len(" ".join(last + [text]).split()) <= SCENE_WORDS
        ):
            last.append(text)
        else:
            groups.append([text])
        previous_index = index
    return groups


def caption_for(text: str) -> str:
    """The on-screen line for a scene: its direct quote with the speaker, else its main clause."""
    start, words = next(quotations(text), (0, ""))
    if len(words.split()) >= 4 and _stands_alone(text, start):
        speaker = _speaker(text, start)
        return f"“{words.rstrip(',')}”" + (f" — {speaker}" if speaker else "")
    return headline(text)


def _stands_alone(text: str, quote_start: int) -> bool:
    """A quote that opens the sentence or follows a colon or comma, not a phrase quoted mid-clause."""
    before = text[:quote_start].rstrip()
    return not before or before.endswith((":", ",", "."))


def _speaker(text: str, quote_start: int) -> str:
    """Who said the quote: "..., Name said", else the last name before it that is no object."""
    after = _SAID_AFTER.search(text, quote_start)
    if after:
        return after.group(1)
    before = text[:quote_start]
    for match in reversed(list(_NAME.finditer(before))):
        if not _NOT_SPEAKER_BEFORE.search(before[: match.start()]):
            return match.group(1)
    return ""


def headline(sentence: str) -> str:
    """A sentence cut to its main clause for the screen, never mid-quote or on 'the'."""
    text = _LEAD_CLAUSE.sub("", sentence.strip().rstrip(".!?"), count=1)
    text = text[:1].upper() + text[1:]
    for marker in _CLAUSE_BREAKS:
        if len(text) <= CAPTION_TARGET:
            break
        head = text.split(marker)[0]
        if len(head.split()) >= 5 and not _unbalanced(head):
            text = head
    return _trim(text) or sentence[:CAPTION_CHARS]


def _trim(text: str) -> str:
    """At most CAPTION_CHARS, cut at a word with an ellipsis; quotes kept whole."""
    words = text.split()
    cut = False
    while len(" ".join(words)) > CAPTION_CHARS or _unbalanced(" ".join(words)):
        words, cut = words[:-1], True
    while cut and words and words[-1].lower().strip(",;:") in _STOP_ENDINGS:
        words = words[:-1]
    caption = " ".join(words).rstrip(",;:")
    return caption + "…" if cut and caption else caption


def _unbalanced(text: str) -> bool:
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


def assign_photos(scenes: tuple[Scene, ...], photos: Sequence[Photo]) -> tuple[Scene, ...]:
    """Give each scene the showable photo whose caption is closest in meaning (repeats allowed)."""
    showable = [p for p in photos if p.showable]
    if not showable or not scenes:
        return scenes
    from news60.script.embeddings import embed

    scene_vectors = embed([s.text for s in scenes])
    photo_vectors = embed([p.caption or p.credit for p in showable])
    similarity = scene_vectors @ photo_vectors.T
    uses = [0] * len(showable)
    chosen = []
    for row in similarity:
        # A small penalty per earlier use spreads the photos across scenes.
        best = max(range(len(showable)), key=lambda j: row[j] - 0.08 * uses[j])
        uses[best] += 1
        chosen.append(showable[best])
    return tuple(Scene(s.text, s.caption, p) for s, p in zip(scenes, chosen, strict=True))
