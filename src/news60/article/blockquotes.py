"""Words a page sets in a blockquote: someone's, not the reporter's, so marked as a quote."""

from __future__ import annotations

from collections.abc import Sequence

import lxml.html

# A paragraph holding a double quote mark already says whose words are whose ('" Essentially,
# ..." Michael Shadlen, Ph.D.'), so it is left as it is.
_DOUBLE_MARKS = ('"', "“", "”")
# A blockquote's paragraph shorter than this is its credit ("Michael Shadlen, Ph.D."), not words.
QUOTE_WORDS = 5


def blockquoted(root: lxml.html.HtmlElement) -> frozenset[str]:
    """The text of every paragraph inside the page's blockquotes (of the blockquote itself
    when it has none), its spaces normalised."""
    texts: set[str] = set()
    for quote in root.iter("blockquote"):
        blocks = quote.findall(".//p") or [quote]
        texts.update(" ".join(block.text_content().split()) for block in blocks)
    return frozenset(t for t in texts if t)


def marked_as_quotes(paragraphs: Sequence[str], quoted: frozenset[str]) -> list[str]:
    """The body with each paragraph the page set in a blockquote in quotation marks: "The
    vulnerability stems from the fact that the client is allowed ..." (a programmer's blog
    post, quoted at length by Ars Technica) was said as the newsreader's own words. Marked, it
    is said only beside its speaker. Only a paragraph the same as one of the blockquote's is
    marked: a pull quote repeats part of a paragraph, never a whole one of the story."""
    return [f"“{text}”" if _words_quoted(text, quoted) else text for text in paragraphs]


def _words_quoted(text: str, quoted: frozenset[str]) -> bool:
    marked = any(mark in text for mark in _DOUBLE_MARKS)
    return text in quoted and not marked and len(text.split()) >= QUOTE_WORDS
