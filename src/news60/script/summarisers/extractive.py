"""The default summariser: whole story units, chosen by MiniLM centrality and news position."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from news60.errors import ScriptError
from news60.language import Profile, profile_for
from news60.models import Article, TracedSentence
from news60.script.broadcast.arc import roles_of
from news60.script.embeddings import embed
from news60.script.quotes import quotations
from news60.script.summarisers.picks import DEFAULT_WORDS, Pick, word_count
from news60.script.summarisers.prose import RESULT
from news60.script.summarisers.story import Story, read_story

_DUPLICATE = (
    0.95  # cosine above which a unit restates one picked (0.86 is "China looks small" vs "is big")
)
_OUTCOME_BONUS = 0.1  # how much a unit stating the outcome is worth until one is in
_TERM_BONUS = 0.04  # per headline key term a unit brings in that the script lacks
# Per part of the arc (why, the other side, what next) a unit tells that the script lacks: a
# story that stops after its opening leaves a listener without the why and what-next.
_ARC_BONUS = 0.06
_WORD = re.compile(r"[A-Za-z][\w'’-]+|\d[\d,.]*")
_COMMON = frozenset(
    [
        "about",
        "after",
        "again",
        "against",
        "also",
        "among",
        "amid",
        "been",
        "before",
        "being",
        "could",
        "from",
        "have",
        "here",
        "into",
        "more",
        "most",
        "news",
        "over",
        "said",
        "says",
        "says",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    ]
)


@dataclass(frozen=True)
class Extractive:
    """Lead first, then units by centrality, topic and position, with an MMR redundancy penalty."""

    diversity: float = 0.3  # weight of the redundancy penalty against relevance
    lead_decay: float = 4.0  # speakable sentences over which the lead bonus falls to 1/e

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Whole units in article order, scored by their place in the importance order: for a
        word budget, chosen by relevance and variety; for a count of sentences, the story's top."""
        story = read_story(article)
        if sentences is not None:
            # A brief of N sentences is the top of the story, as a wire service's brief is: in
            # three sentences there is no room for an arc, and a later unit chosen for variety
            # left out the second paragraph's who and what (on CNN/DM, 0.7 ROUGE-1 points).
            return _picks(story, story.top(sentences) or [story.lead])
        vectors = _unit_vectors(story)
        relevance = self._relevance(article, story, vectors)
        order = self._rank(story, vectors, relevance, max_words or DEFAULT_WORDS)
        return _picks(story, order or [story.lead])

    def _relevance(self, article: Article, story: Story, vectors: np.ndarray) -> np.ndarray:
        centroid = vectors.mean(axis=0)
        centrality = vectors @ (centroid / np.linalg.norm(centroid))
        topic = " ".join(part for part in (article.title, article.standfirst) if part)
        on_topic = vectors @ embed([topic])[0] if topic else centrality
        ranks = np.array([story.rank(u) for u in story.usable], dtype=np.float32)
        position = np.exp(-ranks / self.lead_decay)
        fit = np.array(
            [_length_fit(story.words(u)) * _ear_fit(story.lines(u)) for u in story.usable]
        )
        relevance: np.ndarray = (0.5 * centrality + 0.3 * on_topic + 0.6 * position) * fit
        return relevance

    def _rank(
        self,
        story: Story,
        vectors: np.ndarray,
        relevance: np.ndarray,
        limit: int,
    ) -> list[int]:
        """Units in importance order, the lead first and each after the units it requires,
        within `limit` words."""
        if story.words(story.lead) > limit:
            return []
        chosen, terms = [story.lead], _key_terms(story.title)
        profile = profile_for(story.language)
        while best := self._next(story, vectors, relevance, chosen, limit, terms, profile):
            chosen += best
        return chosen

    def _next(
        self,
        story: Story,
        vectors: np.ndarray,
        relevance: np.ndarray,
        chosen: list[int],
        limit: int,
        terms: set[str],
        profile: Profile,
    ) -> list[int]:
        """The units the best next pick brings in (it and what it requires); [] if none fits."""
        usable = list(story.usable)
        gains = self._gains(vectors, relevance, [usable.index(u) for u in chosen])
        covered = " ".join(story.text(u) for u in chosen)
        room = limit - sum(story.words(u) for u in chosen)
        best: list[int] = []
        best_gain = -np.inf
        for k, unit in enumerate(usable):
            needed = [u for u in story.closure(unit) if u not in chosen]
            if unit < story.lead or not needed or not np.isfinite(gains[k]):
                continue  # nothing is said before the lead
            if sum(story.words(u) for u in needed) > room:
                continue
            gain = np.mean([gains[usable.index(u)] for u in needed])
            gain += _news_bonus(story.text(unit), covered, terms)
            gain += _arc_bonus(story.text(unit), covered, profile)
            if gain > best_gain:
                best, best_gain = needed, gain
        return best

    def _gains(self, vectors: np.ndarray, relevance: np.ndarray, chosen: list[int]) -> np.ndarray:
        """Maximal marginal relevance of every unit given those already chosen."""
        if not chosen:
            return relevance.copy()
        redundancy = (vectors @ vectors[chosen].T).max(axis=1)
        gains: np.ndarray = (1 - self.diversity) * relevance - self.diversity * redundancy
        gains[redundancy > _DUPLICATE] = -np.inf
        gains[chosen] = -np.inf
        return gains


