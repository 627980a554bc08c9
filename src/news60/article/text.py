"""Plain-text scrapes: find the densest long run of prose, its headline, photos and credits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from news60.article.captions import read_caption, read_dateline_credit, read_reporting_credit
from news60.article.kinds import NEWS, labelled_kind, titled_kind
from news60.article.lines import Line, read_byline, read_date, read_line
from news60.article.reporting import read_partner_credit, read_reporting
from news60.models import Article, Photo

# A story's first paragraph: a capitalised lead-in ("US PRESIDENT DONALD Trump") or a dateline
# ("WASHINGTON (AP) —", "CLEVELAND, Ohio –").
_LEAD = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+\s+){2,}|"
    r"^[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w. ]{1,20})?\s*(?:\([\w ]+\))?\s*[—–-]{1,2}\s"
)
_WORD = re.compile(r"\w+")
# "BREAKING NEWS: Chelsea activate ...": a label the page puts before its headline.
_LABEL = re.compile(r"^(?:BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|LIVE|UPDATED?|VIDEO|PICTURED)\s*:\s+")
_TITLE_WINDOW = 40  # lines above the body searched for the headline
_LABEL_WINDOW = 8  # lines above the headline where a section label ("Opinion") may sit
_BELOW = 4  # lines below it where a label or a writer's role ("Opinion Columnist") may sit
_PHOTO_WINDOW = 8  # lines above the headline where a lead photo caption may sit
_GAP_ESCALATION = 3  # how much more each further line of a gap in the prose costs
_COHESION = 0.2  # share of a paragraph's topic words that the core of the story must contain
_COMMON_LIST = (  # frequent long words that say nothing about a topic
    "about above after again against because before being below between could doing during "
    "every first having other their there these thing things think those through under until "
    "where which while would years people still since often never always should"
)
_COMMON = frozenset(_COMMON_LIST.split())


@dataclass(frozen=True)
class Block:
    """The extent of the article body in a list of lines, and of its header above it."""

    start: int
    end: int  # exclusive
    title: int | None


def parse_text(text: str, base: str | None = None) -> Article:
    """Read an article out of the visible text of a page (or a clean plain-text article)."""
    lines = [read_line(line) for line in _split_lines(text)]
    photos = {i: p for i, line in enumerate(lines) if (p := read_caption(line.text))}
    partners = {i: c for i, line in enumerate(lines) if (c := read_partner_credit(line.text))}
    credits = {i: c for i, line in enumerate(lines) if (c := read_reporting_credit(line.text))}
    block = _find_block(lines, photos, credits | partners)
    body = [
        line.text
        for i, line in enumerate(lines[block.start : block.end], block.start)
        if _is_body(line, i, photos, credits | partners)
    ]
    standfirst, body = _split_standfirst(body)
    first = block.title if block.title is not None else block.start
    byline = _first(read_byline(line.text) for line in lines[max(0, first - 3) : block.start + 3])
    kind, title = titled_kind(_title_text(lines, block.title))
    return Article(
        title=title,
        standfirst=standfirst,
        published=_first(
            read_date(line.text) for line in lines[max(0, first - 10) : block.start + 3]
        ),
        paragraphs=tuple(body),
        photos=_photos(photos, max(0, first - _PHOTO_WINDOW), block.end + 2),
        reporting=read_reporting(
            byline or "",
            _credits(body, [c for i, c in credits.items() if first <= i <= block.end + 8]),
            [p for i, p in partners.items() if first <= i <= block.end + 8],
        ),
        kind=kind if kind != NEWS else _header_kind(lines, first, block.start),
    )


def _header_kind(lines: list[Line], first: int, start: int) -> str:
    """The kind the page's text shows around its headline: "Opinion | ..." in the page title, or a
    label line just above the headline or between it and the body, outside a menu of sections."""
    kind, _ = titled_kind(lines[0].text) if lines else (NEWS, "")
    if kind != NEWS:
        return kind
    near = [*range(max(0, first - _LABEL_WINDOW), first), *range(first + 1, first + _BELOW + 1)]
    for i in (k for k in near if k < start):
        found = labelled_kind(lines[i].text)
        if found and not _in_menu(lines, i):
            return found
    return NEWS


def _in_menu(lines: list[Line], i: int) -> bool:
    """Line i sits between two more short labels: a site's section menu ("News / Opinion / Sport")."""
    around = [lines[k].text for k in (i - 1, i + 1) if 0 <= k < len(lines)]
    return len(around) == 2 and all(_label_shaped(text) for text in around)


