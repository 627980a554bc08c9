"""Shape picked sentences into scenes: one or two sentences, an on-screen line, the right photo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from news60.models import Article, Photo, Scene, Script, TracedSentence
from news60.script.headings import scene_heading
from news60.script.onscreen import caption_for, headline
from news60.script.people import speaker, surnames
from news60.script.quotes import quotations

__all__ = ["assign_photos", "build_script", "caption_for", "group_sentences", "headline"]

SCENE_WORDS = 42  # two adjacent sentences share a scene when together they are this short
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
    scenes, start = [], 0
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
    """Give each scene the closest showable photo in meaning whose caption names no one else:
    a scene naming people gets a photo of one of them, a photo naming no one, or none."""
    showable = [p for p in photos if p.showable]
    if not showable or not scenes:
        return scenes
    from news60.script.embeddings import embed

    known = {n for p in showable for n in surnames(p.caption)} | {
        n for s in scenes for n in surnames(s.text)
    }
    scene_vectors = embed([s.text for s in scenes])
    photo_vectors = embed([p.caption or p.credit for p in showable])
    similarity = scene_vectors @ photo_vectors.T
    shown_people = [surnames(p.caption, known) for p in showable]
    uses = [0] * len(showable)
    chosen: list[Photo | None] = []
    for scene, row in zip(scenes, similarity, strict=True):
        people = _people_in(scene, known)
        fits = [j for j in range(len(showable)) if _may_show(shown_people[j], people)]
        # A small penalty per earlier use spreads the photos across scenes.
        best = max(fits, key=lambda j: row[j] - 0.08 * uses[j], default=None)
        if best is not None:
            uses[best] += 1
        chosen.append(showable[best] if best is not None else None)
    return tuple(replace(s, photo=p) for s, p in zip(scenes, chosen, strict=True))


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
