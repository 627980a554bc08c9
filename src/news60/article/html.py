"""HTML pages: body and metadata with trafilatura, photos from figures, images and og:image."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from news60.article.blockquotes import blockquoted, marked_as_quotes
from news60.article.bylines import shown_byline
from news60.article.captions import (
    clean_credit,
    read_caption,
    read_dateline_credit,
    read_reporting_credit,
    split_credit,
)
from news60.article.figures import Found, merge, page_photos
from news60.article.images import absolute, not_a_photo
from news60.article.kinds import NEWS, titled_kind
from news60.article.lines import read_byline, read_line
from news60.article.metadata import page_images, page_metadata
from news60.article.pagearea import article_element, byline_scope
from news60.article.reporting import read_partner_credit, read_reporting
from news60.article.text import parse_text
from news60.models import Article, Photo

log = logging.getLogger(__name__)

STORY_WORDS = 25  # fewer words of body than this is not a story
_SLIDESHOW = re.compile(r"^[-•]?\s*\d{1,3}/\d{1,3}\s+\w")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr", "figcaption", "section", "article")


def parse_html(text: str, base: str | None = None) -> Article:
    """Read an article out of an HTML page."""
    url = base if base and base.startswith(("http://", "https://")) else None
    root = _parse_tree(text)
    meta = page_metadata(root) if root is not None else {}
    doc = _extract(text, url)
    if doc is None or not doc.text or not doc.text.strip():
        log.warning("trafilatura found no body; reading the page's visible text instead")
        return _declared(parse_text(_visible_text(root) if root is not None else text), meta)
    lines = [" ".join(line.split()) for line in doc.text.splitlines() if line.strip()]
    credits = [c for line in lines[:1] if (c := read_dateline_credit(line))]
    credits += [c for line in lines if (c := read_reporting_credit(line))]
    partners = [p for line in lines if (p := read_partner_credit(line))]
    kind, title = titled_kind(meta.get("title") or doc.title or "")
    body = _body(lines, title)
    if root is not None:
        body = marked_as_quotes(body, blockquoted(root))
    page_url = url or meta.get("url") or doc.url
    area = article_element(root, lines, title) if root is not None else None
    photos = _photos(root, area, title, page_url) if root is not None and area is not None else ()
    scope = byline_scope(root, area, title) if root is not None and area is not None else None
    byline = (shown_byline(scope) if scope is not None else "") or meta.get("byline")
    article = Article(
        title=title,
        standfirst=meta.get("description") or doc.description or "",
        published=meta.get("published") or doc.date,
        paragraphs=tuple(body),
        photos=photos,
        reporting=read_reporting(byline or _authors(doc.author), credits, partners),
        source_url=page_url,
        language=(meta.get("language") or doc.language or "en").split("-")[0].lower(),
        modified=meta.get("modified"),
        kind=meta.get("kind", NEWS) if kind == NEWS else kind,
    )
    return _with_declared_body(article, meta)


def _declared(article: Article, meta: dict[str, str]) -> Article:
    """A page read as visible text, with what its metadata declares: dates, kind and the JSON-LD
    articleBody when the visible text held too little."""
    kind, title = titled_kind(article.title or meta.get("title", ""))
    article = replace(
        article,
        title=title,
        published=meta.get("published") or article.published,
        modified=meta.get("modified"),
        kind=meta.get("kind", NEWS) if kind == NEWS else kind,
        source_url=article.source_url or meta.get("url"),
    )
    return _with_declared_body(article, meta)


def _with_declared_body(article: Article, meta: dict[str, str]) -> Article:
    """The JSON-LD articleBody in place of a body too short to be the story (a page whose text is
    drawn by scripts, or hidden behind a consent wall, still declares it for search engines)."""
    declared = tuple(p for p in meta.get("body", "").split("\n\n") if p)
    if _words(article.paragraphs) >= STORY_WORDS or _words(declared) < STORY_WORDS:
        return article
    log.info("the page's text is too short; reading its JSON-LD articleBody instead")
    return replace(article, paragraphs=declared)


def _words(paragraphs: tuple[str, ...]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _body(lines: list[str], title: str) -> list[str]:
    """Body paragraphs: no repeated headline, byline, reporting or partner credit, or page
    furniture."""
    body: list[str] = []
    for line in lines:
        if read_reporting_credit(line) or read_partner_credit(line) or _furniture(line):
            continue
        if read_byline(line):
            continue
        if not re.search(r"[^\W\d_]", line) or read_caption(line.lstrip("-• ")):
            continue
        if _SLIDESHOW.match(line):  # "- 3/50 Headline ...": an embedded gallery of other stories
            continue
        if not body and title and line.lower() == title.lower():
            continue
        body.append(line)
    return body


def _parse_tree(text: str) -> lxml.html.HtmlElement | None:
    """The lxml tree of the page, or None when it cannot be parsed at all."""
    try:
        # Bytes with the encoding named: a page without <meta charset> is otherwise read as Latin-1.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _extract(text: str, url: str | None) -> Document | None:
    """trafilatura's document, or None when it fails on this page."""
    try:
        doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - a third-party parser must not crash ingestion
        log.warning("trafilatura failed on this page (%s)", exc)
        return None
    return doc if isinstance(doc, Document) else None  # a dict only with as_dict=True


def _furniture(line: str) -> bool:
    """Short labels trafilatura sometimes keeps: "Advertisement", share prompts, sign-up calls."""
    return read_line(line).furniture and len(line.split()) < 20


def _authors(author: str | None) -> str:
    """trafilatura's "A; A; B" as "A, B", dropping repeats that differ only in case."""
    names = [a.strip() for a in (author or "").split(";") if a.strip()]
    unique = {n.lower(): n for n in reversed(names)}
    return ", ".join(dict.fromkeys(unique[n.lower()] for n in names))


def _visible_text(root: lxml.html.HtmlElement) -> str:
    """The page's visible text, one block per line, for the plain-text reader."""
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    for block in root.iter(*_BLOCKS):
        # Why: the text reader works line by line, so every block must end its line.
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def _photos(
    root: lxml.html.HtmlElement, area: lxml.html.HtmlElement, title: str, page_url: str | None
) -> tuple[Photo, ...]:
    """The article's own photos, with the page's machine-readable images to fill the gaps."""
    declared = [
        Found((absolute(page_url, i["url"]),), *split_credit_pair(i["caption"], i["credit"]))
        for i in page_images(root)
        if i["url"].strip() and not not_a_photo(i["url"])
    ]
    return merge(page_photos(area, page_url, title), declared)


def split_credit_pair(caption: str, credit: str) -> tuple[str, str]:
    """A declared caption and credit, with a credit left inside the caption moved out."""
    text, found = split_credit(caption)
    return text, clean_credit(credit) or found
