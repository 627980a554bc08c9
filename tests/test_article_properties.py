"""Bad input never crashes: text, bytes, mangled HTML or JSON give an Article or ArticleError."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from news60.article import read_article
from news60.errors import ArticleError
from news60.models import Article
from news60.settings import ArticleSettings

DATA = Path(__file__).parent / "data" / "articles"
PAGE = (DATA / "figure-page.html").read_text(encoding="utf-8")
SEED = (Path(__file__).resolve().parent.parent / "examples" / "seed-article.txt").read_text(
    encoding="utf-8"
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes) -> Article | None:
    """Read stdin bytes; None when refused with an ArticleError."""
    try:
        article = read_article("-", ArticleSettings(), data=data)
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert isinstance(article, Article) and article.paragraphs
    assert all(isinstance(p, str) and p for p in article.paragraphs)
    json.dumps(article.to_dict())
    return article


@FAST
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    _read(data)


@FAST
@given(st.text(max_size=3000))
def test_random_text(text):
    _read(text.encode("utf-8"))


@FAST
@given(st.lists(st.text(min_size=1, max_size=200), max_size=40))
def test_random_lines(lines):
    _read("\n".join(lines).encode("utf-8"))


@FAST
@given(st.integers(0, len(PAGE)), st.integers(0, len(PAGE)), st.text(max_size=50))
@example(cut=416, paste_at=0, junk="[")  # an image URL that urljoin rejects
def test_mangled_html(cut, paste_at, junk):
    mangled = PAGE[:cut] + junk + PAGE[paste_at:]
    _read(mangled.encode("utf-8"))


@FAST
@given(st.integers(0, len(SEED)), st.integers(0, len(SEED)))
def test_cut_seed(start, stop):
    _read(SEED[min(start, stop) : max(start, stop)].encode("utf-8"))


@FAST
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=40),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
        max_leaves=12,
    ),
    st.sampled_from(["title", "text", "paragraphs", "photos", "credits", "published", "byline"]),
)
@example(value=True, key="photos")
def test_odd_json(value, key):
    doc = {"title": "A title", "text": SEED[1000:1800], key: value}
    _read(json.dumps(doc).encode("utf-8"))
