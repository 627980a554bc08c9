"""Story folders: one per source, versions beside each other, drafts that never look finished."""

import json
import os
import subprocess
import sys

import pytest

from news60.atomic import write_json, write_text
from news60.reviews import record_review, story_reviews
from news60.stories import (
    claim_story,
    discard,
    load_story,
    open_draft,
    publish_draft,
    remove_stale_drafts,
    slugify,
    story_index,
    story_key,
)


def test_slug_is_ascii_hyphenated_and_bounded():
    assert slugify("Trump jokes to Putin: 'Don't meddle in the election, please'") == (
        "trump-jokes-to-putin-dont-meddle-in-the-election-please"
    )
    assert slugify("Überraschung in Zürich!") == "uberraschung-in-zurich"
    assert slugify("!!!") == "story"
    assert len(slugify("word " * 40)) <= 60


def test_keys_name_the_source(tmp_path):
    assert story_key("https://x.test/a#comments") == "https://x.test/a"
    assert story_key(str(tmp_path / "a.txt")) == str((tmp_path / "a.txt").resolve())
    assert story_key("-", fallback="abc") == "stdin:abc"


def publish(story, content="x"):
    draft = open_draft(story)
    write_text(draft.path("clip.mp4"), content)
    write_json(draft.path("manifest.json"), {"files": {"clip": str(draft.final / "clip.mp4")}})
    return publish_draft(draft)


def test_nothing_appears_as_a_version_until_published(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    draft = open_draft(story)
    write_text(draft.path("clip.mp4"), "x")
    assert load_story(story.folder).versions == ()
    write_json(draft.path("manifest.json"), {})
    version = publish_draft(draft)
    assert version.number == 1 and (story.folder / "v1" / "clip.mp4").read_text() == "x"
    assert not (story.folder / "v1" / ".work").exists()
    assert load_story(story.folder).current.number == 1


def test_each_render_is_a_new_version_and_the_old_one_stays(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story, "old")
    publish(load_story(story.folder), "new")
    story = load_story(story.folder)
    assert [v.number for v in story.versions] == [1, 2]
    assert (story.folder / "v1" / "clip.mp4").read_text() == "old"
    assert (story.folder / "v2" / "clip.mp4").read_text() == "new"
    index = load_story(story.folder)
    assert index.key == "https://a.test/1" and index.current.number == 2


def test_same_headline_from_another_source_gets_its_own_folder(tmp_path):
    first = claim_story(tmp_path, "Live updates", "https://a.test/1")
    second = claim_story(tmp_path, "Live updates", "https://b.test/2")
    again = claim_story(tmp_path, "Live updates", "https://a.test/1")
    assert first.folder.name == "live-updates" and again.folder == first.folder
    assert second.folder.name.startswith("live-updates-") and second.folder != first.folder


def test_untitled_sources_do_not_share_a_folder(tmp_path):
    one = claim_story(tmp_path, "", "stdin:aaa")
    two = claim_story(tmp_path, "", "stdin:bbb")
    assert one.folder != two.folder


def test_a_version_folder_stands_for_its_story(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    version = publish(story)
    assert load_story(version.folder).folder == story.folder


def test_a_discarded_draft_leaves_nothing(tmp_path):
    story = claim_story(tmp_path, "Story", "k")
    draft = open_draft(story)
    write_text(draft.path("half.mp4"), "x")
    discard(draft)
    assert not story.folder.exists()  # a first render that failed leaves no story behind


def test_a_discarded_correction_leaves_the_earlier_versions(tmp_path):
    story = claim_story(tmp_path, "Story", "k")
    publish(story)
    draft = open_draft(load_story(story.folder))
    write_text(draft.path("half.mp4"), "x")
    discard(draft)
    assert sorted(p.name for p in story.folder.iterdir()) == ["manifest.json", "v1"]


def test_drafts_of_killed_jobs_are_removed_by_the_next_job(tmp_path):
    story = claim_story(tmp_path, "Story", "k")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = story.folder / f".draft-{dead.stdout.strip()}-abcdef"
    stale.mkdir()
    (stale / "clip.mp4").write_text("complete-looking clip of a killed job")
    live = story.folder / f".draft-{os.getpid()}-abcdef"
    live.mkdir()
    assert remove_stale_drafts(story.folder) == [stale]
    assert not stale.exists() and live.exists()


def test_an_output_folder_that_cannot_be_made_is_named(tmp_path):
    from news60.errors import News60Error

    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(News60Error, match="give a writable --out"):
        claim_story(blocker / "day", "Story", "k")


def test_a_failed_write_leaves_neither_a_half_file_nor_the_destination(tmp_path):
    from news60.atomic import writing

    dest = tmp_path / "clip.mp4"
    with pytest.raises(RuntimeError), writing(dest) as partial:
        partial.write_bytes(b"half a video")
        assert partial.suffix == ".mp4" and partial.name.startswith(".")
        raise RuntimeError("encoder died")
    assert list(tmp_path.iterdir()) == []


def test_a_corrected_headline_keeps_the_storys_folder(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story)
    again = claim_story(tmp_path, "Live updates: the day's main points", "https://a.test/1")
    assert again.folder == story.folder and again.current.number == 1
    other = claim_story(tmp_path, "Live updates: the day's main points", "https://a.test/2")
    assert other.folder != story.folder


GOOD_REVIEW = {"version": 1, "decision": "approved", "by": "Ana", "at": "2026-12-07T06:00:00Z"}


def test_a_damaged_review_costs_only_itself_and_the_damaged_index_is_kept(tmp_path):
    # A hand-edited or half-synced index: one review lost its reviewer, one its version.
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story)
    path = story.folder / "manifest.json"
    data = json.loads(path.read_text())
    data["reviews"] = [GOOD_REVIEW, {**GOOD_REVIEW, "by": None}, {**GOOD_REVIEW, "version": "one"}]
    path.write_text(json.dumps(data))
    damaged = path.read_bytes()
    assert [r.by for r in story_index(story.folder).reviews] == ["Ana"]
    assert story_index(story.folder).current == 1
    publish(load_story(story.folder))  # v2: the index is written again
    index = story_index(story.folder)
    assert index.current == 2 and [r.by for r in index.reviews] == ["Ana"]
    [kept] = story.folder.glob("manifest.damaged-*.json")
    assert kept.read_bytes() == damaged, "what could not be read is kept for a person to mend"


def test_a_review_on_a_damaged_index_is_recorded_beside_the_readable_ones(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story)
    path = story.folder / "manifest.json"
    data = json.loads(path.read_text())
    data["reviews"] = [GOOD_REVIEW, {"version": 1}]
    path.write_text(json.dumps(data))
    record_review(story.folder, 1, "rejected", "Bo", "the date is wrong", seen=1)
    assert [(r.by, r.decision) for r in story_reviews(story.folder)] == [
        ("Ana", "approved"),
        ("Bo", "rejected"),
    ]
    assert len(list(story.folder.glob("manifest.damaged-*.json"))) == 1


def test_an_index_that_is_not_json_is_kept_aside_when_the_next_version_is_made(tmp_path):
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story)
    path = story.folder / "manifest.json"
    path.write_text('{"key": "https://a.test/1", "reviews": [')  # cut short, as by a full disk
    assert story_index(story.folder).reviews == ()
    publish(load_story(story.folder))
    assert story_index(story.folder).current == 2
    [kept] = story.folder.glob("manifest.damaged-*.json")
    assert kept.read_text().endswith('"reviews": [')


