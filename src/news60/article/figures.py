"""The article's own photos in a page's markup, each with its caption and its credit split apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from news60.article.figcaptions import CAPTION, CREDIT, names, photo_words
from news60.article.images import absolute as _absolute
from news60.article.images import image_key, image_urls, is_photo_url, not_a_photo, same_image
from news60.article.pagearea import elsewhere
from news60.models import Photo

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Slideshows (the Post's "wp-volt-gal"): only the first slide shows until a reader clicks.
_GALLERY = re.compile(r"(?i)gallery|slideshow|carousel|slider")
# Video players: BBC's "Media caption" labels a clip, never a photo.
_VIDEO_LABEL = re.compile(r"(?i)^\s*(?:media caption|video caption|watch|play video)\b")
# An image whose only words are "Advertisement" is an ad (a doubleclick slot in the body).
_AD_LABEL = re.compile(r"(?i)^\s*(?:advertisement|advert|sponsored|ad)\s*$")
_MIN_SIDE = 120  # px: a declared size below this is a thumbnail, an icon or a rule line
_MAX_PHOTOS = 12  # more than a minute of video can show
_HIDDEN_STYLE = re.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")  # tracking pixels
_LINK_DEPTH = 4  # an <a> this close above an image makes the image the link
_STRIP = 3  # list items with photos: a list this long is a gallery strip or a list of stories
_MAX_BOX_TEXT = 600  # characters: more than a caption and its credit
_MAX_IMAGES_IN_HOLDER = 2  # a photo's holder may carry a desktop and a mobile <img>


@dataclass(frozen=True)
class Found:
    """One photo as read from the markup, before merging copies of it."""

    urls: tuple[str, ...]
    caption: str
    credit: str
    gallery: object = None  # the slideshow it belongs to, if any


def page_photos(area: HtmlElement, page_url: str | None, title: str) -> list[Found]:
    """Every photo in the article element `area`, in page order, without related stories or ads."""
    found: list[Found] = []
    seen: set[HtmlElement] = set()
    for element in area.iter():
        if element in seen or not isinstance(element.tag, str) or not _is_holder(element):
            continue
        holder = element if element.tag == "figure" else _widen(element, area)
        seen.update(holder.iter())
        photo = read_holder(holder, page_url, title)
        if photo is not None and not _outside(element, holder, area):
            found.append(photo)
    return _first_slides(found)


def _outside(element: HtmlElement, holder: HtmlElement, area: HtmlElement) -> bool:
    """The photo or any of its images sits in a related-stories list, an ad or page furniture."""
    return elsewhere(element, area) or any(elsewhere(i, area) for i in holder.iter("img"))


def read_holder(holder: HtmlElement, page_url: str | None, title: str) -> Found | None:
    """A holder's photo URLs, caption and credit, or None for videos, ads and thumbnails."""
    urls = _holder_urls(holder, page_url)
    if not urls or _too_small(holder) or _teaser(holder, page_url):
        return None
    caption, credit = photo_words(holder, title)
    if _VIDEO_LABEL.match(caption) or _AD_LABEL.match(caption):
        return None
    return Found(tuple(urls), caption, credit, _gallery(holder))


def merge(found: list[Found], extra: Sequence[Found] = ()) -> tuple[Photo, ...]:
    """One Photo per image: copies at other sizes merged, their captions and credits combined."""
    groups: list[list[Found]] = []
    for item in [*found, *extra]:
        keys = [image_key(u) for u in item.urls]
        for group in groups:
            if any(same_image(k, image_key(u)) for k in keys for g in group for u in g.urls):
                group.append(item)
                break
        else:
            if item in extra and groups:
                continue  # a page-level image (og:image) that matches no figure: a social crop
            groups.append([item])
    return tuple(_combine(group) for group in groups)[:_MAX_PHOTOS]


def _combine(group: list[Found]) -> Photo:
    """The first copy's address; the longest caption and the first credit any copy gives."""
    caption = max((g.caption for g in group), key=len)
    credit = next((g.credit for g in group if g.credit), "")
    return Photo(src=group[0].urls[0], caption=caption, credit=credit)


def _is_holder(element: HtmlElement) -> bool:
    """A <figure>, <img>, <picture> or <video>, a schema.org ImageObject, a slide with
    data-caption, or a video player naming its poster frame in a data attribute."""
    if element.tag in {"figure", "img", "video", "picture"}:
        return True
    if "imageobject" in (element.get("itemtype") or "").lower():
        return True
    if len(element.findall(".//img")) > _MAX_IMAGES_IN_HOLDER:
        return False  # a container of many photos, not one photo's holder
    return any(
        re.match(r"data-(?:[\w-]*-)?(?:caption|image)$", k)
        or (k.startswith("data-") and is_photo_url(v))
        for k, v in element.attrib.items()
    )


