"""Text of HTML elements as a reader sees it: words in separate elements stay separate words."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Inline formatting runs inside a word or phrase; every other element boundary separates words
# (NYT's hidden <span>Credit</span><span>Chang W. Lee</span> must not read "CreditChang W. Lee").
_INLINE = {"a", "b", "i", "em", "strong", "u", "sup", "sub", "small", "abbr", "mark", "cite", "q"}
_HIDDEN = {"script", "style", "noscript", "template", "button", "svg"}


def element_text(element: HtmlElement, skip: Iterable[HtmlElement] = ()) -> str:
    """The element's visible text, whitespace collapsed, leaving out the elements in `skip`."""
    pieces: list[str] = []
    _collect(element, set(map(id, skip)), pieces)
    return " ".join("".join(pieces).split())


def _collect(element: HtmlElement, skip: set[int], pieces: list[str]) -> None:
    if id(element) in skip or not isinstance(element.tag, str) or element.tag in _HIDDEN:
        return
    gap = "" if element.tag in _INLINE else " "
    pieces.append(gap + (element.text or ""))
    for child in element:
        _collect(child, skip, pieces)
        pieces.append(child.tail or "")
    pieces.append(gap)
