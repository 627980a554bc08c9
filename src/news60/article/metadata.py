"""Metadata a page declares for machines: meta tags, JSON-LD, <html lang>, its <h1>."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

from dateutil import parser as dateparser

from news60.article.kinds import declared_kind, url_path

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_META = {
    "title": ("og:title", "twitter:title", "headline", "dc.title"),
    "description": ("og:description", "description", "twitter:description", "dc.description"),
    "byline": (
        "author",
        "article:author",
        "og:article:author",
        "byl",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
    ),
    "published": (
        "article:published_time",
        "article:published",
        "datepublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    ),
    "modified": (
        "article:modified_time",
        "article:modified",
        "og:updated_time",
        "datemodified",
        "dc.date.modified",
        "lastmod",
    ),
    "url": ("og:url",),
}
# Where pages file a story (its kind shows here: "Opinion", "Reviews", "Sponsored").
_SECTION_TAGS = ("article:section", "og:article:section", "section", "parsely-section", "genre")
_ARTICLE_TYPES = re.compile(r"(?i)article|posting|report|blog")
# Some CMSs wrap the JSON in <![CDATA[ ... ]]> inside the script element (the Guardian's, Vox's).
_CDATA = re.compile(r"^\s*<!\[CDATA\[|\]\]>\s*$")
# A date as a path: "/2019/11/19/slug", "/story/2019-11-19/slug".
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:/|$|-)")


def page_metadata(root: HtmlElement) -> dict[str, str]:
    """Title, description, byline, published and modified (ISO dates), url, language, the kind of
    story and the JSON-LD articleBody, where the page says."""
    tags = _meta_tags(root)
    ld = _json_ld(root)
    found: dict[str, str] = {}
    for key, names in _META.items():
        value = ld.get(key) or next((tags[n] for n in names if tags.get(n)), "")
        if value:
            found[key] = value
    if "byline" in found:
        found["byline"] = _clean_byline(found["byline"])
    for key in ("published", "modified"):
        if key in found:
            found[key] = iso_date(found[key]) or ""
    canonical = root.xpath("//link[@rel='canonical']/@href")
    found.setdefault("url", canonical[0].strip() if canonical else "")
    if not found.get("published") and (dated := url_date(found["url"])):
        found["published"] = dated
    sections = [*ld.get("sections", []), *(tags[n] for n in _SECTION_TAGS if tags.get(n))]
    found["kind"] = declared_kind(ld.get("types", []), sections, found["url"])
    found["body"] = ld.get("body", "")
    lang = root.get("lang") or root.get("xml:lang") or ""
    found["language"] = lang.strip()
    return {k: v for k, v in found.items() if v}


def page_images(root: HtmlElement) -> list[dict[str, str]]:
    """The story's images as the page declares them for machines: JSON-LD ImageObjects (url,
    caption, credit), then og:image and twitter:image with their alt text."""
    images: list[dict[str, str]] = []
    for item in _article_items(root):
        for image in _as_list(item.get("image")) + _as_list(item.get("associatedMedia")):
            found = _image_object(image)
            if found:
                images.append(found)
    tags = _meta_tags(root)
    for name in ("og:image", "og:image:url", "og:image:secure_url", "twitter:image"):
        if tags.get(name):
            alt = tags.get(f"{name.split(':')[0]}:image:alt", "")
            images.append({"url": tags[name], "caption": alt, "credit": ""})
    return images


def _image_object(image: object) -> dict[str, str] | None:
    """url, caption and credit of a JSON-LD image: a URL string or an ImageObject."""
    if isinstance(image, str):
        return {"url": image.strip(), "caption": "", "credit": ""}
    if not isinstance(image, dict):
        return None
    url = _text(image.get("url")) or _text(image.get("contentUrl"))
    if not url:
        return None
    credit = (
        _text(image.get("creditText"))
        or _names(image.get("copyrightHolder"))
        or _names(image.get("creator"))
        or _names(image.get("author"))
    )
    caption = _text(image.get("caption")) or _text(image.get("description"))
    return {"url": url, "caption": caption, "credit": credit}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def url_date(url: str) -> str | None:
    """The date in a story's address ("/2019/11/19/", "/story/2019-11-19/") as YYYY-MM-DD."""
    match = _URL_DATE.search(url_path(url))
    if not match:
        return None
    try:
        return dt.date(*(int(match[k]) for k in ("y", "m", "d"))).isoformat()
    except ValueError:  # "/2019/13/45/": numbers, not a date
        return None


def iso_date(value: str) -> str | None:
    """The calendar date in `value` as YYYY-MM-DD, or None."""
    try:
        return dateparser.parse(value.strip(), fuzzy=True).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...> as a lower-cased name -> content map."""
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if name and content:
            tags.setdefault(name, content)
    return tags


def _json_ld(root: HtmlElement) -> dict[str, Any]:
    """headline, description, author, dates, url, types, sections and articleBody of the page's
    JSON-LD article; the types of every article object on the page (a Review beside an Article)."""
    objects = _ld_objects(root)
    items = [i for i in objects if _ARTICLE_TYPES.search(str(i.get("@type", "")))]
    if not items:
        return {}
    item = items[0]
    return {
        "title": _text(item.get("headline")),
        "description": _text(item.get("description")),
        "byline": _names(item.get("author")),
        "published": _text(item.get("datePublished")),
        "modified": _text(item.get("dateModified")),
        "url": _text(item.get("url")),
        "types": [t for i in objects for t in _as_list(i.get("@type")) if isinstance(t, str)],
        "sections": [s for i in items for s in _as_list(i.get("articleSection")) if _text(s)],
        "body": next((b for i in items if (b := _body_text(i.get("articleBody")))), ""),
    }


def _body_text(value: object) -> str:
    """An articleBody with its paragraphs kept (blank lines between them), or ""."""
    if not isinstance(value, str):
        return ""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", value)]
    return "\n\n".join(p for p in paragraphs if p)


def _article_items(root: HtmlElement) -> list[dict[str, Any]]:
    """The page's JSON-LD objects of an article type (NewsArticle, BlogPosting, Report ...)."""
    return [i for i in _ld_objects(root) if _ARTICLE_TYPES.search(str(i.get("@type", "")))]


def _ld_objects(root: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, in page order."""
    found: list[dict[str, Any]] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(_CDATA.sub("", script.text_content()))
        except ValueError:
            continue
        found += _items(data)
    return found


def _items(data: Any) -> list[dict[str, Any]]:
    """Every object in a JSON-LD document, including those in @graph and lists."""
    if isinstance(data, list):
        return [i for d in data for i in _items(d)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _names(author: Any) -> str:
    """Author names from a JSON-LD author field (a string, an object or a list of them)."""
    authors = author if isinstance(author, list) else [author]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
    return ", ".join(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))


def _text(value: object) -> str:
    """A JSON-LD value as one line of text."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _clean_byline(byline: str) -> str:
    """A byline without "By " and without a URL in place of a name."""
    if byline.startswith(("http://", "https://")):
        return ""
    return re.sub(r"(?i)^by\s+", "", byline).strip()
