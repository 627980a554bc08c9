"""Batch throughput against separate `news60 make` runs, all measured in one run on 8 real articles
(scraped pages from ../shared/data):
  separate   8 `news60 make` processes one after another (each loads the model and the voice)
  workers 1  `news60 batch --workers 1` (a LocalCluster of one single-threaded process)
  workers 2  `news60 batch --workers 2`
  cluster 2  a `dask scheduler` and two `dask worker --nthreads 1` on 127.0.0.1, `news60 batch --cluster`
             (with `[video] threads` set to the cores / 2, as a machine running two workers is told)
Each configuration renders into a fresh folder with a fresh speech and embedding cache, so every
story is rendered and narrated as a new story is. Printed: stories per minute, the ratio to the
separate runs, and peak memory per worker process (its own peak RSS; for the separate runs, the
largest `make` process), and the load average. Targets: workers 2 >= 1.5x separate; cluster within
10 % of workers 2; every worker's peak under 1 GiB.
Run under the lock: flock /tmp/news60-heavy.lock .venv/bin/python benchmarks/batch.py [--size 720x1280]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from news60.batch.localhost import local_scheduler

ROOT = Path(__file__).resolve().parents[1]
SCRAPES = ROOT.parent / "shared" / "data" / "scrapes"
STORIES = 8
GIB = 2**30


def articles(folder: Path, count: int = STORIES) -> Path:
    """The first `count` scraped pages (by id), copied as article files."""
    folder.mkdir(parents=True)
    for page in sorted(SCRAPES.iterdir())[:count]:
        (folder / f"{page.name}.txt").write_bytes((page / "scrape.txt").read_bytes())
    return folder


def separate(folder: Path, out: Path, render: list[str]) -> dict:
    """One `news60 make` per article, one after another."""
    started = time.perf_counter()
    for path in sorted(folder.iterdir()):
        news60("make", str(path), "--out", str(out), "-q", *render, cache=out.with_suffix(".cache"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    count = len(list(folder.iterdir()))
    return {"seconds": seconds, "stories": count, "peak": peak}


def batch(
    folder: Path, out: Path, render: list[str], *where: str, config: Path | None = None
) -> dict:
    """One `news60 batch` over the folder; its JSON summary gives the workers' peaks."""
    started = time.perf_counter()
    options = ["--config", str(config)] if config else []
    arguments = [*options, "batch", str(folder), "--out", str(out), "--json", *where, *render]
    summary = json.loads(news60(*arguments, cache=out.with_suffix(".cache")))
    seconds = time.perf_counter() - started
    workers = summary["workers"]
    assert summary["rendered"] == len(list(folder.iterdir())), summary
    return {
        "seconds": seconds,
        "stories": summary["rendered"],
        "peak": max(w["peak_rss"] for w in workers),
        "processes": len(workers),
        "warmup": [w["warmup_seconds"] for w in workers],
    }


def news60(*args: str, cache: Path) -> str:
    """The CLI with its speech and embedding caches in `cache` (and a cluster's workers too)."""
    command = [sys.executable, "-m", "news60", *args]
    env = os.environ | {"XDG_CACHE_HOME": str(cache)}
    return subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout


def load_average() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


def report(results: dict[str, dict], render: list[str]) -> None:
    base = results["separate"]
    print(
        f"news60 batch benchmark: {base['stories']} stories, {' '.join(render)}, {os.cpu_count()} cores"
    )
    print(f"{'run':12} {'seconds':>8} {'stories/min':>12} {'vs separate':>12} {'peak/worker':>12}")
    for name, r in results.items():
        rate = r["stories"] / r["seconds"] * 60
        ratio = base["seconds"] / r["seconds"]
        print(
            f"{name:12} {r['seconds']:8.1f} {rate:12.2f} {ratio:11.2f}x {r['peak'] / GIB:9.2f} GiB"
        )
    for name, r in results.items():
        if r.get("warmup"):
            print(f"  {name}: model and voice load per worker {r['warmup']} s")
    speedup = base["seconds"] / results["workers 2"]["seconds"]
    gap = results["cluster 2"]["seconds"] / results["workers 2"]["seconds"] - 1
    peak = max(r["peak"] for r in results.values())
    print(
        f"target workers 2 >= 1.5x separate: {speedup:.2f}x {'met' if speedup >= 1.5 else 'NOT met'}"
    )
    print(
        f"target cluster within 10 % of workers 2: {gap:+.1%} {'met' if gap <= 0.10 else 'NOT met'}"
    )
    print(
        f"target peak per process < 1 GiB: {peak / GIB:.2f} GiB {'met' if peak < GIB else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="720x1280", help="frame size (1080x1920 is full size)")
    parser.add_argument("--fps", default="30")
    parser.add_argument("--seconds", default="60")
    parser.add_argument("--stories", type=int, default=STORIES, help="fewer for a quick check")
    args = parser.parse_args()
    render = ["--size", args.size, "--fps", args.fps, "--seconds", args.seconds]
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="news60-bench-") as tmp:
        root = Path(tmp)
        folder = articles(root / "in", args.stories)
        results = {"separate": separate(folder, root / "separate", render)}
        results["workers 1"] = batch(folder, root / "w1", render, "--workers", "1")
        results["workers 2"] = batch(folder, root / "w2", render, "--workers", "2")
        config = root / "two-per-machine.toml"
        config.write_text(f"[video]\nthreads = {max(1, len(os.sched_getaffinity(0)) // 2)}\n")
        # The cluster's workers start from this process: their caches are fresh too.
        os.environ["XDG_CACHE_HOME"] = str(root / "c2.cache")
        with local_scheduler(root / "cluster") as address:
            results["cluster 2"] = batch(
                folder, root / "c2", render, "--cluster", address, config=config
            )
    print(f"load average (1, 5, 15 min) before: {before}; after: {load_average()}")
    report(results, render)


if __name__ == "__main__":
    main()
