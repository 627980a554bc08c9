"""The byline a page shows its readers: the element marked as the story's byline or author."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from news60.article.markup import element_text
from news60.article.reporting import byline_names

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Class, itemprop or rel words of a byline: "byline", "pb-byline", itemprop="author", rel="author".
_BYLINE = re.compile(r"(?i)byline|\bbyl\b|author|writer|contributor|reporter")
# Lists and page furniture where other stories' bylines sit (Salon's sidebar, "More from").
_ELSEWHERE_TAGS = {"li", "aside", "nav", "footer"}
_ELSEWHERE = re.compile(
    r"(?i)related|recirc|more|recommend|popular|trending|teaser|promo|rail|comment"
)
# Class words of the writer's title or biography inside a byline box ("byline__title", "title vcard").
_TITLE = re.compile(r"(?i)(?:^|[\s_-])(?:title|role|job|position|bio|description)(?:$|[\s_-])")
_LONGEST_WORD = 24  # characters of a class word that names a part ("pb-byline", "byline-author")
_LONGEST = 160  # characters: a byline longer than this is an author's biography


def shown_byline(area: HtmlElement) -> str:
    """The first byline in the article element with a person in it, or "". The writer's title in
    the byline's box ("BuzzFeed News Reporter", "Seattle Times business reporter") is not read."""
    for element in area.iter():
        if not isinstance(element.tag, str) or not _marked(element):
            continue
        titles = [d for d in element.iterdescendants() if _TITLE.search(_words(d))]
        text = element.get("content") if element.tag == "meta" else element_text(element, titles)
        text = " ".join((text or "").split())
        if text and len(text) <= _LONGEST and byline_names(text) and not _elsewhere(element, area):
            return text
    return ""


def _words(element: HtmlElement) -> str:
    """The element's class words, or "" for a comment or processing instruction."""
    return (element.get("class") or "") if isinstance(element.tag, str) else ""


def _marked(element: HtmlElement) -> bool:
    """Named a byline by one of its class words, its itemprop, rel or id (a page's <html> class
    list "flag-multipleBylines-on" is a feature switch, not a byline)."""
    words = " ".join(element.get(a) or "" for a in ("class", "itemprop", "rel", "id")).split()
    return any(_BYLINE.search(w) and len(w) <= _LONGEST_WORD for w in words)


def _elsewhere(element: HtmlElement, area: HtmlElement) -> bool:
    """In a list or box of other stories, between the element and the article element."""
    for node in element.iterancestors():
        if node is area:
            return False
        if node.tag in _ELSEWHERE_TAGS or _ELSEWHERE.search(node.get("class") or ""):
            return True
    return False
