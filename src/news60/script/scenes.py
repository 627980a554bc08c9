"""Shape picked sentences into scenes: one or two sentences, an on-screen line, the right photo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from news60.models import Article, Photo, Scene, Script, TracedSentence
from news60.script.headings import scene_heading
from news60.script.onscreen import caption_for, headline
from news60.script.people import speaker, surnames
from news60.script.quotes import quotations
from news60.video.photos import inspect_photo

__all__ = ["assign_photos", "build_script", "caption_for", "group_sentences", "headline"]

SCENE_WORDS = 42  # two adjacent sentences share a scene when together they are this short
FACE_LIFT = 0.05  # a photo with faces beats an equally relevant one without
SHARP_LIFT = 0.05  # as does a sharp photo over one enlarged from a small original
_CLOSING_MARKS = "”\"’'"


def build_script(
    article: Article,
    sentences: Sequence[tuple[str, int]],
    summariser: str,
    units: Sequence[int] | None = None,
    lines: Sequence[tuple[TracedSentence, ...]] | None = None,
    notes: Sequence[str] = (),
) -> Script:
    """A Script from (display sentence, article position) pairs in article order; `units` says
    which story unit each sentence belongs to, so a quote's line can name a speaker in its unit;
    `lines` traces each pair's sentences to the article."""
    units = list(units) if units is not None else [-1] * len(sentences)
    lines = list(lines) if lines is not None else [()] * len(sentences)
    scenes: list[Scene] = []
    start = 0
    for group in group_sentences(sentences, units):
        members = range(start, start + len(group))
        text = " ".join(group)
        line = caption_for(text, context=_context(sentences, units, members))
        heading = scene_heading(line, text, article.title, first=not scenes)
        traced = tuple(t for m in members for t in lines[m])
        scenes.append(Scene(text, heading, lines=traced))
        start += len(group)
    return Script(
        title=article.title,
        scenes=assign_photos(tuple(scenes), article.photos),
        photos=article.photos,
        reporting=article.reporting,
        published=article.published,
        source_url=article.source_url,
        language=article.language,
        summariser=summariser,
        notes=tuple(notes),
        kind=article.kind,
    )


def _context(sentences: Sequence[tuple[str, int]], units: list[int], members: range) -> str:
    """What a scene's quote may take its speaker from: the other sentences of its story units,
    else the sentence just before it in the article."""
    mine = {units[m] for m in members}
    mates = [s for i, (s, _) in enumerate(sentences) if i not in members and units[i] in mine]
    if any(units[m] >= 0 for m in members) and mates:
        return " ".join(mates)
    # A quote paragraph with no attribution goes on from the one before: news names a new speaker.
    before = members.start - 1
    adjacent = before >= 0 and sentences[before][1] == sentences[members.start][1] - 1
    return sentences[before][0] if adjacent else ""


def group_sentences(
    sentences: Sequence[tuple[str, int]], units: Sequence[int] | None = None
) -> list[list[str]]:
    """Pair a sentence with the next when they follow each other in the article and are short.
    A sentence that ends on a closing quote ends its scene (the quote is the beat), and a quote
    shares a scene only with its own unit, so one scene never holds two speakers."""
    units = list(units) if units is not None else [-1] * len(sentences)
    groups: list[list[str]] = []
    for k, (text, index) in enumerate(sentences):
        last = groups[-1] if groups else None
        if (
            last is not None
            and len(last) == 1
            and index == sentences[k - 1][1] + 1
            and not last[0].rstrip().endswith(tuple(_CLOSING_MARKS))
            and (units[k] == units[k - 1] >= 0 or not (_quotes(last[0]) or _quotes(text)))
            and len(" ".join(last + [text]).split()) <= SCENE_WORDS
        ):
            last.append(text)
        else:
            groups.append([text])
    return groups


def _quotes(text: str) -> bool:
    return any(len(words.split()) >= 4 for _, words in quotations(text))


def assign_photos(scenes: tuple[Scene, ...], photos: Sequence[Photo]) -> tuple[Scene, ...]:
    """Give each scene the closest showable photo in meaning whose caption names no one else
    (a scene naming people gets a photo of one of them, a photo naming no one, or none), every
    usable photo once before any is shown again; faces and sharpness break near ties."""
    usable = [p for p in photos if p.showable]
    if not usable or not scenes:
        return scenes
    from news60.script.embeddings import embed

    known = {n for p in usable for n in surnames(p.caption)} | {
        n for s in scenes for n in surnames(s.text)
    }
    similarity = embed([s.text for s in scenes]) @ embed([p.caption or p.credit for p in usable]).T
    shown_people = [surnames(p.caption, known) for p in usable]
    fits = [
        [j for j in range(len(usable)) if _may_show(shown_people[j], _people_in(scene, known))]
        for scene in scenes
    ]
    score = similarity + np.array([_strength(p) for p in usable])[None, :]
    chosen = _spread(score, fits)
    return tuple(
        replace(s, photo=usable[j] if j is not None else None)
        for s, j in zip(scenes, chosen, strict=True)
    )


def _strength(photo: Photo) -> float:
    """A small lift for a photo with faces and for a sharp one: relevance still decides."""
    info = inspect_photo(photo.src or "")
    if info is None:
        return 0.0  # unreadable here: the storyboard shows a card in its place, and says why
    return (FACE_LIFT if info.faces else 0.0) + SHARP_LIFT * info.detail


def _spread(score: np.ndarray, fits: list[list[int]]) -> list[int | None]:
    """Scene by scene, the best-scoring fitting photo among those shown least so far: every
    photo is shown once before any is shown again."""
    uses = [0] * score.shape[1]
    chosen: list[int | None] = []
    for i, options in enumerate(fits):
        least = min((uses[j] for j in options), default=0)
        best = max(
            (j for j in options if uses[j] == least), key=lambda j: score[i, j], default=None
        )
        if best is not None:
            uses[best] += 1
        chosen.append(best)
    return chosen


def _people_in(scene: Scene, known: set[str]) -> set[str]:
    """Who a scene is about: the speaker of its quote when it has one, else everyone it names."""
    for start, words in quotations(scene.text):
        who = speaker(scene.text, start)
        if len(words.split()) >= 4 and who:
            return surnames(who, known) or {who.split()[-1]}
    return surnames(scene.text, known)


def _may_show(shown: set[str], people: set[str]) -> bool:
    """A photo naming no one fits any scene; one naming people fits a scene about one of them."""
    return not shown or not people or bool(shown & people)
