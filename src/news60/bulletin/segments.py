"""Each story as a segment: its topic kicker, its story units (the lead first) and its best photo.

`story_units` and `story_kicker` are the two places the bulletin asks the script stage about a
story; they stand in for the editorial story units and the topic kicker until those land."""

from __future__ import annotations

import re
from collections.abc import Sequence

from news60.bulletin.models import Item, Segment
from news60.models import Article, Photo
from news60.script.quotes import quotations
from news60.script.speakable import display_text
from news60.script.summarisers.extractive import speakable_candidates

# A sentence opening on a pronoun or a connective leans on the sentence before it.
_LEANS_BACK = re.compile(
    r"^[\"“‘'(]?\s*(?:he|she|it|they|this|that|these|those|his|her|its|their|him|them|such|"
    r"but|and|also|however|so|then|yet|still|meanwhile|instead|moreover|furthermore)\b",
    re.IGNORECASE,
)
# Words that name who speaks: a quote without one belongs to the speaker of the sentence before.
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|asked|according to)\b")
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
    """The story's units in article order, the lead first. A bulletin says a prefix of them, so a
    sentence that leans on the one before (a pronoun, a connective) is its own unit right after
    it and is never said once what it leans on was left out; a quote whose speaker is named
    neither before it nor in the sentence after it is never said."""
    units: list[list[str]] = []
    kept = None  # body index of the last sentence kept (or waiting for its speaker)
    waiting = None  # a quote naming no speaker, waiting for the sentence that names one
    for candidate in speakable_candidates(article):
        text, follows = candidate.text, kept == candidate.index - 1
        if waiting is not None:
            if follows and _names(text):
                units.append([waiting, text])
                waiting, kept = None, candidate.index
                continue
            waiting, follows = None, False  # its speaker never came: the quote is not said
        if leans_back(text) and not follows:
            continue  # what it leans on was left out: never said alone
        if _is_quote(text) and not _names(text) and not (units and _names(units[-1][-1])):
            waiting = text
        else:
            units.append([text])
        kept = candidate.index
    # As make shows and says them: datelines and shouted lead-ins ("CAIRO —", "A HUNTER") tidied.
    return tuple(" ".join(display_text(sentence) for sentence in unit) for unit in units)


def leans_back(sentence: str) -> bool:
    """True when a listener needs the sentence before to follow this one."""
    return bool(_LEANS_BACK.match(sentence)) or (_is_quote(sentence) and not _names(sentence))


def _is_quote(sentence: str) -> bool:
    quoted = sum(len(words.split()) for _, words in quotations(sentence))
    return quoted >= 0.5 * len(sentence.split())


def _names(sentence: str) -> bool:
    """The sentence says who speaks: 'she said', 'according to', or hands over with a colon."""
    return bool(_ATTRIBUTION.search(sentence)) or sentence.rstrip().endswith(":")


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
