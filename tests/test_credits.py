"""Credits: reporting roles from bylines and credit lines, and one roll for card, MP3 and manifest."""

from __future__ import annotations

from news60.article.reporting import byline_names, read_reporting
from news60.credits import credit_roll, photo_agency
from news60.models import Photo, Reporting, Scene, Script

SHOWN = Photo("/tmp/a.jpg", "The council chamber", "Ann Lee/Reuters")
TEXT_ONLY = Photo(None, "Protesters outside", "Susan Walsh via PA Images")
FAILED = Photo(
    "https://x.test/b.jpg", "The mayor", "Bo Sun via AP", note="not downloaded: HTTP 404"
)


def test_photo_agency_is_the_organisation_in_the_credit():
    assert photo_agency("Susan Walsh via PA IMages") == "PA Images"
    assert photo_agency("Photo: John Smith/AP") == "AP"
    assert photo_agency("© Reuters") == "Reuters"
    assert photo_agency("AP Photo/Alan Diaz, File") == "AP"
    assert photo_agency("Ann Lee/Reuters") == "Reuters"


def test_bylines_split_into_people_and_agencies():
    assert byline_names("By Jane Doe and Sam Roe, AP") == ["Jane Doe", "Sam Roe", "AP"]
    assert byline_names("By Gary Graves, USA TODAY") == ["Gary Graves"]
    assert byline_names("Jane Doe | Updated 5:30 PM") == ["Jane Doe"]
    assert byline_names("By Jane Doe, Senior Correspondent") == ["Jane Doe"]


def test_credit_lines_become_contributors_or_agencies():
    reporting = read_reporting("By Jane Doe", ["AFP", "Sam Roe"])
    assert reporting == Reporting(("Jane Doe",), ("Sam Roe",), ("AFP",))


def test_the_card_credits_only_photos_on_screen_and_the_rest_are_recorded():
    script = Script(
        "t",
        (Scene("x.", "x", SHOWN),),
        photos=(SHOWN, TEXT_ONLY, FAILED),
        reporting=Reporting(("Jane Doe",), ("Sam Roe",), ("AFP",)),
        source_url="https://www.example.com/story",
    )
    roll = credit_roll(script, [SHOWN])
    assert roll.card_lines() == [
        "Reporting",
        "Jane Doe",
        "with Sam Roe",
        "AFP",
        "Photos",
        "Ann Lee/Reuters",
        "Source",
        "example.com",
    ]
    assert roll.spoken() == "Reporting: Jane Doe, with Sam Roe and AFP. Photos: Reuters."
    credits = roll.to_manifest()
    assert [p.credit for p in credits.photos] == ["Ann Lee/Reuters"]
    reasons = {p.credit: p.reason for p in credits.not_shown}
    assert reasons == {
        "Susan Walsh via PA Images": "credited by the source, not shown",
        "Bo Sun via AP": "not downloaded: HTTP 404",
    }
    assert (
        "Photos credited by the source (not shown): Susan Walsh via PA Images; Bo Sun via AP"
        in credits.lines
    )


def test_agencies_alone_are_the_reporting_line():
    roll = credit_roll(Script("t", (), reporting=Reporting(agencies=("AFP",))), [])
    assert roll.spoken() == "Reporting: AFP."
    assert roll.card_lines() == ["Reporting", "AFP"]


def test_the_end_card_merges_credits_of_one_organisation_and_repeats():
    from news60.credits import merged_credits

    nyt = [
        "Chang W. Lee/The New York Times",
        "Kirsten Luce for The New York Times",
        "Chang W. Lee/The New York Times",
    ]
    assert merged_credits(nyt) == ("Chang W. Lee, Kirsten Luce/The New York Times",)
    assert merged_credits(["STR/AFP", "DESMOND KWANDE/AFP", "HARARE HERALD"]) == (
        "STR, DESMOND KWANDE/AFP",
        "HARARE HERALD",
    )
    # The same credit typed twice is one line; an agency alone goes with its photographer's line.
    assert merged_credits(["PA Images", "PA IMages", "AP", "John Minchillo/AP"]) == (
        "PA Images",
        "John Minchillo/AP",
    )
    assert merged_credits(["AP Photo/Jeffrey T. Barnes", "AP Photo/Alan Diaz, File"]) == (
        "Jeffrey T. Barnes, Alan Diaz/AP",
    )
