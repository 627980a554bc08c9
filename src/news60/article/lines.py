"""What one line of scraped page text looks like: prose, furniture, headline, byline, date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateutil import parser as dateparser

# Phrases that mark page furniture rather than reporting; matched on short lines.
_FURNITURE = re.compile(
    r"(?i)^(?:advertisement|advert|ad|sponsored|promoted|story continues below|skip to|"
    r"close|menu|search|share|tweet|email|print|comments?|reply|report|more|related|"
    r"read more|see more|show more|load more|watch|video|photos|gallery|live|trending|"
    r"most (?:read|popular|viewed|shared)|top stories|you may also like|recommended|"
    r"sign (?:in|up|out)|log ?(?:in|out)|register|subscribe|follow us|home|next|previous|"
    r"back to top)\b"
)
_BOILERPLATE = re.compile(
    r"(?i)\b(?:newsletter|subscri(?:be|ption)|sign up|signing up|log in|sign in|"
    r"cookies?\b|privacy (?:policy|notice|statement)|terms (?:of|and) (?:use|service|conditions)|"
    r"all rights reserved|readers like you|donat(?:e|ion)|support (?:us|our|independent)|"
    r"contribut(?:e|ion) (?:what|today|now)|paywall|leave a comment|"
    r"comments? (?:policy|community|section)|"
    r"community guidelines|share (?:this|on|via)|follow (?:us|@)|click here|"
    r"download (?:the|our) app|inbox|unsubscribe|your (?:feedback|email)|ad ?choices|"
    r"registered trademarks?|sitemap|site map|you might also like|recommended for you|"
    r"related (?:topics|articles|stories|coverage)|more on this story|more from|"
    r"story continues|continue reading|read (?:more|next|the original)|"
    r"affiliate links?|whatsapp|linkedin|pinterest|facebook|twitter|instagram|"
    r"javascript|your browser|ad blocker|this (?:video|content) is|not available in your|"
    r"modal window|, selected$|copy link|link copied|url copied|news alerts|"
    r"delivered (?:to your inbox|daily|weekday|every))"
)
# Phrases that give away a whole appeal or notice even in a long line.
_STRONG = re.compile(
    r"(?i)\b(?:readers like you|cookies|newsletter|subscribe|by clicking|"
    r"contribute what you can|support (?:us|our journalism|our mission)|advertising revenue|"
    r"all rights reserved|"
    r"terms of (?:use|service)|privacy policy|sign up|affiliate links?|"
    r"may not be (?:published|reproduced)|get (?:the|our) .{0,20}app)\b"
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|:$")
_BYLINE = re.compile(r"^(?i:by|words by|written by|story by)\s+(?P<who>[A-Z][^.!?]{2,80})$")
_DATE_HINT = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}\b|"  # "November 20, 2019", "Nov. 18th 2019"
    r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|"
    r"\b\d{4}-\d{2}-\d{2}\b|"
    r"(?P<dotted>\b\d{1,2}\.\d{1,2}\.\d{4}\b)"  # "18.11.2019": day first, as Europe writes it
)
_WORD = re.compile(r"\w+")
# An appeal or notice is a paragraph, not a whole article run into one line ("... to support US
# air strikes ..." in a one-line story is the news, not a donation appeal).
_NOTICE_WORDS = 150
_TEASER_WORDS = 50  # a headline with its summary is shorter than this; a story paragraph may not be
_TITLE_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "at",
    "by",
    "for",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "vs",
}


@dataclass(frozen=True)
class Line:
    """One non-empty line of a scrape and what it looks like."""

    text: str
    words: int
    prose: bool
    furniture: bool

    @property
    def headline(self) -> bool:
        """Headline-shaped: a short line that is not a sentence and not furniture."""
        return 3 <= self.words <= 25 and not self.furniture and not self.text.endswith(".")


def read_line(text: str) -> Line:
    """Describe one line of text."""
    words = _WORD.findall(text)
    return Line(
        text=text,
        words=len(words),
        prose=_is_prose(text, words),
        furniture=_is_furniture(text, words),
    )


def _is_prose(text: str, words: list[str]) -> bool:
    """Sentence-like: enough words, mostly lower-case, ending like a sentence, few symbols."""
    if len(words) < 7:
        return False
    lower = sum(1 for w in words if w[0].islower()) / len(words)
    letters = sum(ch.isalnum() or ch.isspace() for ch in text) / len(text)
    ends = bool(_SENTENCE_END.search(text)) or len(words) >= 25
    return lower >= 0.3 and letters >= 0.8 and ends and not _teaser(text)


def _teaser(text: str) -> bool:
    """A Title Case headline run into its summary, as in lists of other stories; a long
    paragraph that opens on names ("Head Coach Chris Mack, Athletic Director ...") is a story."""
    words = text.split()
    if len(words) > _TEASER_WORDS:
        return False
    capitals = 0
    for word in words[:8]:
        if word[0].isupper() or word[0].isdigit():
            capitals += 1
        elif word.lower() not in _TITLE_SMALL_WORDS:
            break
        if word.endswith(","):
            break  # a list of names or a dateline: prose punctuation, not a headline
    return capitals >= 6


def _is_furniture(text: str, words: list[str]) -> bool:
    """Page furniture: navigation labels, appeals, notices, share and comment UI."""
    if len(words) <= _NOTICE_WORDS and _STRONG.search(text):
        return True
    if len(words) <= 25 and (_BOILERPLATE.search(text) or _FURNITURE.match(text)):
        return True
    return len(words) <= 6 and bool(
        re.match(r"(?i)^\d+\s+(?:comments?|shares?|photos?|replies)$", text)
    )


def read_byline(text: str) -> str | None:
    """The author named by a "By X" line."""
    match = _BYLINE.match(text.strip())
    if not match:
        return None
    who = re.split(r"\s*(?:\||,\s*(?:updated|published)|\bupdated\b|\bpublished\b)", match["who"])[
        0
    ]
    return who.strip(" ,") or None


def read_date(text: str) -> str | None:
    """An ISO 8601 date from a short dateline such as "November 20, 2019"."""
    if len(text) > 120:
        return None
    hint = _DATE_HINT.search(text)
    if not hint:
        return None
    try:
        day = dateparser.parse(hint.group(0), fuzzy=True, dayfirst=bool(hint["dotted"]))
    except (ValueError, OverflowError):
        return None
    return day.date().isoformat()
