"""What kind of story a page is: news, or opinion, analysis, a review, sponsored content or a live
blog, from what the page declares (JSON-LD types, sections, its address) and its headline's label.

A news bulletin leaves the other kinds out unless the producer asks for them; when they are aired
they carry their label ("OPINION") on screen and in the chapter, as a single clip's kicker does."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from news60.models import KINDS

NEWS = KINDS[0]

# schema.org types (NewsArticle subtypes and their kin) that say what the article is.
_TYPES = {
    "opinionnewsarticle": "opinion",
    "analysisnewsarticle": "analysis",
    "reviewnewsarticle": "review",
    "review": "review",
    "criticreview": "review",
    "advertisercontentarticle": "sponsored",
    "liveblogposting": "liveblog",
}
# Section names newsrooms file these kinds under ("Opinion", "Comment is free", "Reviews").
_SECTIONS = (
    (
        "opinion",
        r"opinions?|comment(?:ary)?|comment is free|commentisfree|op-?eds?|editorials?|columns?|"
        r"columnists?|letters|perspectives?|views|voices|viewpoints?",
    ),
    ("analysis", r"analysis|news analysis"),
    ("review", r"reviews?|(?:film|book|music|theatre|theater|tv|game|product) reviews?"),
    (
        "sponsored",
        r"sponsored(?: content)?|paid (?:post|content)|partner content|brand ?studio|"
        r"advertis(?:ing|ement) feature|advertorial|promoted",
    ),
    ("liveblog", r"live|live blog|live updates|live news"),
)


def _patterns(table: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """(kind, alternatives) pairs as whole-text patterns, case ignored."""
    return [(kind, re.compile(rf"(?i)^(?:{words})$")) for kind, words in table]


_SECTION = _patterns(_SECTIONS)
# Label lines as a page's text shows them: narrower than section names, since "Comment" and "Live"
# are also buttons and menu items beside a headline.
_LABEL = _patterns(
    (
        ("opinion", r"opinions?|op-?eds?|editorials?|commentary|columns?|columnists?|perspective"),
        ("analysis", r"(?:news )?analysis"),
        ("review", r"reviews?"),
        ("sponsored", r"sponsored(?: content)?|paid (?:post|content)|partner content|advertorial"),
    )
)
# A writer's role under the byline that only opinion pages carry ("Opinion Columnist").
_COLUMNIST = re.compile(
    r"(?i)^(?:opinion|guest|contributing|senior)?\s*(?:columnist|op-?ed (?:writer|contributor)|"
    r"opinion (?:writer|contributor|editor))$"
)
# A path segment of the address: "/news/opinion/...", "/commentisfree/2019/...", "/live/".
_PATH = _patterns(
    (
        ("opinion", r"opinions?|commentisfree|comment|op-?eds?|editorials?|columnists?|columns"),
        ("analysis", r"analysis"),
        ("review", r"reviews?"),
        ("sponsored", r"sponsored|paid-?posts?|partner-?content|brandstudio|advertorial"),
        ("liveblog", r"live|liveblog|live-news|live-updates"),
    )
)
# A label before the headline: "Opinion | Republicans Are ...", "Analysis: ...", "LIVE: ...".
_TITLE = re.compile(
    r"(?i)^\s*(?P<label>opinion|op-?ed|commentary|comment|column|editorial|perspective|analysis|"
    r"news analysis|review|sponsored|paid post|live|live updates|as it happened)\s*[|:–—]\s+"
)
_TITLE_KINDS = {
    "op-ed": "opinion",
    "oped": "opinion",
    "commentary": "opinion",
    "comment": "opinion",
    "column": "opinion",
    "editorial": "opinion",
    "perspective": "opinion",
    "news analysis": "analysis",
    "paid post": "sponsored",
    "live updates": "liveblog",
    "as it happened": "liveblog",
    "live": "liveblog",
}


def declared_kind(types: Iterable[str], sections: Iterable[str], url: str | None) -> str:
    """The kind the page declares for machines: its JSON-LD types first, then its sections, then
    the path of its address; "news" when nothing says otherwise."""
    for name in types:
        kind = _TYPES.get(name.lower().rsplit("/", 1)[-1])
        if kind:
            return kind
    for section in sections:
        kind = _match(_SECTION, " ".join(section.split()))
        if kind:
            return kind
    for segment in url_path(url or "").split("/")[:-1]:  # the last part is the story's slug
        kind = _match(_PATH, segment)
        if kind:
            return kind
    return NEWS


def url_path(url: str) -> str:
    """The path of an address; "" for one too broken to split ("http://[x")."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def titled_kind(title: str) -> tuple[str, str]:
    """The kind a headline's label names and the headline without it: ("opinion", "Republicans
    Are Following Trump to Nowhere"); ("news", title) when it has none."""
    match = _TITLE.match(title)
    if not match:
        return NEWS, title
    label = " ".join(match["label"].lower().split())
    return _TITLE_KINDS.get(label, label), title[match.end() :].strip()


def labelled_kind(line: str) -> str | None:
    """The kind a label line near a headline names ("Opinion", "Opinion Columnist", "Analysis"),
    or None: a page's text shows its section above the headline or its writer's role below."""
    text = " ".join(line.split()).strip(" |:")
    if _COLUMNIST.match(text):
        return "opinion"
    return _match(_LABEL, text)


def _match(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    return next((kind for kind, pattern in patterns if pattern.match(text.strip())), None)
