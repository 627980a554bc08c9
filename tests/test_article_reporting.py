"""Reporting credits as a newsroom writes them: authors, contributors and agencies apart."""

from __future__ import annotations

import pytest

from news60.article.html import parse_html
from news60.article.reporting import byline_names, read_reporting
from news60.models import Reporting


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe and Sam Roe, AP", ["Jane Doe", "Sam Roe", "AP"]),
        ("By Jane Doe | Updated 5:30 PM EST", ["Jane Doe"]),
        ("By Joshua Sokol May 20, 2019", ["Joshua Sokol"]),
        ("Jane Doe, Senior Political Correspondent", ["Jane Doe"]),
        ("Deal Professor By STEVEN DAVIDOFF SOLOMON JULY 29, 2016", ["Steven Davidoff Solomon"]),
        ("JOE HILDEBRAND", ["Joe Hildebrand"]),
        ("By Gary Graves, USA TODAY", ["Gary Graves"]),
        ("Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"]),
        ("Jane Doe, Published 2 hours ago", ["Jane Doe"]),
    ],
)
def test_bylines_are_cleaned_of_by_timestamps_and_roles(byline, names):
    assert byline_names(byline) == names


def test_contributors_and_additional_reporting_are_not_the_author():
    reporting = read_reporting(
        "Jane Doe, Sam Roe",  # metadata that lists the contributor beside the author
        ["Sam Roe and Ann Lee", "Reuters"],
    )
    assert reporting == Reporting(
        authors=("Jane Doe",), contributors=("Sam Roe", "Ann Lee"), agencies=("Reuters",)
    )


def test_additional_reporting_by_is_a_contributor_in_a_page():
    body = "".join(
        f"<p>Paragraph {n} of the story is long enough to count as prose about the council vote "
        "and the bridge the town has argued over for years.</p>"
        for n in range(5)
    )
    html = (
        "<html><head><title>Bridge vote</title></head><body><article><h1>Bridge vote</h1>"
        '<p class="byline">By Jane Doe | Updated 5:30 PM</p>'
        f"{body}<p>Additional reporting by Sam Roe in London.</p>"
        "<p>Ann Lee contributed to this report.</p></article></body></html>"
    )
    reporting = parse_html(html).reporting
    assert reporting.authors == ("Jane Doe",)
    assert reporting.contributors == ("Sam Roe", "Ann Lee")


def test_an_agency_byline_is_an_agency():
    assert read_reporting("By The Associated Press") == Reporting(
        agencies=("The Associated Press",)
    )
