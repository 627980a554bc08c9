"""Each story as a segment: its topic kicker, its story units (the lead first) and its best photo.

`story_units` and `topic_kicker` are the two places the bulletin asks the script stage about a
story: the kicker is picked as a single clip's is."""

from __future__ import annotations

from collections.abc import Sequence

from news60.bulletin.models import Item, Segment
from news60.models import Article, Photo
from news60.script.kicker import topic_kicker
from news60.script.summarisers.story import spoken_units


def make_segments(items: Sequence[Item]) -> tuple[Segment, ...]:
    """A segment per story in running order; no photo is shown under two stories."""
    photos = best_photos(items)
    return tuple(
        Segment(item, _kicker(item.article), story_units(item.article), photo)
        for item, photo in zip(items, photos, strict=True)
    )


def _kicker(article: Article) -> str:
    return topic_kicker(article.title, article.text, [p.caption for p in article.photos])


def story_units(article: Article) -> tuple[str, ...]:
    """The story's units in article order, the lead first: the script stage's story units (a quote
    with its speaker, a sentence with what it leans on). A bulletin says a prefix of them, and
    every unit a usable one needs comes before it, so nothing is said without what it leans on."""
    # As make says them: written for the ear by the same broadcast writer.
    return spoken_units(article)


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