def test_a_pipe_in_place_of_the_index_is_refused_at_once_and_replaced(tmp_path):
    # A FIFO where manifest.json belongs: reading it must not wait for a writer that never comes.
    story = claim_story(tmp_path, "Live updates", "https://a.test/1")
    publish(story)
    path = story.folder / "manifest.json"
    path.unlink()
    os.mkfifo(path)
    assert story_index(story.folder).reviews == ()
    publish(load_story(story.folder))
    assert path.is_file() and story_index(story.folder).current == 2
    assert not list(story.folder.glob("manifest.damaged-*.json")), "a pipe holds nothing to keep"


def test_a_damaged_failure_entry_costs_only_itself_and_a_pipe_is_not_waited_on(tmp_path):
    from news60.failures import FAILURES, read_failures, record_failure

    good = {"source": "a.txt", "label": "a.txt", "reason": "no article", "at": "2026-12-07"}
    (tmp_path / FAILURES).write_text(json.dumps({"failures": [good, {"source": "b.txt"}, 7]}))
    assert [f.source for f in read_failures(tmp_path)] == ["a.txt"]
    record_failure(tmp_path, "c.txt", "c.txt", "unreachable")
    assert [f.source for f in read_failures(tmp_path)] == ["a.txt", "c.txt"]
    (tmp_path / FAILURES).unlink()
    os.mkfifo(tmp_path / FAILURES)
    assert read_failures(tmp_path) == ()
