"""The desk's safety and records, against `news60 desk` served by uvicorn on 127.0.0.1: CSRF, the
bind rules, the access token, files only under OUT, the Host check, and approvals that stay one
consistent record when reviewers (and a new version) arrive at once."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import run_news60
from deskkit import request, running_desk, session
from story_folder import SLUG, TITLE, make_story, render_clip

from news60.desk.notes import grouped, setup_notes
from news60.desk.security import DeskError
from news60.desk.server import check_installed, serve
from news60.failures import clear_failure, read_failures, record_failure
from news60.reviews import ReviewError, record_review, story_reviews
from news60.settings import load_settings
from news60.stories import load_story, open_draft, publish_draft, story_index

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
HOSTILE_LINK = "javascript:alert(document.cookie)"  # a page's canonical link, from the web
BROKEN = "Error! no article text found in broken.txt (9 words of prose)"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A story folder as news60 writes one (a one-second clip), a failure beside it, and a secret
    file just outside OUT that no request may read."""
    root = tmp_path_factory.mktemp("desk")
    clip = render_clip(root / "clip.mp4", seconds=0.2)
    out = root / "out"
    make_story(out, clip, source_url=HOSTILE_LINK)
    record_failure(out, "/news/broken.txt", "broken.txt", BROKEN.removeprefix("Error! "))
    (root / "secret.txt").write_text("the newsroom's secret")
    (out / SLUG / "v1" / "link.txt").symlink_to(root / "secret.txt")
    return out


@pytest.fixture(scope="module")
def desk(out) -> str:
    with running_desk(out) as address:
        yield address


def test_the_day_shows_the_story_and_the_failure_with_its_reason(desk):
    page = request(desk, "GET", "/").text
    assert "Trump jokes to Putin" in page and "Needs review" in page
    assert "no article text found in broken.txt" in page
    assert page.count("Failed <b>1</b>") == 1 and "Needs review <b>1</b>" in page


def test_links_from_the_web_never_run_script(desk):
    page = request(desk, "GET", f"/story/{SLUG}")
    assert page.status == 200 and 'href="javascript:' not in page.text.lower()
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_request_without_the_csrf_token_is_refused(desk, out):
    cookie, csrf = session(desk, f"/story/{SLUG}")
    form = {"version": "1", "seen": "0", "decision": "approved", "by": "Mallory"}
    path = f"/story/{SLUG}/review"
    for headers, body in (
        ({"Cookie": cookie}, form),  # no token
        ({"Cookie": cookie}, form | {"csrf": "0" * 64}),  # a made-up one
        ({}, form | {"csrf": csrf}),  # another site's page: the token without the session
    ):
        reply = request(desk, "POST", path, urlencode(body).encode(), FORM | headers)
        assert reply.status == 403 and "CSRF" in reply.text
    assert story_reviews(out / SLUG) == ()
    good = urlencode(form | {"csrf": csrf, "by": "Ana Editor"}).encode()
    reply = request(desk, "POST", path, good, FORM | {"Cookie": cookie})
    assert reply.status == 303
    (review,) = story_reviews(out / SLUG)
    assert (review.by, review.version, review.decision) == ("Ana Editor", 1, "approved")


@pytest.mark.parametrize(
    "path",
    [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        f"/media/{SLUG}/v1/../../../secret.txt",
        f"/media/{SLUG}/%2E%2E/%2E%2E/secret.txt",
        "/media/..%2fsecret.txt",
        f"/media/{SLUG}/v1/link.txt",  # a link inside OUT that leads out
        "/media//etc/passwd",
        f"/media/{SLUG}/.uploads.lock",
        "/story/..",
        "/story/%2e%2e%2fout",
    ],
)
def test_paths_outside_out_are_refused(desk, path):
    reply = request(desk, "GET", path)
    assert reply.status in (400, 404)
    assert b"the newsroom's secret" not in reply.body and b"root:" not in reply.body


def test_files_under_out_are_served(desk, out):
    reply = request(desk, "GET", f"/media/{SLUG}/v1/clip.mp4", headers={"Range": "bytes=0-99"})
    assert reply.status == 206 and reply.body == (out / SLUG / "v1" / "clip.mp4").read_bytes()[:100]


