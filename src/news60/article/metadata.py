"""Metadata a page declares for machines: meta tags, JSON-LD, <html lang>, its <h1>."""

from __future__ import annotations

import json
import re

from dateutil import parser as dateparser

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
        "datepublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    ),
    "url": ("og:url",),
}
_ARTICLE_TYPES = re.compile(r"(?i)article|posting|report|blog")


def page_metadata(root) -> dict[str, str]:
    """Title, description, byline, published (ISO date), url and language, where the page says."""
    tags = _meta_tags(root)
    ld = _json_ld(root)
    found: dict[str, str] = {}
    for key, names in _META.items():
        value = ld.get(key) or next((tags[n] for n in names if tags.get(n)), "")
        if value:
            found[key] = value
    if "byline" in found:
        found["byline"] = _clean_byline(found["byline"])
    if "published" in found:
        found["published"] = iso_date(found["published"]) or ""
    canonical = root.xpath("//link[@rel='canonical']/@href")
    found.setdefault("url", canonical[0].strip() if canonical else "")
    lang = root.get("lang") or root.get("xml:lang") or ""
    found["language"] = lang.strip()
    return {k: v for k, v in found.items() if v}


def page_images(root) -> list[dict[str, str]]:
    """The story's images as the page declares them for machines: JSON-LD ImageObjects (url,
    caption, credit), then og:image and twitter:image with their alt text."""
    images = []
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


def _image_object(image) -> dict[str, str] | None:
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


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value] if value else []


def iso_date(value: str) -> str | None:
    """The calendar date in `value` as YYYY-MM-DD, or None."""
    try:
        return dateparser.parse(value.strip(), fuzzy=True).date().isoformat()
    except (ValueError, OverflowError, TypeError):
        return None


def _meta_tags(root) -> dict[str, str]:
    """<meta name|property|itemprop=... content=...> as a lower-cased name -> content map."""
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if name and content:
            tags.setdefault(name, content)
    return tags


def _json_ld(root) -> dict[str, str]:
    """headline, description, author, datePublished and url of the page's JSON-LD article."""
    for item in _article_items(root):
        return {
            "title": _text(item.get("headline")),
            "description": _text(item.get("description")),
            "byline": _names(item.get("author")),
            "published": _text(item.get("datePublished")),
            "url": _text(item.get("url")),
        }
    return {}


def _article_items(root) -> list[dict]:
    """The page's JSON-LD objects of an article type (NewsArticle, BlogPosting, Report ...)."""
    found = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        found += [i for i in _items(data) if _ARTICLE_TYPES.search(str(i.get("@type", "")))]
    return found


def _items(data) -> list[dict]:
    """Every object in a JSON-LD document, including those in @graph and lists."""
    if isinstance(data, list):
        return [i for d in data for i in _items(d)]
    if isinstance(data, dict):
        return [data, *_items(data.get("@graph", []))]
    return []


def _names(author) -> str:
    """Author names from a JSON-LD author field (a string, an object or a list of them)."""
    authors = author if isinstance(author, list) else [author]
    names = [a.get("name") if isinstance(a, dict) else a for a in authors]
    return ", ".join(dict.fromkeys(n.strip() for n in names if isinstance(n, str) and n.strip()))


def _text(value) -> str:
    """A JSON-LD value as one line of text."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _clean_byline(byline: str) -> str:
    """A byline without "By " and without a URL in place of a name."""
    if byline.startswith(("http://", "https://")):
        return ""
    return re.sub(r"(?i)^by\s+", "", byline).strip()
