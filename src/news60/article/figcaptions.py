"""The caption and the credit of one photo's markup: data attributes, classes, itemprops, alt text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from news60.article.captions import clean_credit, split_credit
from news60.article.markup import element_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Class or itemprop words of a caption, and of a credit (a credit word wins: "caption-credit").
CAPTION = re.compile(r"(?i)caption|cutline|legend|description|figcaption|dek|summary")
CREDIT = re.compile(
    r"(?i)credit|copyright|photographer|attribution|courtesy|creator|author|byline|source"
)
# Alt text that is a file name says nothing about the photo ("bandb2.jpg", "IMG_2041").
_FILENAME = re.compile(r"(?i)^[\w.-]+\.(?:jpe?g|png|gif|webp)$|^(?:img|dsc|photo)[-_]?\d+$")


def photo_words(holder: HtmlElement, title: str) -> tuple[str, str]:
    """(caption, credit) from data attributes, marked-up parts, then the image's alt text."""
    caption, credit = _data_words(holder)
    parts_caption, parts_credit = _marked_words(holder)
    caption = caption or parts_caption
    credit = credit or parts_credit
    if not caption:
        caption = _alt_text(holder, title)
    split_caption, split_found = split_credit(caption)
    if split_found and (not credit or split_found in credit or credit in split_found):
        return split_caption, credit or split_found
    return (split_caption if not credit else caption), credit or split_found


def _data_words(holder: HtmlElement) -> tuple[str, str]:
    """data-caption / data-credit style attributes on the holder or its images."""
    caption = credit = ""
    for node in [holder, *holder.iter("img")]:
        for name, value in node.attrib.items():
            if not name.startswith("data-") or not value.strip() or _address(value):
                continue  # "data-source-standard" holds a URL, not a credit
            if not caption and CAPTION.search(name):
                caption = " ".join(value.split())
            elif not credit and CREDIT.search(name):
                credit = clean_credit(value)
    return caption, credit


def _marked_words(holder: HtmlElement) -> tuple[str, str]:
    """Caption and credit from <figcaption> and elements whose class or itemprop names them."""
    credit_parts = _credit_parts(holder)
    credit = clean_credit(" ".join(element_text(n) for n in credit_parts))
    captions = [n for n in holder.iter() if _role(n) == "caption" and n not in credit_parts]
    for node in captions:
        caption = element_text(node, skip=credit_parts)
        if caption:
            return caption, credit
    return "", credit


def _credit_parts(node: HtmlElement) -> list[HtmlElement]:
    """The outermost credit elements, looking inside a "credit" box that holds the caption too
    (CityLab's <figcaption class="c-lead-image__credit"> around caption and attribution)."""
    parts: list[HtmlElement] = []
    for child in node:
        if _role(child) == "credit" and not any(
            _role(d) == "caption" for d in child.iterdescendants()
        ):
            parts.append(child)
        elif isinstance(child.tag, str):
            parts += _credit_parts(child)
    return parts


def _role(node: HtmlElement) -> str | None:
    """ "credit", "caption" or None, from the tag, class and itemprop (a credit class wins:
    Ars's "caption-credit"); links are never captions (Ars's "caption-link" is the credit)."""
    if not isinstance(node.tag, str) or node.tag in {"img", "a"}:
        return None
    if names(node, CREDIT):
        return "credit"
    return "caption" if node.tag == "figcaption" or names(node, CAPTION) else None


def _alt_text(holder: HtmlElement, title: str) -> str:
    """The image's alt or title text when it describes the photo (not a file name or the headline)."""
    for img in holder.iter("img"):
        alt = " ".join((img.get("alt") or img.get("title") or "").split())
        if len(alt.split()) >= 2 and not _FILENAME.match(alt) and alt.lower() != title.lower():
            return alt
    return ""


def names(node: HtmlElement, pattern: re.Pattern[str]) -> bool:
    if not isinstance(node.tag, str):
        return False
    return bool(pattern.search(f"{node.get('class') or ''} {node.get('itemprop') or ''}"))


def _address(value: str) -> bool:
    return "://" in value or value.startswith("/")