def test_a_page_asked_for_by_another_host_name_is_refused(desk):
    """DNS rebinding: a site whose name resolves to 127.0.0.1 still names itself in Host."""
    reply = request(desk, "GET", "/", headers={"Host": "attacker.example:8060"})
    assert reply.status == 400


def test_a_non_loopback_bind_without_a_token_refuses_to_start(out):
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    settings = load_settings(None, out=out)
    with pytest.raises(DeskError, match="without a token"):
        serve(out, settings, host="0.0.0.0", port=port, token=None)
    with pytest.raises(DeskError, match="must use HTTPS"):
        serve(out, settings, host="0.0.0.0", port=port, token="a-token")
    with pytest.raises(ConnectionRefusedError):  # nothing was left listening
        socket.create_connection(("127.0.0.1", port), timeout=5)
    done = run_news60("desk", str(out), "--host", "0.0.0.0", "--port", str(port), timeout=60)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Error! the desk on 0.0.0.0 must use HTTPS")


def test_the_access_token_is_asked_for_then_kept_as_a_cookie(out):
    code = (
        "from pathlib import Path; from news60.desk.server import serve; "
        "from news60.settings import load_settings; "
        f"out = Path({str(out)!r}); "
        "serve(out, load_settings(None, out=out), port=0, token='tok-123', "
        "ready=lambda a: print(a, flush=True))"
    )
    with running_desk(out, code=code) as address:
        assert request(address, "GET", "/").status == 401
        assert request(address, "GET", "/?token=tok-124").status == 401
        door = request(address, "GET", "/?token=tok-123")
        assert door.status == 303 and door.headers["location"] == "/"
        cookie = door.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        page = request(address, "GET", "/", headers={"Cookie": cookie.split(";", 1)[0]})
        assert page.status == 200 and TITLE.split(":")[0] in page.text


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, as PEM files."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return folder / "cert.pem", folder / "key.pem"


def test_with_a_certificate_the_desk_speaks_https_and_its_cookies_are_secure(
    out, tmp_path, monkeypatch
):
    cert, key = self_signed(tmp_path)
    monkeypatch.setenv("NEWS60_TEST_CA", str(cert))
    with running_desk(out, "--cert", str(cert), "--key", str(key)) as address:
        assert address.startswith("https://127.0.0.1:")
        reply = request(address, "GET", "/")
        assert reply.status == 200 and "Secure" in reply.headers["set-cookie"]


def _approve(args) -> str:
    story, name, barrier = args
    barrier.wait()
    try:
        record_review(Path(story), 2, "approved", name, "", seen=1)
        return "recorded"
    except ReviewError as exc:
        return str(exc)


def test_reviewers_at_once_leave_one_decision_and_a_new_version_keeps_the_trail(tmp_path):
    clip = render_clip(tmp_path / "clip.mp4", seconds=0.2)
    make_story(tmp_path / "out", clip)
    story = make_story(tmp_path / "out", clip, version=2)
    record_review(story, 2, "rejected", "Ana", "the headline is wrong", seen=0)
    context = multiprocessing.get_context("fork")
    barrier = context.Manager().Barrier(6)
    with context.Pool(6) as pool:
        said = pool.map(_approve, [(str(story), f"Editor {n}", barrier) for n in range(6)])
    assert said.count("recorded") == 1
    assert all("while you were looking" in s for s in said if s != "recorded")
    reviews = story_reviews(story)
    assert [r.decision for r in reviews] == ["rejected", "approved"]
    # The next version is published (its index rebuilt): the trail stays, v3 is not approved.
    draft = open_draft(load_story(story))
    (draft.staging / "manifest.json").write_text(json.dumps({"version": 3, "files": {}}))
    publish_draft(draft)
    index = story_index(story)
    assert index.current == 3 and len(index.reviews) == 2
    with pytest.raises(ReviewError, match="v2 is no longer the current version"):
        record_review(story, 2, "approved", "Late", "", seen=2)


