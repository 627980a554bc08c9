"""HTML pages: body and metadata with trafilatura, photos from figures, images and og:image."""

from __future__ import annotations

import logging
import re
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree

from news60.article.captions import (
    read_caption,
    read_dateline_credit,
    read_reporting_credit,
    split_credit,
)
from news60.article.lines import read_byline, read_line
from news60.article.metadata import page_metadata
from news60.article.reporting import read_reporting
from news60.article.text import parse_text
from news60.models import Article, Photo

log = logging.getLogger(__name__)

_SKIP_IMAGE = re.compile(
    r"(?i)logo|icon|avatar|sprite|pixel|spacer|blank|badge|button|\.svg|\.gif|^data:"
)
_CREDIT_CLASS = re.compile(r"(?i)credit|copyright|byline|source|attribution")
_SLIDESHOW = re.compile(r"^[-•]?\s*\d{1,3}/\d{1,3}\s+\w")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "br", "tr", "figcaption", "section", "article")
_MAX_PHOTOS = 12
_MIN_SIDE = 200  # pixels: smaller images are thumbnails, icons or ads


def parse_html(text: str, base: str | None = None) -> Article:
    """Read an article out of an HTML page."""
    url = base if base and base.startswith(("http://", "https://")) else None
    root = _parse_tree(text)
    meta = page_metadata(root) if root is not None else {}
    doc = _extract(text, url)
    if doc is None or not (doc.text or "").strip():
        log.warning("trafilatura found no body; reading the page's visible text instead")
        return parse_text(_visible_text(root) if root is not None else text)
    lines = [" ".join(line.split()) for line in doc.text.splitlines() if line.strip()]
    credits = [c for line in lines[:1] if (c := read_dateline_credit(line))]
    credits += [c for line in lines if (c := read_reporting_credit(line))]
    title = meta.get("title") or doc.title or ""
    body = _body(lines, title)
    page_url = url or meta.get("url") or doc.url
    photos = _photos(root, page_url) if root is not None else ()
    return Article(
        title=title,
        standfirst=meta.get("description") or doc.description or "",
        published=meta.get("published") or doc.date,
        paragraphs=tuple(body),
        photos=photos,
        reporting=read_reporting(meta.get("byline") or _authors(doc.author), credits),
        source_url=page_url,
        language=(meta.get("language") or doc.language or "en").split("-")[0].lower(),
    )


def _body(lines: list[str], title: str) -> list[str]:
    """Body paragraphs: no repeated headline, byline, reporting credit or page furniture."""
    body = []
    for line in lines:
        if read_reporting_credit(line) or _furniture(line) or read_byline(line):
            continue
        if not re.search(r"[^\W\d_]", line) or read_caption(line.lstrip("-• ")):
            continue
        if _SLIDESHOW.match(line):  # "- 3/50 Headline ...": an embedded gallery of other stories
            continue
        if not body and title and line.lower() == title.lower():
            continue
        body.append(line)
    return body


def _parse_tree(text: str):
    """The lxml tree of the page, or None when it cannot be parsed at all."""
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", errors="replace"))
    except (etree.ParserError, ValueError):
        return None


def _extract(text: str, url: str | None):
    """trafilatura's document, or None when it fails on this page."""
    try:
        return trafilatura.bare_extraction(
            text, url=url, with_metadata=True, include_comments=False
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser must not crash ingestion
        log.warning("trafilatura failed on this page (%s)", exc)
        return None


def _furniture(line: str) -> bool:
    """Short labels trafilatura sometimes keeps: "Advertisement", share prompts, sign-up calls."""
    return read_line(line).furniture and len(line.split()) < 20


def _authors(author: str | None) -> str:
    """trafilatura's "A; A; B" as "A, B", dropping repeats that differ only in case."""
    names = [a.strip() for a in (author or "").split(";") if a.strip()]
    unique = {n.lower(): n for n in reversed(names)}
    return ", ".join(dict.fromkeys(unique[n.lower()] for n in names))


def _visible_text(root) -> str:
    """The page's visible text, one block per line, for the plain-text reader."""
    for hidden in root.xpath("//script|//style|//noscript|//template"):
        hidden.drop_tree()
    for block in root.iter(*_BLOCKS):
        # Why: the text reader works line by line, so every block must end its line.
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def _photos(root, page_url: str | None) -> tuple[Photo, ...]:
    """Photos from <figure> (with caption and credit), big <img> elements and og:image."""
    found: dict[str, Photo] = {}
    for figure in root.iter("figure"):
        photo = _figure_photo(figure, page_url)
        if photo and photo.src not in found:
            found[photo.src] = photo
    for img in root.iter("img"):
        src = _image_src(img, page_url)
        if src and src not in found and _big_enough(img):
            caption, credit = split_credit(img.get("alt") or img.get("title") or "")
            found[src] = Photo(src=src, caption=caption, credit=credit)
    og = root.xpath("//meta[@property='og:image' or @name='og:image']/@content")
    if og and not found:
        src = _absolute(page_url, og[0].strip())
        alt = root.xpath("//meta[@property='og:image:alt']/@content")
        found[src] = Photo(src=src, caption=split_credit(alt[0])[0] if alt else "", credit="")
    return tuple(found.values())[:_MAX_PHOTOS]


def _figure_photo(figure, page_url: str | None) -> Photo | None:
    """One figure's image, its caption and the credit split out of it."""
    img = next(iter(figure.iter("img")), None)
    src = _image_src(img, page_url) if img is not None else None
    if src is None:
        return None
    captions = figure.xpath(".//figcaption")
    if not captions:
        caption, credit = split_credit(img.get("alt") or "")
        return Photo(src=src, caption=caption, credit=credit)
    credit_nodes = captions[0].xpath(".//*[@class]")
    credit = ""
    for node in credit_nodes:
        if _CREDIT_CLASS.search(node.get("class", "")):
            credit = " ".join(node.text_content().split())
            node.drop_tree()
            break
    caption, found_credit = split_credit(captions[0].text_content())
    return Photo(src=src, caption=caption, credit=_tidy(credit) or found_credit)


def _tidy(credit: str) -> str:
    """A credit without its "Credit" or "Photo:" label."""
    photo = read_caption(f". {credit}") if credit else None
    return photo.credit if photo and photo.credit else credit.strip()


def _image_src(img, page_url: str | None) -> str | None:
    """The image's real address (lazy-loading attributes first), absolute; None for icons."""
    for attr in ("data-src", "data-original", "data-lazy-src", "src", "srcset", "data-srcset"):
        value = (img.get(attr) or "").strip()
        if value:
            src = value.split(",")[0].split()[0] if "srcset" in attr else value
            if _SKIP_IMAGE.search(src):
                return None
            return _absolute(page_url, src)
    return None


def _absolute(page_url: str | None, src: str) -> str:
    """`src` resolved against the page's address; as written when either is malformed."""
    try:
        return urljoin(page_url or "", src)
    except ValueError:
        return src


def _big_enough(img) -> bool:
    """Inline images count only when their declared size says they are not thumbnails."""
    sizes = [img.get("width", ""), img.get("height", "")]
    numbers = [int(s) for s in sizes if s.isdigit()]
    return bool(numbers) and min(numbers) >= _MIN_SIDE
