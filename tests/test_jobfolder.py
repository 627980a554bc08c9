from news60.atomic import write_text
from news60.jobfolder import discard, open_job, publish, slugify


def test_slug_is_ascii_hyphenated_and_bounded():
    assert slugify("Trump jokes to Putin: 'Don't meddle in the election, please'") == (
        "trump-jokes-to-putin-dont-meddle-in-the-election-please"
    )
    assert slugify("Überraschung in Zürich!") == "uberraschung-in-zurich"
    assert slugify("!!!") == "story"
    assert len(slugify("word " * 40)) <= 60


def test_nothing_appears_under_the_final_name_until_published(tmp_path):
    job = open_job(tmp_path, "story")
    write_text(job.path("clip.mp4"), "x")
    assert not (tmp_path / "story").exists()
    publish(job)
    assert (tmp_path / "story" / "clip.mp4").read_text() == "x"
    assert not (tmp_path / "story" / ".work").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["story"]


def test_publishing_again_replaces_the_old_render(tmp_path):
    for content in ("old", "new"):
        job = open_job(tmp_path, "story")
        write_text(job.path("a.txt"), content)
        publish(job)
    assert (tmp_path / "story" / "a.txt").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["story"]


def test_a_discarded_job_leaves_nothing(tmp_path):
    job = open_job(tmp_path, "story")
    write_text(job.path("half.mp4"), "x")
    discard(job)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_neither_a_half_file_nor_the_destination(tmp_path):
    import pytest

    from news60.atomic import writing

    dest = tmp_path / "clip.mp4"
    with pytest.raises(RuntimeError), writing(dest) as partial:
        partial.write_bytes(b"half a video")
        assert partial.suffix == ".mp4" and partial.name.startswith(".")
        raise RuntimeError("encoder died")
    assert list(tmp_path.iterdir()) == []
