"""A job's output folder, built under a hidden staging name and moved into place when complete."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class JobFolder:
    """`final` is where the files land; until then they are written into `staging`."""

    final: Path
    staging: Path

    @property
    def work(self) -> Path:
        """Intermediate files (narration, soundtrack): removed before publishing."""
        return self.staging / ".work"

    def path(self, name: str) -> Path:
        return self.staging / name


def slugify(title: str, limit: int = 60) -> str:
    """A folder name from a headline: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", "").replace("’", ""))
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "story"


def open_job(out_dir: Path, slug: str) -> JobFolder:
    """Create the staging folder for `out_dir/slug`; nothing appears under `slug` yet."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = out_dir / f".{slug}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    (staging / ".work").mkdir(parents=True)
    return JobFolder(out_dir / slug, staging)


def publish(job: JobFolder) -> Path:
    """Swap the finished staging folder in for `final`, replacing an earlier render."""
    shutil.rmtree(job.work, ignore_errors=True)
    previous = job.final.with_name(f".{job.final.name}.previous-{os.getpid()}")
    if job.final.exists():
        job.final.replace(previous)
    job.staging.replace(job.final)
    shutil.rmtree(previous, ignore_errors=True)
    return job.final


def discard(job: JobFolder) -> None:
    """Remove a job that failed or was interrupted."""
    shutil.rmtree(job.staging, ignore_errors=True)