def _label_shaped(text: str) -> bool:
    """A menu item: up to three words, no sentence stop."""
    return len(text.split()) <= 3 and not re.search(r"[.!?]$", text)


def _split_lines(text: str) -> list[str]:
    """Non-empty lines with their whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _scores(
    lines: list[Line], photos: Mapping[int, Photo], credits: Mapping[int, str], escalation: int
) -> list[float]:
    """How much each line says "article body here": prose for, furniture and labels against."""
    scores, run = [], 0
    for i, line in enumerate(lines):
        if i in photos or i in credits:
            scores.append(0.0)  # captions sit inside stories: neither for nor against
        elif line.prose and not line.furniture:
            run = 0
            scores.append(float(line.words))
        else:
            run += 1
            base = max(10.0, line.words) if line.furniture else 2.0 + min(line.words, 12)
            scores.append(-base * min(run, escalation))
    return scores


def _densest(scores: list[float]) -> tuple[int, int]:
    """The span with the highest total score (maximum-sum subarray)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _find_block(
    lines: list[Line], photos: Mapping[int, Photo], credits: Mapping[int, str]
) -> Block:
    """The story: a tight core of prose, widened over breaks while the prose stays on topic."""
    # Why two passes: long gaps between paragraphs mark teaser lists, so the core makes every
    # extra line of a gap cost more; embedded tweets or links also break real stories, so
    # the wide span forgives gaps, and cohesion with the core decides how far to widen.
    start, end = _densest(_scores(lines, photos, credits, _GAP_ESCALATION))
    wide_start, wide_end = _densest(_scores(lines, photos, credits, 1))
    vocabulary = set(_content_words(" ".join(line.text for line in lines[start:end])))
    neutral = photos.keys() | credits.keys()
    before = _runs(lines, range(start - 1, wide_start - 1, -1), neutral)
    after = _runs(lines, range(end, wide_end), neutral)
    start = min([start, *(min(run) for run in _cohesive(lines, before, vocabulary))])
    end = max([end - 1, *(max(run) for run in _cohesive(lines, after, vocabulary))]) + 1
    return Block(start=start, end=end, title=_find_title(lines, start))


def _runs(lines: list[Line], steps: range, neutral: set[int]) -> list[list[int]]:
    """Runs of consecutive prose lines met while stepping away from the core; captions skipped."""
    runs: list[list[int]] = [[]]
    for i in steps:
        if i in neutral:
            continue
        if lines[i].prose and not lines[i].furniture:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _cohesive(lines: list[Line], runs: list[list[int]], vocabulary: set[str]) -> list[list[int]]:
    """The runs that share the core's vocabulary, up to the second off-topic run in a row."""
    kept, misses = [], 0
    for run in runs:
        words = [w for i in run for w in _content_words(lines[i].text)]
        if sum(w in vocabulary for w in words) >= _COHESION * max(1, len(words)):
            kept.append(run)
            vocabulary = vocabulary | set(words)
            misses = 0
        else:
            misses += 1
            if misses == 2:
                break
    return kept


def _content_words(text: str) -> list[str]:
    """Lower-cased words long enough to carry a topic."""
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 5 and w not in _COMMON]


