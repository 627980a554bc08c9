"""Where the article sits in a page: the element holding its headline and body, and the parts
inside it that belong to something else (related stories, ads, share bars, author cards)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Class, id, role or label words of page parts that are not the story's own photos: lists of
# other stories ("More stories", "Most read"), ads and sponsored boxes, social and author furniture.
_ELSEWHERE = re.compile(
    r"(?i)related|recirc|more[-_ ]?(?:stories|from|on|news|articles|like)|recommend|read[-_ ]?next|"
    r"up[-_ ]?next|next[-_ ]?(?:post|article|story)|most[-_ ]?(?:popular|read|viewed|shared|emailed)|popular|trending|teaser|"
    r"(?:^|\s)promo|outbrain|taboola|sponsor|partner|advert|(?:^|[-_ ])ads?(?:$|[-_ ])|ad[-_]?(?:slot|unit|"
    r"container|wrapper)|dfp|gpt-|doubleclick|newsletter|subscribe|social|share|comment|"
    r"author|byline|avatar|profile|(?:^|[-_ ])bio(?:$|[-_ ])|sidebar|(?:^|[-_ ])rail|widget|"
    r"footer|(?:^|[-_ ])nav|menu|breadcrumb|masthead|banner|ballyhoo|storylist|story-list|"
    r"list-of-entities|collection|carousel-related|video-?promo|thumbnails?holder|othergalleries|logo"
)
# ("promo" only at a class's start: a gallery's "wp-volt-gal-promo-stub" is the story's own.)
_OUTSIDE_TAGS = {"aside", "nav", "footer", "form", "button", "select"}
_BLOCKS = ("p", "li", "blockquote", "h2", "h3", "h4", "div", "span", "td")
_COVER = 0.7  # share of the matched paragraphs the article element must hold (strays elsewhere)
_PROBE = 60  # characters of a paragraph used to find it in the page
_WIDEST = 2.0  # the headline's container may hold at most this much more text than the body's


def article_element(root: HtmlElement, paragraphs: list[str], title: str) -> HtmlElement:
    """The element holding the story: the body's paragraphs and, when close, its headline."""
    body = body_element(root, paragraphs)
    if body is None:
        page_body = root.find("body")
        return page_body if page_body is not None else root
    heading = _headline(root, title)
    if heading is None:
        return body
    common = _common_ancestor(body, heading)
    if common.tag in {"body", "html"} or _text_size(common) > _WIDEST * _text_size(body):
        return body  # the headline sits in a page-wide header: the body alone is the article
    return common


def byline_scope(root: HtmlElement, area: HtmlElement, title: str) -> HtmlElement:
    """Where a byline may sit: from the headline to the end of the article element, however
    wide (the Post prints its byline beside, not inside, the <article>)."""
    heading = _headline(root, title)
    if heading is None:
        parent = area.getparent()
        return parent if parent is not None else area
    return _common_ancestor(area, heading)


def body_element(root: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The deepest element holding most of the body's paragraphs, or None when none is found."""
    probes = {_norm(p)[:_PROBE] for p in paragraphs if len(_norm(p)) >= 30}
    if not probes:
        return None
    found: list[HtmlElement] = []
    for element in root.iter(*_BLOCKS):
        own = _norm(element.text_content())[:_PROBE]
        if own in probes:
            found.append(element)
    found = [e for e in found if not any(c in found for c in e.iterdescendants(*_BLOCKS))]
    if not found:
        return None
    counts: Counter[HtmlElement] = Counter()
    for element in found:
        for ancestor in element.iterancestors():
            counts[ancestor] += 1
    need = _COVER * len(found)
    holders = [a for a, n in counts.items() if n >= need]
    return max(holders, key=_depth) if holders else None


def elsewhere(element: HtmlElement, stop: HtmlElement | None) -> bool:
    """True when `element` sits in a part of the page that is not the story (up to `stop`)."""
    for node in [element, *element.iterancestors()]:
        if node is stop:
            return False
        if node.tag in _OUTSIDE_TAGS or _ELSEWHERE.search(_labels(node)):
            return True
    return False


def _labels(node: HtmlElement) -> str:
    """The words a page uses to say what an element is: class, id, role, aria-label, data-type."""
    return " ".join(
        node.get(a) or ""
        for a in ("class", "id", "role", "aria-label", "itemprop", "data-module", "data-component")
    )


def _headline(root: HtmlElement, title: str) -> HtmlElement | None:
    """The <h1> that shows the story's title (or the only <h1>)."""
    headings = list(root.iter("h1"))
    wanted = _norm(title)
    for heading in headings:
        text = _norm(heading.text_content())
        if wanted and text and (text in wanted or wanted in text):
            return heading
    return headings[0] if len(headings) == 1 else None


def _common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    """The deepest element holding both."""
    chain = [a, *a.iterancestors()]  # held in a list: lxml keeps one proxy per live element
    for node in [b, *b.iterancestors()]:
        if any(node is x for x in chain):
            return node
    return a.getroottree().getroot()


def _text_size(element: HtmlElement) -> int:
    return len(_norm(element.text_content()))


def _depth(element: HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()
