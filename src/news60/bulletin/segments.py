"""Each story as a segment: its topic kicker, its story units (the lead first) and its best photo.

`story_units` and `story_kicker` are the two places the bulletin asks the script stage about a
story (the kicker stands in for the video's topic kicker until that lands)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from news60.bulletin.models import Item, Segment
from news60.models import Article, Photo
from news60.script.speakable import display_text
from news60.script.summarisers.story import read_story

# Codes and acronyms a story is known by (G20, NHS, COP28); credits and shouting are not topics.
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*[0-9A-Z]\b")
_NOT_TOPICS = frozenset(
    [
        "AFP",
        "AP",
        "PA",
        "BBC",
        "CNN",
        "UPI",
        "CEO",
        "US",
        "UK",
        "UN",
        "TV",
        "BREAKING",
        "NEWS",
        "LIVE",
        "VIDEO",
        "WATCH",
    ]
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w-]*")
# Words that open headlines without naming anything ("How ...", "The ..."): never a kicker.
_OPENERS_LIST = "The A An How What Why Who When Where Inside About Just New"
_OPENERS = frozenset(_OPENERS_LIST.split())


def make_segments(items: Sequence[Item]) -> tuple[Segment, ...]:
    """A segment per story in running order; no photo is shown under two stories."""
    photos = best_photos(items)
    return tuple(
        Segment(item, story_kicker(item.article), story_units(item.article), photo)
        for item, photo in zip(items, photos, strict=True)
    )


def story_units(article: Article) -> tuple[str, ...]:
    """The story's units in article order, the lead first: the script stage's story units (a quote
    with its speaker, a sentence with what it leans on). A bulletin says a prefix of them, and
    every unit a usable one needs comes before it, so nothing is said without what it leans on."""
    story = read_story(article)
    # As make shows and says them: datelines and shouted lead-ins ("CAIRO —", "A HUNTER") tidied.
    return tuple(" ".join(display_text(s) for s in story.sentences(u)) for u in story.usable)


def story_kicker(article: Article) -> str:
    """One or two words naming the topic: a code the headline uses (G20), else the headline's
    name (a word, or two as in "North Africa") the story repeats most, else its first word."""
    headline, body = article.title, article.text
    codes = [c for c in _CODE.findall(headline) if c not in _NOT_TOPICS]
    if codes:
        return max(codes, key=lambda code: body.count(code))
    lower = {w.lower() for w in re.findall(r"\b[a-z][\w’'-]+", body)}
    names = [n for n in _names_in(headline) if not set(n.lower().split()) & lower]
    counts = {name: body.count(name) for name in names}
    best = max(names, key=lambda name: counts[name], default="")
    if best and counts[best]:
        return best
    words = [m.group(0) for m in _CAPITALISED.finditer(headline)]
    return next((w for w in words if w not in _OPENERS), words[0] if words else "")


def _names_in(headline: str) -> list[str]:
    """Each pair of capitalised words side by side in the headline, then each such word."""
    found = list(_CAPITALISED.finditer(headline))
    pairs = [
        f"{a.group(0)} {b.group(0)}"
        for a, b in zip(found, found[1:], strict=False)
        if headline[a.end() : b.start()] == " "
    ]
    return pairs + [m.group(0) for m in found]


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