def _find_title(lines: list[Line], start: int) -> int | None:
    """The headline: the page title if it reappears above the body; else, of the headlines just
    above the body and the page title on the first line, the one that shares most words with
    the story's opening (a time, a newsletter's name or a byline shares none), the nearest first."""
    page_titles = _title_stems(lines[0].text) if lines else set()
    above = range(start - 1, max(-1, start - _TITLE_WINDOW), -1)
    for i in above:
        if i > 0 and lines[i].headline and _title_stem(lines[i].text) in page_titles:
            return i
    # A line opening on a quote mark is a pull quote, not the headline.
    candidates = [i for i in above if _headline(lines[i]) and lines[i].text[:1] not in "“\"‘'"]
    if lines and start > 0 and 0 not in candidates and read_byline(lines[0].text) is None:
        candidates.append(0)
    opening = set(_content_words(" ".join(line.text for line in lines[start : start + 4])))
    if not candidates:
        return None
    shared = [len(set(_content_words(lines[i].text)) & opening) for i in candidates]
    return candidates[shared.index(max(shared))]


def _title_text(lines: list[Line], title: int | None) -> str:
    """The headline's text; the page title on the first line without its " - Site name"."""
    if title is None:
        return ""
    text = _LABEL.sub("", lines[title].text)
    if title == 0:
        return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", text)[0].strip()
    return text


def _headline(line: Line) -> bool:
    """A headline candidate: headline-shaped and not a caption, byline or dateline."""
    if not line.headline or line.prose or read_caption(line.text) is not None:
        return False
    return read_byline(line.text) is None and read_date(line.text) is None


def _title_stem(text: str) -> str:
    """A page title without its " - Site name" suffix, lower-cased."""
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", text)[0].strip().lower()


def _title_stems(text: str) -> set[str]:
    """A page title's headline, however many suffixes it carries: "Three Cases of Plague ... |
    Smart News | Smithsonian" -> the title cut at each separator, lower-cased."""
    parts = re.split(r"\s+[|–—-]\s+", text)
    return {" - ".join(parts[:n]).strip().lower() for n in range(1, len(parts) + 1)} | {
        _title_stem(text)
    }


def _is_body(line: Line, i: int, photos: Mapping[int, Photo], credits: Mapping[int, str]) -> bool:
    """Keep prose and short subheadings; drop furniture, captions and credits."""
    if i in photos or i in credits or line.furniture:
        return False
    return line.prose


def _split_standfirst(body: list[str]) -> tuple[str, list[str]]:
    """Take the first paragraph as standfirst when it summarises rather than starts the story."""
    if len(body) < 3:
        return "", body
    first, second = body[0], body[1]
    if _LEAD.match(first):
        return "", body
    repeated = max(_overlap(first, later) for later in body[1:4]) >= 0.6
    if _LEAD.match(second) or repeated:
        return first, body[1:]
    return "", body


def _overlap(a: str, b: str) -> float:
    """Share of the words of `a` that also occur in `b`."""
    words = set(_WORD.findall(a.lower()))
    return len(words & set(_WORD.findall(b.lower()))) / max(1, len(words))


def _photos(photos: dict[int, Photo], start: int, end: int) -> tuple[Photo, ...]:
    """Captioned photos near the story, merging split credit and caption lines ("Image caption")."""
    found: list[Photo] = []
    for i in sorted(k for k in photos if start <= k < end):
        photo = photos[i]
        if found and not photo.credit and not found[-1].caption:
            found[-1] = Photo(src=None, caption=photo.caption, credit=found[-1].credit)
        elif photo.caption or photo.credit:
            found.append(photo)
    return tuple(dict.fromkeys(found))


def _credits(body: list[str], found: list[str]) -> tuple[str, ...]:
    """Reporting credits: the agency of the dateline, then credit lines, each once."""
    dateline = read_dateline_credit(body[0]) if body else None
    return tuple(dict.fromkeys([dateline, *found] if dateline else found))


def _first(values: Iterable[str | None]) -> str | None:
    """The first value that is not None."""
    return next((v for v in values if v), None)
