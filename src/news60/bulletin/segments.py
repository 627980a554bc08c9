"""Each story as a segment: its topic kicker, its story units (the lead first: the one that states
the headline's news) and its best photo.

`story_units` and `topic_kicker` are the two places the bulletin asks the script stage about a
story: the kicker is picked as a single clip's is."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from news60.bulletin.models import Item, Segment
from news60.models import Article, Photo
from news60.script.kicker import topic_kicker
from news60.script.summarisers.story import Story, read_story, spoken_units

LEAD_WINDOW = 3  # the lead is one of the first three usable units: later ones are background
# MiniLM cosine with the headline. The story's own lead keeps its place from KEEP up: on the dev
# pages, leads that state the news measure 0.38-0.96 (wapo-1's "Gunmen opened fire ..." under
# "Attack stokes instability fears" only 0.18: abstract headlines keep their lead too); a later
# unit takes over from STATES up, where scene-setters and page furniture measure 0.02-0.30
# ("Anyone who has ever been involved in closing a billion-dollar deal ...", "Fox News Flash top
# headlines ...") and the units after them that say the news 0.69-0.84.
KEEP = 0.35
STATES = 0.6
CLEARLY = 0.1  # how much closer to the headline a unit must be to lead instead of a teaser


def make_segments(items: Sequence[Item]) -> tuple[Segment, ...]:
    """A segment per story in running order; no photo is shown under two stories."""
    photos = best_photos(items)
    return tuple(
        Segment(item, _kicker(item.article), story_units(item.article), photo)
        for item, photo in zip(items, photos, strict=True)
    )


def _kicker(article: Article) -> str:
    return topic_kicker(article.title, article.text, [p.caption for p in article.photos])


@functools.lru_cache(maxsize=64)
def story_units(article: Article) -> tuple[str, ...]:
    """The story's units, the lead first (lead_unit), the others in article order: the script
    stage's story units (a quote with its speaker, a sentence with what it leans on). A bulletin
    says a prefix of them, and every unit a usable one needs comes before it, so nothing is said
    without what it leans on (the lead leans on nothing)."""
    story = read_story(article)
    lead = lead_unit(story, article)
    # What came before a later lead stays only when a unit after it leans on it: the scene-setter
    # it replaced ("Anyone who has ever closed a deal ...") is not said after the news.
    needed = {r for u in story.usable if u > lead for r in story.closure(u)}
    order = [lead, *(u for u in story.usable if u != lead and (u > lead or u in needed))]
    # As make says them: written for the ear by the same broadcast writer, in the order said.
    return spoken_units(article, order=order)


def lead_unit(story: Story, article: Article) -> int:
    """The unit that best states what the headline says: the story's own lead when it does; else
    one of the next units that does (after a scene-setter: "Anyone who has ever closed a deal
    ..."); a standfirst or teaser that does not state the news gives way to the body's closest."""
    first = story.lead
    candidates = [u for u in story.usable[:LEAD_WINDOW] if not story.units[u].requires]
    if len(candidates) < 2 or not article.title:
        return first
    from news60.script.embeddings import embed

    vectors = embed([article.title, *(story.text(u) for u in candidates)])
    close = dict(zip(candidates, (vectors[1:] @ vectors[0]).tolist(), strict=True))
    if close[first] >= KEEP:
        return first
    best = max(candidates, key=close.__getitem__)
    if close[best] >= STATES:
        return best
    if _teaser(story, first, article) and close[best] >= max(KEEP, close[first] + CLEARLY):
        return best
    return first


def _teaser(story: Story, unit: int, article: Article) -> bool:
    """The unit is the standfirst: read before the body, or the body's copy of it."""
    standfirst, text = _letters(article.standfirst), _letters(story.text(unit))
    return min(story.indexes(unit)) < 0 or bool(standfirst) and text in standfirst


def _letters(text: str) -> str:
    """Words only, lower-cased: the body's copy of a standfirst may differ in its quote marks."""
    return " ".join(re.findall(r"\w+", text.lower()))


def best_photos(items: Sequence[Item]) -> list[Photo | None]:
    """A showable photo per story, closest in meaning to its headline and lead, none used twice:
    the closest story-photo pairs are matched first, so a producer's --photos (offered to every
    story) go to the stories they show."""
    offers = [(i, p) for i, item in enumerate(items) for p in item.article.photos if p.showable]
    chosen: list[Photo | None] = [None] * len(items)
    if not offers:
        return chosen
    from news60.script.embeddings import embed

    stories = embed([" ".join([i.article.title, *story_units(i.article)[:1]]) for i in items])
    captions = embed([p.caption or p.credit or items[i].article.title for i, p in offers])
    scores = [float(captions[k] @ stories[i]) for k, (i, _) in enumerate(offers)]
    used: set[str | None] = set()
    for k in sorted(range(len(offers)), key=lambda k: -scores[k]):
        story, photo = offers[k]
        if chosen[story] is None and photo.src not in used:
            chosen[story] = photo
            used.add(photo.src)
    return chosen
