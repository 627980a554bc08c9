"""Inline photo captions and reporting credits, in the styles newsrooms use."""

from __future__ import annotations

import pytest

from news60.article.captions import (
    read_caption,
    read_dateline_credit,
    read_reporting_credit,
    split_credit,
)


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "Trump G20 US Russia Trump gestures as Putin arrives Mikhail Klimentyev via PA Images "
            "Mikhail Klimentyev via PA Images",
            "Trump gestures as Putin arrives",
            "Mikhail Klimentyev via PA Images",
        ),
        (
            "Officials at the border (AP Photo/Evan Vucci)",
            "Officials at the border",
            "AP Photo/Evan Vucci",
        ),
        (
            "The summit. Photograph: Susan Walsh/Getty Images",
            "The summit.",
            "Susan Walsh/Getty Images",
        ),
        ("The surface of Mars (Image credit: NASA/JPL)", "The surface of Mars", "NASA/JPL"),
        (
            "Officials watch the launch. Credit: Chang W. Lee for The New York Times",
            "Officials watch the launch.",
            "Chang W. Lee for The New York Times",
        ),
        (
            "Trump asked voters. Credit... Doug Mills/The New York Times",
            "Trump asked voters.",
            "Doug Mills/The New York Times",
        ),
        ("Image copyright EPA", "", "EPA"),
        ("Crowds in the square © AFP", "Crowds in the square", "AFP"),
        (
            "The house in Braunau, Austria. Leonhard Foeger / Reuters file",
            "The house in Braunau, Austria.",
            "Leonhard Foeger/Reuters",  # "file" marks an archive photo; it is not the credit
        ),
        (
            "A rabbit in a field Credit: Getty - Contributor",
            "A rabbit in a field",
            "Getty - Contributor",
        ),
    ],
)
def test_captions_are_split_into_caption_and_credit(line, caption, credit):
    photo = read_caption(line)
    assert photo is not None
    assert (photo.src, photo.caption, photo.credit) == (None, caption, credit)


@pytest.mark.parametrize(
    "line",
    [
        "The loan was arranged by Credit Suisse",
        "Trade flows between the US/Canada border towns",
        "Trump has been dogged throughout his presidency by allegations of ties to Russia.",
        "A photo by the lake",
        "© 2019 The New York Times Company",
    ],
)
def test_prose_and_footers_are_not_captions(line):
    assert read_caption(line) is None


@pytest.mark.parametrize(
    ("line", "who"),
    [
        ("With reporting from © – AFP 2019", "AFP"),
        ("Reuters contributed to this report.", "Reuters"),
        ("Additional reporting by Jane Smith", "Jane Smith"),
        ("The Associated Press contributed to this report.", "Associated Press"),
    ],
)
def test_reporting_credits(line, who):
    assert read_reporting_credit(line) == who


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("Image caption, Kenya is getting ready", "Kenya is getting ready", ""),
        ("Image source, Getty Images", "", "Getty Images"),
        (
            "President Biden speaks. REUTERS/Kevin Lamarque/File Photo",
            "President Biden speaks.",
            "REUTERS/Kevin Lamarque",
        ),
        (
            "The scene on Tuesday. (Courtesy of the family)",
            "The scene on Tuesday.",
            "Courtesy of the family",
        ),
        ("The launch. Photo courtesy of NASA", "The launch.", "Courtesy of NASA"),
        ("Firefighters at work. Supplied", "Firefighters at work.", "Supplied"),
        (
            "Mr Obama with his sister (left) in Nairobi",
            "Mr Obama with his sister (left) in Nairobi",
            "",
        ),
    ],
)
def test_more_newsroom_credit_forms(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_split_credit_leaves_plain_captions_alone():
    assert split_credit("  Seals on a  sandbank ") == ("Seals on a sandbank", "")


@pytest.mark.parametrize(
    ("paragraph", "who"),
    [
        ("WASHINGTON (AP) — New uncertainty hangs over the primary.", "AP"),
        ("(Reuters) — The New York State Attorney General is investigating.", "Reuters"),
        ("NEW YORK (Reuters) - Oil prices fell sharply on Tuesday.", "Reuters"),
        ("The AP reported (AP) nothing at all.", None),
    ],
)
def test_dateline_credits(paragraph, who):
    assert read_dateline_credit(paragraph) == who