def _widen(element: HtmlElement, area: HtmlElement) -> HtmlElement:
    """The small box around an image that also holds its caption (Salon's <span class="caption">
    beside the image link, the Post's caption under a video player); the element when none does."""
    if any(CAPTION.search(k) for k in element.attrib if k.startswith("data-")):
        return element  # a slide that carries its own data-caption
    for parent in element.iterancestors():
        if parent is area or _photo_count(parent) > 1:
            break  # the box holds other photos too: a gallery or a section
        if parent.tag == "figure":
            return parent
        if len(" ".join(parent.text_content().split())) > _MAX_BOX_TEXT:
            break  # a block of prose: the caption is not in it
        if any(names(d, CAPTION) or names(d, CREDIT) for d in parent.iterdescendants()):
            return parent
    return element


def _holder_urls(holder: HtmlElement, page_url: str | None) -> list[str]:
    """Photo URLs the holder offers: its images, its ImageObject url, a video poster, a data-image."""
    urls: list[str] = []
    for img in holder.iter("img", "source"):
        urls += image_urls(img, page_url)
    for video in holder.iter("video"):
        urls.append(video.get("poster") or "")
    for node in holder.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("itemprop") in {"url", "contentUrl", "image"}:
            urls.append(node.get("content") or node.get("href") or "")
        urls += [v for k, v in node.attrib.items() if k.startswith("data-") and is_photo_url(v)]
    urls.append(holder.get("itemid") or "")
    absolute = [_absolute(page_url, u) for u in urls if u.strip()]
    return [u for u in dict.fromkeys(absolute) if not not_a_photo(u) and _looks_like_photo(u)]


def _photo_count(node: HtmlElement) -> int:
    """How many different images a part of the page shows (sizes of one image count once)."""
    keys: list[str] = []
    for item in node.iter():
        if not isinstance(item.tag, str):
            continue
        urls = image_urls(item, None)[:1] if item.tag == "img" else []
        urls += [v for k, v in item.attrib.items() if k.startswith("data-") and is_photo_url(v)][:1]
        for key in map(image_key, urls):
            if not any(same_image(key, k) for k in keys):
                keys.append(key)
        if len(keys) > 1:
            break
    return len(keys)


def _too_small(holder: HtmlElement) -> bool:
    """A declared width or height below _MIN_SIDE: thumbnails, icons, rule lines, tracking pixels."""
    for img in holder.iter("img"):
        if _HIDDEN_STYLE.search(img.get("style") or ""):
            return True  # a tracking pixel hidden by style (CNN's SmartAsset beacon)
        sides = [img.get("width", ""), img.get("height", "")]
        numbers = [int(s) for s in sides if s.strip().isdigit() and int(s) > 0]
        if numbers and min(numbers) < _MIN_SIDE:
            return True
    return False


def _teaser(holder: HtmlElement, page_url: str | None) -> bool:
    """A photo that links to another page is a teaser for another story, not this story's photo
    (the Post's "Map: Flow of foreign fighters" links to its own graphic page)."""
    img = next(holder.iter("img"), holder)
    for node in [img, *img.iterancestors()][:_LINK_DEPTH]:
        href = node.get("href") if node.tag == "a" else None
        if href and not is_photo_url(_absolute(page_url, href)) and not href.startswith("#"):
            return _other_page(href, page_url)  # (a link to the full-size image is not a teaser)
    return False


def _other_page(href: str, page_url: str | None) -> bool:
    target = urlsplit(_absolute(page_url, href))
    here = urlsplit(page_url or "")
    return not (target.path == here.path and target.netloc in {here.netloc, ""})


def _gallery(holder: HtmlElement) -> HtmlElement | None:
    """The slideshow or strip of photos a photo belongs to: only its first slide is on the page
    until clicked (a list of thumbnails counts as one too)."""
    for node in holder.iterancestors():
        if _GALLERY.search(node.get("class") or ""):
            return node
        if (
            node.tag in {"ul", "ol"}
            and sum(1 for li in node if li.find(".//img") is not None) >= _STRIP
        ):
            return node
    return None


def _first_slides(found: list[Found]) -> list[Found]:
    seen, kept = set(), []
    for item in found:
        if item.gallery is not None:
            if id(item.gallery) in seen:
                continue
            seen.add(id(item.gallery))
        kept.append(item)
    return kept


def _looks_like_photo(url: str) -> bool:
    """An http(s) address (a data attribute may hold a page link rather than a photo)."""
    return url.startswith(("http://", "https://"))
