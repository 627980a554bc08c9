"""One job per story at a time: two real `news60 make` (or `batch`) processes of one source into
one --out make one version; the second waits for the first and reports the story unchanged, or
gives up after `wait` seconds with one Error line. The lock goes with a killed process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import SCRAPES, TINY, scrape
from conftest import SEED

from news60.stories import claim_story, load_story
from news60.storylock import LOCK, StoryBusy, lock_story

TITLE = "Trump jokes to Putin: 'Don't meddle in the election, please'"
HOLD = (
    "import fcntl, os, sys, time; h = open(sys.argv[1], 'a+'); fcntl.flock(h, fcntl.LOCK_EX);"
    "h.seek(0); h.truncate(); h.write(str(os.getpid())); h.flush(); print('held', flush=True);"
    "time.sleep(600)"
)


def news60(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "news60", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def holding(lock: Path) -> subprocess.Popen:
    """Another process holding a story's lock (as a job making that story does)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(lock)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def numbers(folder: Path) -> list[int]:
    return [v.number for v in load_story(folder).versions]


@pytest.mark.slow
def test_two_makes_of_one_source_into_one_folder_make_one_version(tmp_path):
    out = tmp_path / "out"
    args = ["make", str(SEED), "--out", str(out), "--json", *TINY]
    first, second = news60(*args), news60(*args)
    results = [p.communicate(timeout=900) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], [err for _, err in results]
    manifests = [json.loads(stdout) for stdout, _ in results]
    assert sorted(m.get("unchanged", False) for m in manifests) == [False, True]
    assert {m["version"] for m in manifests} == {1}
    (story,) = [p for p in out.iterdir() if p.is_dir()]
    assert numbers(story) == [1]  # never a second version of the same content
    v1 = story / "v1"
    assert all(Path(path).parent == v1 for path in manifests[0]["files"].values())
    assert not [p.name for p in story.iterdir() if p.name.startswith(".draft")]


@pytest.mark.slow
def test_two_batch_runs_of_the_same_stories_make_each_once_even_in_opposite_orders(tmp_path):
    """Each run starts on the story the other wants next: while it waits for the other's story,
    it writes its own finished one, so neither waits out its `wait`."""
    articles, out = tmp_path / "in", tmp_path / "out"
    articles.mkdir()
    names = [f"{name}.txt" for name in SCRAPES[:2]]
    for name in SCRAPES[:2]:
        (articles / f"{name}.txt").write_text(scrape(name), encoding="utf-8")
    (articles / "forward.csv").write_text("source\n" + "\n".join(names) + "\n")
    (articles / "backward.csv").write_text("source\n" + "\n".join(names[::-1]) + "\n")
    (tmp_path / "news60.toml").write_text("wait = 240\n")
    runs = [
        news60(
            *("--config", str(tmp_path / "news60.toml"), "batch", str(articles / manifest)),
            *("--out", str(out), "--workers", "1", "--json", *TINY),
        )
        for manifest in ("forward.csv", "backward.csv")
    ]
    results = [p.communicate(timeout=900) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], [err for _, err in results]
    summaries = [json.loads(stdout) for stdout, _ in results]
    assert sum(s["rendered"] for s in summaries) == 2  # each story by one run
    assert sum(s["unchanged"] for s in summaries) == 2  # and found made by the other
    stories = [p for p in out.iterdir() if p.is_dir()]
    assert len(stories) == 2 and all(numbers(story) == [1] for story in stories)


def test_a_job_waits_for_the_story_then_gives_up_with_one_line(tmp_path):
    story = claim_story(tmp_path / "out", TITLE, str(SEED.resolve()))
    holder = holding(story.folder / LOCK)
    try:
        started = time.monotonic()
        with pytest.raises(StoryBusy, match=rf"another news60 job \(pid {holder.pid}\)"):
            lock_story(story.folder, wait=0.5)
        assert 0.5 <= time.monotonic() - started < 5
        (tmp_path / "news60.toml").write_text(f'out = "{tmp_path / "out"}"\nwait = 1\n')
        make = news60("--config", str(tmp_path / "news60.toml"), "make", str(SEED), *TINY)
        _, stderr = make.communicate(timeout=300)
        assert make.returncode == 1
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error! another news60 job"), stderr
        assert "raise `wait`" in lines[0] and numbers(story.folder) == []
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_goes_with_a_killed_job(tmp_path):
    story = claim_story(tmp_path / "out", TITLE, "https://example.test/story")
    holder = holding(story.folder / LOCK)
    holder.kill()  # SIGKILL: no chance to unlock
    holder.wait()
    lock = lock_story(story.folder, wait=0)
    assert lock is not None
    lock.release()


def test_a_removed_story_folder_is_not_locked_and_a_released_lock_leaves_no_file(tmp_path):
    story = claim_story(tmp_path / "out", TITLE, "https://example.test/story")
    assert lock_story(tmp_path / "out" / "gone", wait=0) is None
    lock = lock_story(story.folder, wait=0)
    assert lock is not None and (story.folder / LOCK).read_text() == str(os.getpid())
    lock.release()
    assert not (story.folder / LOCK).exists()  # a finished job leaves no lock file behind