def test_failures_are_kept_until_the_story_is_made(tmp_path):
    record_failure(tmp_path, "a.txt", "a.txt", "no article")
    record_failure(tmp_path, "b.txt", "b.txt", "unreachable")
    record_failure(tmp_path, "a.txt", "a.txt", "still no article")
    assert [(f.source, f.reason) for f in read_failures(tmp_path)] == [
        ("b.txt", "unreachable"),
        ("a.txt", "still no article"),
    ]
    clear_failure(tmp_path, "b.txt")
    assert [f.source for f in read_failures(tmp_path)] == ["a.txt"]


def test_notes_are_grouped_in_plain_words_and_setup_is_said_once():
    url = "https://cdn.example.com/images/2024/06/28/" + "x" * 80 + "/harbour.jpg"
    notes = [
        "not signed: no signing key (run `news60 keys init`, or set [provenance] cert and key)",
        f"photo {url!r} not shown: not downloaded: HTTP 404",
        "posted to youtube https://www.youtube.com/shorts/abc",
    ]
    groups = grouped(notes)
    assert list(groups) == ["Photos", "Publishing"]
    (photo,) = groups["Photos"]
    assert "cdn.example.com/…/harbour.jpg" in photo and len(photo) < 120
    assert len(setup_notes(notes + notes)) == 1


def test_a_missing_desk_package_is_one_line_naming_the_extra(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "uvicorn" else real(name, *a)
    )
    with pytest.raises(DeskError, match=r"the desk needs uvicorn: pip install 'news60\[desk\]'"):
        check_installed()


def test_the_trace_shows_each_scene_s_article_sentences_and_rewrites():
    from news60.desk.story import scene_trace
    from news60.script.storyfile import script_from_dict

    said = "Police said the road is closed."
    traced = {
        "text": said,
        "sources": ["LONDON — Police said on Monday that the road is closed."],
        "places": [0],
        "rewrites": [{"rule": "clutter", "note": "dropped the dateline “LONDON —”"}],
    }
    scenes = [{"text": said, "caption": said, "lines": [traced]}, {"text": "x"}]
    script = script_from_dict({"title": "Road closed", "scenes": scenes})
    assert [scene_trace(scene) for scene in script.scenes] == [
        (
            "“LONDON — Police said on Monday that the road is closed.”",
            "clutter: dropped the dateline “LONDON —”",
        ),
        (),
    ]


def test_the_day_list_follows_the_folder_for_live_updates(desk, out):
    first = request(desk, "GET", "/day/list?status=&q=")
    stamp = first.headers["x-stamp"]
    assert first.status == 200 and "Trump jokes to Putin" in first.text
    assert request(desk, "GET", f"/day/list?status=&q=&since={stamp}").status == 204
    record_failure(out, "https://news.example/late", "late story", "the page timed out")
    try:
        changed = request(desk, "GET", f"/day/list?status=&q=&since={stamp}")
        assert changed.status == 200 and "the page timed out" in changed.text
    finally:
        clear_failure(out, "https://news.example/late")


def test_a_story_a_live_job_is_writing_shows_as_rendering(tmp_path):
    from news60.desk.day import read_day

    clip = render_clip(tmp_path / "clip.mp4", seconds=0.2)
    story = make_story(tmp_path / "out", clip)
    draft = story / f".draft-{os.getpid()}-abc123"
    draft.mkdir()
    assert [r.status for r in read_day(tmp_path / "out").rows] == ["rendering"]
    draft.rename(story / ".draft-99999999-abc123")  # its job is gone: the version stands
    assert [r.status for r in read_day(tmp_path / "out").rows] == ["review"]


def test_a_fix_that_says_what_the_article_does_not_is_flagged(seed_path, tmp_path):
    from news60.desk.actions import unsupported
    from news60.models import Scene, Script
    from news60.stories import Story

    story = Story(tmp_path, str(seed_path))
    faithful = Script("t", (Scene("Trump hailed his relationship with Putin.", ""),))
    invented = Script("t", (Scene("Trump met Boris Johnson in 1999.", ""),))
    assert unsupported(faithful, story) == ""
    assert unsupported(invented, story) == (
        "; not in the article, check them: 1999, Boris, Johnson, met"
    )
    assert unsupported(invented, Story(tmp_path, "https://news.example/story")) == ""
