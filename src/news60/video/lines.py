"""The words a shot shows above the captions: the story in a line, a scene's key line, a figure
with what it counts, and when the captions have said a line (so it is never shown twice)."""

from __future__ import annotations

import re

from news60.models import Cue, OnScreen, QuoteCard, Script
from news60.script.onscreen import headline
from news60.script.sentences import split_sentences
from news60.script.storyfile import on_screen
from news60.video.echo import echoes
from news60.video.linebreaks import DANGLING

# A figure worth a card of its own: money, a percentage, a large or counted amount (not a year).
FIGURE = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s?(?:bn|m|k|million|billion|trillion)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|per ?cent\b|percent\b)"
    r"|\b\d[\d.]*\s(?:million|billion|trillion)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)
# A figure's noun: the few lower-case words after it ("$2.5bn bridge", "80 percent of homes").
_NOUN = re.compile(r"\s+((?:(?:of|in|for)\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)")
# Words that are no noun: they go on with a verb or a clause ("$11 million was paid", "80% said").
_VERBS_LIST = (
    "is was were are be been has have had will would can could said says told and or who which "
    "that more less than"
)
_NOT_NOUNS = DANGLING | frozenset(_VERBS_LIST.split())
KEY_CHARS = 120  # a card's own line, when its scene has none, at most this long


def key_figure(text: str) -> str | None:
    """The first figure in `text` that deserves a key-figure card, if any."""
    match = FIGURE.search(text)
    return match.group(0).strip() if match else None


def figure_noun(text: str, figure: str) -> str:
    """What the figure counts, from the words after it ("bridge", "of homes"); "" when they name
    nothing (the figure ends the clause or a verb follows)."""
    at = text.find(figure)
    found = _NOUN.match(text, at + len(figure)) if at >= 0 else None
    if found is None:
        return ""
    words = found.group(1).split()
    while words and words[-1].lower().strip("’'") in _NOT_NOUNS:
        words.pop()
    if not words or (words[0].lower() in _NOT_NOUNS and len(words) < 2):
        return ""
    return " ".join(words)


def fresh(lines: list[OnScreen], earlier: list[str]) -> OnScreen:
    """The first of `lines` that shows no earlier line again (the hook's line is not reused)."""
    for line in lines:
        text = str(line)
        if text and not any(echoes(text, old) or echoes(old, text) for old in earlier if old):
            return line
    return ""


def key_line(text: str) -> str:
    """A card's line when its scene has none: its first sentence in headline style, longer than a
    scene's line may run (a card has room for five lines), if one stands."""
    line = headline(split_sentences(text)[0] if text.strip() else "", KEY_CHARS)
    # A quote on its own would put words in no one's mouth: a card shows it only with its speaker.
    return "" if isinstance(on_screen(line), QuoteCard) else line


def story_headline(script: Script) -> str:
    """The headline, unless it names nothing the story says (a newsletter's masthead, a section
    name): then the first scene's line."""
    said = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", script.text)}
    named = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", script.title)}
    if named & said or not script.scenes:
        return script.title
    return str(script.scenes[0].caption) or key_line(script.scenes[0].text) or script.title


def figure_line(text: str) -> str:
    """The text's key figure with what it counts ("$2.5bn bridge"), or "" (a bare number says
    nothing on its own)."""
    figure = key_figure(text)
    noun = figure_noun(text, figure) if figure else ""
    return f"{figure} {noun}" if noun else ""


def said_at(line: str, cues: tuple[Cue, ...], span: tuple[float, float]) -> float:
    """When the captions over `span` have shown most of the line's words (the end of the cue that
    completes them), or the span's start when they never do."""
    heard = ""
    for cue in (c for c in cues if c.start < span[1] and c.end > span[0]):
        heard += " " + cue.text
        if echoes(line, heard):
            return cue.end
    return span[0]
