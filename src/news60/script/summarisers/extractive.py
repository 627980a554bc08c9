"""The default summariser: pick sentences by MiniLM centrality, news position and length."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from news60.errors import ScriptError
from news60.models import Article
from news60.script.embeddings import embed
from news60.script.quotes import quotations
from news60.script.sentences import split_sentences
from news60.script.summarisers.picks import DEFAULT_WORDS, Pick, word_count
from news60.script.summarisers.prose import is_prose

_DUPLICATE = 0.85  # cosine above which a sentence restates one already picked
# Sentences opening on a connective lean on the one before; alone they confuse a listener.
# Sentences opening on a pronoun like "It found..." need the sentence before them to make sense.
_BACK_REFERENCE = re.compile(r"^(it|this|these|those|that|they|such|its|their)\b", re.IGNORECASE)
_DANGLING_COST = 0.15  # how much less a back-referring sentence is worth without its antecedent
_CONNECTIVE = re.compile(
    r"^(but|and|also|however|so|then|yet|still|meanwhile|instead|nevertheless|furthermore)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    index: int  # place among all body sentences
    rank: int  # place among the speakable ones
    text: str


@dataclass(frozen=True)
class Extractive:
    """Lead-biased, centrality-scored sentence selection with an MMR redundancy penalty."""

    diversity: float = 0.3  # weight of the redundancy penalty against relevance
    lead_decay: float = 4.0  # speakable sentences over which the lead bonus falls to 1/e

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """Return the most useful sentences, shaped as a story."""
        candidates = speakable_candidates(article)
        vectors = embed([c.text for c in candidates])
        relevance = self._relevance(article, candidates, vectors)
        budget = None if sentences is not None else max_words or DEFAULT_WORDS
        if budget is None:
            chosen = self._select_count(vectors, relevance, sentences)
        else:
            chosen = self._select_by_words(candidates, vectors, relevance, budget)
        chosen = _with_quote(candidates, relevance, chosen, budget)
        return [
            Pick(candidates[i].text, round(float(relevance[i]), 4), candidates[i].index)
            for i in shape_story(candidates, chosen)
        ]

    def _relevance(
        self, article: Article, candidates: list[Candidate], vectors: np.ndarray
    ) -> np.ndarray:
        centroid = vectors.mean(axis=0)
        centrality = vectors @ (centroid / np.linalg.norm(centroid))
        topic = " ".join(part for part in (article.title, article.standfirst) if part)
        on_topic = vectors @ embed([topic])[0] if topic else centrality
        ranks = np.array([c.rank for c in candidates], dtype=np.float32)
        position = np.exp(-ranks / self.lead_decay)
        fit = np.array([_length_fit(word_count(c.text)) for c in candidates])
        leaning = np.array([0.8 if _CONNECTIVE.match(c.text) else 1.0 for c in candidates])
        return (0.5 * centrality + 0.3 * on_topic + 0.6 * position) * fit * leaning

    def _gains(self, vectors: np.ndarray, relevance: np.ndarray, chosen: list[int]) -> np.ndarray:
        """Maximal marginal relevance of every candidate given those already chosen."""
        if not chosen:
            return relevance.copy()
        redundancy = (vectors @ vectors[chosen].T).max(axis=1)
        gains = (1 - self.diversity) * relevance - self.diversity * redundancy
        gains[redundancy > _DUPLICATE] = -np.inf
        gains[chosen] = -np.inf
        return gains

    def _select_count(self, vectors: np.ndarray, relevance: np.ndarray, count: int) -> list[int]:
        chosen: list[int] = []
        while len(chosen) < count:
            gains = self._gains(vectors, relevance, chosen)
            if not np.isfinite(gains.max()):
                break  # the article has no more distinct speakable sentences
            chosen.append(int(np.argmax(gains)))
        return chosen

    def _select_by_words(
        self,
        candidates: list[Candidate],
        vectors: np.ndarray,
        relevance: np.ndarray,
        budget: int,
    ) -> list[int]:
        lengths = np.array([word_count(c.text) for c in candidates])
        refers_back = np.array(
            [bool(_BACK_REFERENCE.match(c.text) or _CONNECTIVE.match(c.text)) for c in candidates]
        )
        chosen: list[int] = []
        while True:
            gains = self._gains(vectors, relevance, chosen)
            # In a narrated script a listener cannot look back: penalise "It ..." without its lead-in.
            said = {candidates[i].index for i in chosen}
            dangling = refers_back & ~np.isin([c.index - 1 for c in candidates], list(said))
            gains[dangling] -= _DANGLING_COST
            gains[lengths > budget - lengths[chosen].sum()] = -np.inf
            if not np.isfinite(gains.max()):
                return chosen or [int(np.argmin(lengths))]
            chosen.append(int(np.argmax(gains)))


def speakable_candidates(article: Article) -> list[Candidate]:
    """Every body sentence a narrator could say, with its place in the body."""
    body = split_sentences(article.text)
    prose = [(i, s) for i, s in enumerate(body) if is_prose(s)]
    if not prose:
        raise ScriptError(
            "the article has no speakable sentences: check that the input holds the article body"
        )
    return [Candidate(index, rank, text) for rank, (index, text) in enumerate(prose)]


def shape_story(candidates: list[Candidate], chosen: list[int]) -> list[int]:
    """Order picks as a story: the news, key facts, the quote, then context and a close."""
    ordered = sorted(chosen, key=lambda i: candidates[i].rank)
    lead, rest = ordered[:1], ordered[1:]
    quotes = [i for i in rest if is_quote(candidates[i].text)][:1] if len(rest) > 1 else []
    plain = [i for i in rest if i not in quotes]
    middle = candidates[-1].rank / 2
    facts = [i for i in plain if candidates[i].rank <= middle]
    context = [i for i in plain if candidates[i].rank > middle]
    return lead + facts + quotes + context


def is_quote(sentence: str) -> bool:
    """True when direct speech of four words or more makes up much of the sentence."""
    quoted = sum(len(words.split()) for _, words in quotations(sentence))
    return quoted >= 4 and quoted >= 0.3 * word_count(sentence)


def _with_quote(
    candidates: list[Candidate], relevance: np.ndarray, chosen: list[int], budget: int | None
) -> list[int]:
    """Swap the weakest non-lead pick for the best quote when a longer script has none."""
    if len(chosen) < 4 or any(is_quote(candidates[i].text) for i in chosen):
        return chosen
    quotes = [i for i in range(len(candidates)) if is_quote(candidates[i].text)]
    if not quotes:
        return chosen
    best = max(quotes, key=lambda i: relevance[i])
    weakest = min(chosen[1:], key=lambda i: relevance[i])
    swapped = [best if i == weakest else i for i in chosen]
    words = sum(word_count(candidates[i].text) for i in swapped)
    return chosen if budget is not None and words > budget else swapped


def _length_fit(words: int) -> float:
    """Prefer sentences of 15 to 40 words: shorter ones say little, longer ones run on."""
    if words < 15:
        return 0.6 + 0.4 * words / 15
    if words > 40:
        return max(0.4, 1.0 - 0.02 * (words - 40))
    return 1.0
