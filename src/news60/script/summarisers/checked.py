"""A language model's script, checked sentence by sentence against the article: a sentence whose
numbers, names, quotes and negations trace to the article sentences it retells is aired as the
model wrote it; one that does not is replaced by the broadcast writer's own sentence."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from news60.errors import ScriptError
from news60.language import Profile, profile_for
from news60.models import Article, Rewrite, TracedSentence
from news60.script.broadcast.gate import untraced
from news60.script.faithfulness import stem
from news60.script.summarisers.picks import Pick, Summariser
from news60.script.summarisers.story import Story, read_story
from news60.settings import ScriptSettings

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*")
_STOP_WORDS = (
    "a an the and or but of to in on at by for with from as is are was were be been it its"
)
_STOP = frozenset(_STOP_WORDS.split())
MOSTLY_WRONG = 0.5  # past this share of untraceable sentences the model is not retelling the story


@dataclass(frozen=True)
class _Verdict:
    """One model sentence: what is aired for it, and why it was replaced (or "")."""

    sentence: str
    lines: tuple[TracedSentence, ...]
    unit: int
    reason: str = ""


@dataclass(frozen=True)
class Checked:
    """A model summariser whose every sentence must trace to the article."""

    inner: Summariser
    fallback: Summariser
    name: str
    strict: bool = False

    def summarise(
        self, article: Article, max_words: int | None, sentences: int | None
    ) -> list[Pick]:
        """The model's sentences that trace to the article, the writer's for those that do not;
        the whole extractive script when most of them do not (or an error under strict)."""
        picks = self.inner.summarise(article, max_words, sentences)[:sentences]
        if not picks:
            return self._refuse(article, max_words, sentences, ["(an empty script)"])
        story = read_story(article)
        profile = profile_for(article.language)
        verdicts = [_check(p.text, story, profile, self.name) for p in picks]
        wrong = [v for v in verdicts if v.reason]
        if wrong and (self.strict or len(wrong) > MOSTLY_WRONG * len(verdicts)):
            return self._refuse(
                article, max_words, sentences, [f"“{v.sentence}” ({v.reason})" for v in wrong]
            )
        for verdict in wrong:
            logger.warning(
                "replaced the model's sentence “%s”: %s", verdict.sentence, verdict.reason
            )
        return _picks(verdicts)

    def _refuse(
        self, article: Article, max_words: int | None, sentences: int | None, problems: list[str]
    ) -> list[Pick]:
        message = "the model's script is not supported by the article: " + "; ".join(problems[:6])
        if self.strict:
            raise ScriptError(f"{message}; turn off strict to fall back to the extractive script")
        logger.warning("%s; using the extractive script instead", message)
        return self.fallback.summarise(article, max_words, sentences)


def checked(inner: Summariser, name: str, settings: ScriptSettings) -> Summariser:
    """Guard a model summariser with the sentence-by-sentence gate and the extractive fallback."""
    from news60.script.summarisers.extractive import Extractive

    return Checked(inner, Extractive(), name, settings.strict)


def _check(sentence: str, story: Story, profile: Profile, model: str) -> _Verdict:
    """The sentence as aired: the model's own when it traces to the article sentences it
    retells most, else the writer's version of the closest article sentence."""
    ranked = _closest(sentence, story)
    best = ranked[0]
    sources = [story.said(i)[0].sources[0] for i in ranked[:2]]
    reason = untraced(sentence, sources, profile, negations_of=sources[0])
    unit = _unit_of(story, best)
    if reason is None:
        note = Rewrite("model", f"written by {model}, checked against the article")
        places = tuple(story.said(i)[0].places[0] for i in ranked[:2])
        return _Verdict(
            sentence, (TracedSentence(sentence, tuple(sources), places, (note,)),), unit
        )
    fallback = Rewrite("fallback", f"the model's sentence “{sentence}” failed the check ({reason})")
    lines = tuple(
        TracedSentence(line.text, line.sources, line.places, (*line.rewrites, fallback))
        for line in story.said(best)
    )
    return _Verdict(sentence, lines, unit, reason)


def _closest(sentence: str, story: Story) -> list[int]:
    """Clean article sentences, the one sharing most content words with `sentence` first."""
    words = _content(sentence)
    scores = [
        len(words & _content(text)) / (len(words | _content(text)) or 1) for text in story.texts
    ]
    return sorted(range(len(story.texts)), key=lambda i: -scores[i])


def _content(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP}


def _unit_of(story: Story, sentence: int) -> int:
    return next(u for u, unit in enumerate(story.units) if sentence in unit.sentences)


def _picks(verdicts: list[_Verdict]) -> list[Pick]:
    """Picks in the model's order, scores falling; a replacement said once however many
    model sentences it replaced."""
    said: set[str] = set()
    picks: list[Pick] = []
    for k, verdict in enumerate(verdicts):
        text = " ".join(line.text for line in verdict.lines)
        if text in said:
            continue
        said.add(text)
        picks.append(Pick(text, 1.0 - k / (len(verdicts) + 1), -1, -1, (), verdict.lines))
    return picks
