"""Files, stdin, encodings, JSON exports and HTML pages; each bad input gets one clear line."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from PIL import Image

from news60.article import detect_kind, read_article
from news60.errors import ArticleError
from news60.settings import ArticleSettings

DATA = Path(__file__).parent / "data" / "articles"
SETTINGS = ArticleSettings()
CLEAN = (DATA / "clean-article.txt").read_text(encoding="utf-8")


def _error(source: str, **kwargs) -> str:
    with pytest.raises(ArticleError) as caught:
        read_article(source, SETTINGS, **kwargs)
    message = str(caught.value)
    assert "\n" not in message and ": " in message  # one line: the problem, then the fix
    return message


def test_clean_plain_text_is_kept_whole():
    article = read_article(str(DATA / "clean-article.txt"), SETTINGS)
    assert article.title == "Library opens its doors after a two-year restoration"
    assert len(article.paragraphs) == 3
    assert "— which raised £310,000 —" in article.text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig", "utf-8"])
def test_encodings_are_decoded(encoding):
    text = CLEAN if encoding not in {"latin-1"} else CLEAN.replace("—", "-").replace("’", "'")
    article = read_article("-", SETTINGS, data=text.encode(encoding))
    assert article.title == "Library opens its doors after a two-year restoration"
    assert ("£310,000" in article.text) and ("o’clock" in article.text or encoding == "latin-1")


def test_missing_file_names_the_path():
    assert "not found" in _error("/no/such/article.txt")


def test_folder_is_refused(tmp_path):
    assert "not a file" in _error(str(tmp_path))


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n ")
    assert "empty" in _error(str(tmp_path / "empty.txt"))


def test_png_is_refused(tmp_path):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    (tmp_path / "photo.txt").write_bytes(buffer.getvalue())
    assert "PNG" in _error(str(tmp_path / "photo.txt"))


def test_random_bytes_are_refused():
    noise = random.Random(3).randbytes(5000)
    assert "binary" in _error("-", data=noise)


def test_navigation_only_page_has_no_article():
    assert "no article" in _error(str(DATA / "nav-only.txt"))


def test_too_short_text_has_no_article():
    assert "no article" in _error("-", data=b"Breaking news: more soon.")


def test_stdin_needs_data():
    assert "stdin" in _error("-")


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd"])
def test_non_http_schemes_are_refused(url):
    assert "http" in _error(url)


def test_kind_is_detected_from_content():
    assert detect_kind('{"title": "x", "text": "y"}') == "json"
    assert detect_kind("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_kind("[Updated] The council met on Tuesday.") == "text"
    with pytest.raises(ArticleError, match="line 1, column 2"):
        detect_kind("{not json at all} just text")  # starts like JSON: never read as prose
    assert detect_kind(CLEAN) == "text"


def test_json_export_with_photos_relative_to_the_file():
    article = read_article(str(DATA / "cms-export.json"), SETTINGS)
    assert article.title == "Council approves new footbridge over the river"
    assert len(article.paragraphs) == 3
    assert article.published == "2024-05-02"
    assert article.reporting.authors == ("Sam Ortiz",)
    assert article.reporting.agencies == ("PA",)
    assert article.photos[0].src == str(DATA / "bridge.jpg")
    assert article.photos[0].credit == "Town Council"
    assert article.photos[1].src == "https://example.org/river.jpg"


def test_json_paragraph_list():
    doc = {"title": "T", "paragraphs": [CLEAN.split("\n\n")[1], CLEAN.split("\n\n")[2]]}
    article = read_article("-", SETTINGS, data=json.dumps(doc).encode())
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("doc", "missing"),
    [({"text": CLEAN}, "title"), ({"title": "A title"}, "text"), ([1, 2], "object")],
)
def test_json_without_title_or_text(doc, missing):
    assert missing in _error("-", data=json.dumps(doc).encode())


def test_html_page_body_metadata_and_photos():
    article = read_article(str(DATA / "figure-page.html"), SETTINGS)
    assert article.title == "Harbour seals return to the estuary"
    assert article.reporting.authors == ("Maria Keane",)
    assert article.published == "2024-03-05"
    assert article.language == "en"
    assert article.source_url == "https://news.example.org/2024/03/seals"
    assert article.paragraphs[0].startswith("Harbour seals have returned")
    assert article.paragraphs[-1].startswith("The next count")
    assert "Reuters" in article.reporting.agencies
    assert not any(w in article.text for w in ("Advertisement", "Most read", "Privacy"))
    first, second = article.photos[:2]
    assert first.src == "https://news.example.org/images/seals-1.jpg"
    assert (first.caption, first.credit) == (
        "Seals rest on a sandbank at low tide.",
        "Tom Reilly/Coastal Images",
    )
    assert second.src == "https://news.example.org/images/seals-2.jpg"
    assert (second.caption, second.credit) == ("A pup on the northern bank", "AP Photo/Jane Doe")


def test_html_in_cp1252_with_declared_charset():
    page = (DATA / "figure-page.html").read_text(encoding="utf-8").replace("utf-8", "windows-1252")
    article = read_article("-", SETTINGS, data=page.encode("cp1252"))
    assert "“We were astonished" in article.text
