"""Property tests of everything news60 reads from a user: article text and HTML, story.json,
CSV and JSON-lines manifests, RSS and Atom feeds, made of random bytes, encodings, nesting and
sizes. Each example ends in a result or one typed error (one line, naming the fix), never another
exception and never a hang: every example runs under a SIGALRM time limit. The seed is fixed
(derandomize, see conftest) and the examples bounded, so CI runs the same few hundred each time."""

from __future__ import annotations

import contextlib
import json
import signal
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from news60.article import read_article
from news60.errors import News60Error
from news60.models import Article, Script
from news60.script.storyfile import load_story
from news60.settings import ArticleSettings
from news60.sources.entries import SourceError
from news60.sources.feeds import feed_entries
from news60.sources.manifests import read_manifest

LIMIT = 10  # seconds one example may take: the slowest real one here takes well under one
EXAMPLES = settings(
    max_examples=30,
    deadline=None,  # the time limit below is a hard one; a shared CI machine varies too much
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]


@contextlib.contextmanager
def time_limit(seconds: float = LIMIT) -> Iterator[None]:
    """Fail the example with TimeoutError when it runs longer than `seconds`."""

    def expired(signum, frame):
        raise TimeoutError(f"an example ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(action, kind: type[News60Error] = News60Error):
    """The action's result, or None when it raised `kind` with a one-line message."""
    with time_limit():
        try:
            return action()
        except kind as exc:
            message = str(exc)
            assert message and "\n" not in message and len(message) < 2000, message
            return None


def encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def sized(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Short text, now and then repeated to a large size (a pasted file, a runaway cell)."""
    return st.builds(lambda s, n: s * n, parts, st.sampled_from([1, 1, 1, 50, 3000]))


TEXT = st.text(max_size=200)
WORDS = st.lists(st.sampled_from(["The", "council", "said", "on", "Tuesday", ".", "\n\n", "£5m"]))


# Article text and HTML ---------------------------------------------------------------------------


@EXAMPLES
@given(sized(TEXT), st.sampled_from(ENCODINGS))
def test_article_text_in_any_encoding(text, encoding):
    article = outcome(lambda: read_article("-", ArticleSettings(), data=encoded(text, encoding)))
    assert article is None or isinstance(article, Article) and article.paragraphs


TAGS = ["p", "div", "article", "figure", "figcaption", "img", "script", "h1", "a", "span", "meta"]
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["src", "href", "class", "content", "property", "srcset", "alt"]),
    st.one_of(TEXT, st.sampled_from(["javascript:x", "file:///etc/passwd", "//x", "[", ""])),
    max_size=3,
)
HTML = st.recursive(
    sized(WORDS.map(" ".join)),
    lambda inner: st.builds(
        lambda tag, attrs, children: (
            f"<{tag} "
            + " ".join(f'{k}="{v}"' for k, v in attrs.items())
            + ">"
            + "".join(children)
            + f"</{tag}>"
        ),
        st.sampled_from(TAGS),
        ATTRIBUTES,
        st.lists(inner, max_size=4),
    ),
    max_leaves=20,
)


@EXAMPLES
@given(HTML, st.sampled_from([0, 0, 300, 5000]), st.sampled_from(ENCODINGS))
def test_html_pages_nested_and_broken(body, depth, encoding):
    page = f"<html><head><title>T</title></head><body>{'<div>' * depth}{body}</body></html>"
    data = encoded(page, encoding)
    article = outcome(lambda: read_article("-", ArticleSettings(), data=data))
    assert article is None or all(isinstance(p, str) and p for p in article.paragraphs)


# story.json -----------------------------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | sized(TEXT),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=10,
)
SCENE = st.fixed_dictionaries(
    {"text": st.one_of(sized(TEXT), JSON)},
    optional={"caption": JSON, "photo": st.one_of(TEXT, JSON), "colour": JSON},
)
STORY = st.fixed_dictionaries(
    {"title": st.one_of(sized(TEXT), JSON), "scenes": st.one_of(st.lists(SCENE, max_size=4), JSON)},
    optional={
        "photos": st.one_of(st.lists(st.one_of(TEXT, JSON), max_size=3), TEXT),
        "reporting": JSON,
        "published": JSON,
        "rate": JSON,
        "format": st.sampled_from(["news60/story@2", "news60/story@1", "x"]),
    },
)


@EXAMPLES
@given(STORY, st.sampled_from(ENCODINGS), st.sampled_from([0, 0, 100, 100_000]))
@example(story={"title": "T", "scenes": [{"text": "Hi."}]}, encoding="utf-8", nesting=200_000)
@example(story={"title": "T" * 1_048_576, "scenes": [{"text": "Hi."}]}, encoding="utf-8", nesting=0)
@example(story={"title": "T", "scenes": [], "photos": "ab.jpg"}, encoding="utf-16", nesting=0)
@example(
    story={"title": "T", "scenes": [{"text": "A.", "photo": "a\x00b"}]}, encoding="utf-8", nesting=0
)
def test_story_files_of_any_shape(tmp_path_factory, story, encoding, nesting):
    path = tmp_path_factory.mktemp("story") / "story.json"
    text = json.dumps(story, ensure_ascii=False)
    if nesting:
        text = text[:-1] + ', "deep": ' + "[" * nesting + "]" * nesting + "}"
    path.write_bytes(encoded(text, encoding))
    script = outcome(lambda: load_story(path))
    assert script is None or isinstance(script, Script) and script.scenes


@EXAMPLES
@given(st.binary(max_size=3000))
def test_story_files_of_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("story") / "story.json"
    path.write_bytes(data)
    outcome(lambda: load_story(path))


# Manifests -------------------------------------------------------------------------------------

COLUMNS = ["source", "url", "title", "voice", "formats", "seconds", "photos", "music", "published"]
CELL = st.one_of(
    sized(TEXT),
    st.sampled_from(["/etc/passwd", "../x.txt", "https://x.test/1", "9:16 1:1", "45", "a\x00b"]),
)


@EXAMPLES
@given(
    st.lists(st.sampled_from([*COLUMNS, "colour"]), min_size=1, max_size=5, unique=True),
    st.lists(st.lists(CELL, max_size=6), max_size=5),
    st.sampled_from(ENCODINGS),
)
@example(header=["source", "title"], rows=[["café.txt", "Café"]], encoding="latin-1")
@example(header=["source"], rows=[["x" * 140_000]], encoding="utf-8")
@example(header=["source"], rows=[["a\x00b.txt"]], encoding="utf-8")
@example(header=["source", "title"], rows=[], encoding="utf-8")
def test_csv_manifests(tmp_path_factory, header, rows, encoding):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("desk") / "day.csv"
    path.write_bytes(encoded(buffer.getvalue(), encoding))
    entries = outcome(lambda: read_manifest(path), SourceError)
    for entry in entries or ():
        assert entry.source.startswith(("http://", "https://")) or Path(
            entry.source
        ).is_relative_to(path.parent.resolve())


@EXAMPLES
@given(
    st.lists(st.one_of(st.dictionaries(st.sampled_from(COLUMNS), st.one_of(CELL, JSON)), JSON)),
    st.sampled_from([0, 0, 100_000]),
)
@example(rows=[{"source": "a.txt"}], nesting=200_000)
@example(rows=[{"source": ["a.txt", "b.txt"], "formats": "9:16"}], nesting=0)
def test_json_lines_manifests(tmp_path_factory, rows, nesting):
    lines = [json.dumps(row) for row in rows]
    if nesting:
        lines.append("[" * nesting + "]" * nesting)
    path = tmp_path_factory.mktemp("desk") / "day.jsonl"
    path.write_text("\n".join(lines))
    entries = outcome(lambda: read_manifest(path), SourceError)
    assert entries is None or all(isinstance(e.source, str) and e.source for e in entries)


@EXAMPLES
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".jsonl"]))
def test_manifests_of_random_bytes(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("desk") / f"day{suffix}"
    path.write_bytes(data)
    outcome(lambda: read_manifest(path), SourceError)


# Feeds -----------------------------------------------------------------------------------------

LINK = st.one_of(
    TEXT,
    st.sampled_from(["/etc/passwd", "file:///etc/passwd", "https://x.test/a", "story.txt", ""]),
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


ITEM = st.builds(
    lambda title, link, date: (
        f"<item><title>{_escape(title)}</title><link>{_escape(link)}</link>"
        f"<pubDate>{_escape(date)}</pubDate></item>"
    ),
    sized(TEXT),
    LINK,
    st.one_of(TEXT, st.just("Wed, 03 Jan 2024 09:00:00 GMT")),
)


@EXAMPLES
@given(st.lists(ITEM, max_size=5), st.sampled_from(ENCODINGS), st.sampled_from([0, 0, 5000]))
def test_rss_feeds(items, encoding, nesting):
    channel = "<channel><title>T</title>" + "".join(items) + "</channel>"
    feed = '<?xml version="1.0"?><rss version="2.0">' + "<x>" * nesting + channel
    feed += "</x>" * nesting + "</rss>"
    entries = outcome(lambda: feed_entries(encoded(feed, encoding), "https://x.test/feed.xml"))
    for entry in entries or ():  # every story is an http(s) address, or fails naming why
        assert entry.source.startswith(("http://", "https://")) or entry.refused


@EXAMPLES
@given(st.binary(max_size=3000))
def test_feeds_of_random_bytes(data):
    outcome(lambda: feed_entries(b"<rss" + data, "/desk/feed.xml"))
