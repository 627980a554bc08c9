"""Image addresses in markup: the best URL an element offers, and one identity for every size of it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Lazy-loading attributes before src: src is often a placeholder (a grey GIF, a 1x1 data: URI).
_SRC_ATTRS = (
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-hi-res-src",
    "data-image",
    "data-source-standard",
    "data-mediaviewer-src",
    "src",
)
_SRCSET_ATTRS = ("srcset", "data-srcset", "data-lazy-srcset")
# Not photos: site furniture, tracking pixels and ad servers (the doubleclick "Advertisement" image).
_NOT_PHOTO = re.compile(
    r"(?i)logo|icon|avatar|sprite|spacer|blank\.|badge|button|placeholder|\.svg\b|^data:|"
    r"pixel|beacon|tracking|/ads?/|doubleclick|googlesyndication|adservice|adsystem|"
    r"scorecardresearch|quantserve|facebook\.com/tr|/e\.gif|\bgravatar\b|emoji|"
    r"headshot|mugshot|author[-_]|byline"
)
_LARGEST = 2400  # px: wider copies only cost download time for a 1080-wide clip
_DISTINCT_NAME = 8  # characters: a shorter file name may prefix an unrelated one ("a" in "a-dog")
_IMAGE_URL = re.compile(r"(?i)^(?:(?:https?:)?//)?\S+?\.(?:jpe?g|png|webp|gif|avif)(?:[?#]\S*)?$")
# Path parts that only say which size of the image this is: "555", "0_0_4800_3200", "max", "image_480w".
_SIZE_SEGMENT = re.compile(
    r"(?i)^(?:\d+|\d+[x_]\d+(?:[x_]\d+)*|max|w_\d+.*|t_[\w,:.-]+|image_\d+w?(?:x\d+)?|"
    r"resize|crop|fit-in|filters:.*|\d+x\d+|.*,.*)$"
)
# Size words at the end of a file name: "-300x200", "-articleLarge", "_dblbig", "-small_trans_..".
_SIZE_SUFFIX = re.compile(
    r"(?i)(?:[-_](?:\d+x\d+|\d+w|\d{2,4}|master\d*|(?:super|facebook)?jumbo|article(?:large|inline)|"
    r"thumb\w*|square\d*|popup|(?:x|xx)?(?:large|small)|medium\w*|big|dblbig|wide|tall|"
    r"videosixteenbynine\w*|threebytwo\w*|trans\w*|mobile|desktop|retina|hd|@[23]x))+$"
)


def image_urls(element: HtmlElement, page_url: str | None) -> list[str]:
    """Every absolute photo URL an <img> or <source> offers: lazy-load attributes, then the
    largest srcset candidate (up to _LARGEST px wide), then src."""
    found = [(element.get(a) or "").strip() for a in _SRC_ATTRS if a != "src"]
    for attr in _SRCSET_ATTRS:
        found.extend(_by_width(element.get(attr) or ""))
    found.append((element.get("src") or "").strip())
    urls = [absolute(page_url, u) for u in found if u and not u.startswith("data:")]
    return [u for u in dict.fromkeys(urls) if u and not _NOT_PHOTO.search(u)]


def is_photo_url(value: str) -> bool:
    """A data attribute's value that is the address of a photo (a video's poster frame, a slide)."""
    return bool(_IMAGE_URL.match(value.strip())) and not _NOT_PHOTO.search(value)


def not_a_photo(url: str) -> bool:
    """Logos, icons, pixels and ad-server images."""
    return bool(_NOT_PHOTO.search(url))


def image_key(url: str) -> str:
    """One key for every size of the same image ("folders|name"), so desktop and mobile copies
    merge; compare keys with same_image."""
    parts = urlsplit(url)
    inner = [unquote(v) for _, v in parse_qsl(parts.query) if v.startswith(("http", "//"))]
    if inner:  # a resizing proxy: ".../dims?resize=980&image_uri=https://..."
        return image_key(inner[0])
    segments = [s for s in unquote(parts.path).split("/") if s]
    if not segments:
        return url.lower()
    stem = _SIZE_SUFFIX.sub("", re.sub(r"\.\w{2,5}$", "", segments[-1])) or segments[-1]
    folders = [s for s in segments[:-1] if not _SIZE_SEGMENT.match(s)]
    if stem.isdigit() and any(len(f) >= 16 for f in folders):
        stem = ""  # ".../<hash>/master/4800.jpg": the number is the width, the hash the image
    return f"{'/'.join(folders[-3:])}|{stem}".lower()


def same_image(a: str, b: str) -> bool:
    """Keys of one image: same folders, and one name is the other plus size words
    ("TELEMMGLPICT000146889449" and "TELEMMGLPICT000146889449-xlarge_trans_NvBQ...")."""
    if a == b:
        return True
    folders_a, _, stem_a = a.partition("|")
    folders_b, _, stem_b = b.partition("|")
    short, long = sorted((stem_a, stem_b), key=len)
    return (
        folders_a == folders_b
        and len(short) >= _DISTINCT_NAME
        and long.startswith(short)
        and long[len(short)] in "-_."
    )


def absolute(page_url: str | None, src: str) -> str:
    """`src` resolved against the page's address; as written when either is malformed."""
    try:
        return urljoin(page_url or "", src.strip())
    except ValueError:
        return src


def _by_width(srcset: str) -> list[str]:
    """A srcset's URLs, widest first, leaving out those wider than a clip needs."""
    candidates = []
    for url, descriptor in _srcset(srcset):
        number = re.match(r"[\d.]+", descriptor)
        size = float(number.group()) if number else 1.0
        width = size * (_LARGEST / 2 if descriptor.endswith("x") else 1)  # "2x": a high-DPI copy
        candidates.append((width if width <= _LARGEST else -width, url))
    return [url for _, url in sorted(candidates, key=lambda c: -c[0])]


def _srcset(srcset: str) -> list[tuple[str, str]]:
    """(url, descriptor) pairs; URLs may hold commas (Cloudinary's "t_fit,f_auto"), so split as
    browsers do: a URL runs to whitespace, its descriptor to the next comma."""
    pairs, rest = [], srcset.strip()
    while rest:
        match = re.match(r"[\s,]*(\S+)", rest)
        if not match:
            break
        url, rest = match.group(1), rest[match.end() :]
        if url.endswith(","):
            pairs.append((url.rstrip(","), "1x"))
            continue
        descriptor, _, rest = rest.partition(",")
        pairs.append((url, descriptor.strip() or "1x"))
    return pairs