def _unit_vectors(story: Story) -> np.ndarray:
    """One normalised MiniLM vector per usable unit: the mean of its sentences'."""
    sentences = [s for u in story.usable for s in story.sentences(u)]
    flat = embed(sentences)
    vectors, at = [], 0
    for u in story.usable:
        count = len(story.sentences(u))
        mean = flat[at : at + count].mean(axis=0)
        vectors.append(mean / max(np.linalg.norm(mean), 1e-9))
        at += count
    return np.array(vectors, dtype=np.float32)


def _picks(story: Story, order: list[int]) -> list[Pick]:
    """Picks in article order; a unit's score falls with its place in the importance order."""
    importance = {u: round(1.0 - k / (len(order) + 1), 4) for k, u in enumerate(order)}
    return [
        Pick(
            " ".join(line.text for line in lines),
            importance[u],
            index,
            u,
            story.units[u].requires,
            lines,
        )
        for u in sorted(order)
        for index, lines in zip(
            story.indexes(u), (story.said(i) for i in story.units[u].sentences), strict=True
        )
    ]


def _key_terms(title: str) -> set[str]:
    """The headline's content words: names, numbers and long words."""
    words = {w.lower().strip(".,") for w in _WORD.findall(title)}
    return {w for w in words if (len(w) > 3 or w[:1].isdigit()) and w not in _COMMON}


def _news_bonus(text: str, covered: str, terms: set[str]) -> float:
    """Worth added for stating the outcome first, and for headline terms the script lacks."""
    bonus = _OUTCOME_BONUS if RESULT.search(text) and not RESULT.search(covered) else 0.0
    have = {w.lower() for w in _WORD.findall(covered)}
    new = {w.lower() for w in _WORD.findall(text)} & (terms - have)
    return bonus + _TERM_BONUS * len(new)


def _arc_bonus(text: str, covered: str, profile: Profile) -> float:
    """Worth added for each part of the arc the unit tells that the script does not yet."""
    return _ARC_BONUS * len(roles_of(text, profile) - roles_of(covered, profile))


def is_quote(sentence: str) -> bool:
    """True when direct speech of four words or more makes up much of the sentence."""
    quoted = sum(len(words.split()) for _, words in quotations(sentence))
    return quoted >= 4 and quoted >= 0.3 * word_count(sentence)


def _ear_fit(lines: list[TracedSentence]) -> float:
    """Of two units worth as much, the one a listener follows more easily: a unit whose
    sentences, as written for the ear, average past EASY_WORDS weighs a little less."""
    if not lines:
        return 1.0
    mean = sum(len(line.text.split()) for line in lines) / len(lines)
    return max(EAR_FLOOR, 1.0 - EAR_STEP * max(0.0, mean - EASY_WORDS))


EASY_WORDS = 20  # a spoken sentence up to this long is easy to follow
EAR_STEP = 0.02  # the weight lost per word past it
EAR_FLOOR = 0.8  # a long unit still counts: the story may need it


def _length_fit(words: int) -> float:
    """Prefer units of 15 to 40 words: shorter ones say little, longer ones run on."""
    if words < 15:
        return 0.6 + 0.4 * words / 15
    if words > 40:
        return max(0.4, 1.0 - 0.02 * (words - 40))
    return 1.0


__all__ = ["Extractive", "ScriptError", "is_quote"]
