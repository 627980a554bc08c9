"""Signing cost per clip against the floor of rewriting the file, and the size of the credentials.

A 60 s 1080x1920 clip and its MP3 are made once from the seed with 8 large credited photos
(unsigned, so the photos are ingredients as in a real story), or given. Each is then
signed REPEAT times from a fresh copy, against a baseline measured in the same run:
  copy   reading the file and writing it again under a new name (what signing must do at least)
  sign   sign_outputs: the claim, the c2pa manifest embedded, written through news60.atomic
It reports the medians, their ratio, the manifest's size, and checks that the signed clip still
has fast start (moov before mdat) and verifies as valid.
Run: python benchmarks/provenance.py [--clip clip.mp4 --audio audio.mp3] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from render import make_photos  # benchmarks/render.py: 3000x2000 JPEGs like press photos

from news60.article.photofolder import photos_from_folder
from news60.pipeline import make_clip
from news60.provenance import sign_outputs, verify_file
from news60.provenance.keys import make_test_keys
from news60.settings import ProvenanceSettings, load_settings

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"


def make_media(work: Path) -> tuple[Path, Path, dict, list]:
    """The seed at full size with credited photos, unsigned: (clip, MP3, manifest, photos)."""
    photos = work / "photos"
    photos.mkdir()
    credits = {
        p.name: {"caption": f"Photo {p.stem}", "credit": "Benchmark/AP"}
        for p in make_photos(photos)
    }
    (photos / "photos.json").write_text(json.dumps(credits))
    settings = load_settings(
        provenance={"enabled": False}, article={"photos": photos}, out=work / "out"
    )
    outputs = make_clip(str(SEED), settings)
    shown = photos_from_folder(photos)
    return outputs.files["clip"], outputs.files["audio"], outputs.manifest, shown


def timed(action, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def measure(
    media: Path, manifest: dict, photos, settings: ProvenanceSettings, work: Path, repeat: int
):
    """(copy seconds, sign seconds, manifest bytes) for one file: medians over `repeat` runs."""
    target = work / media.name

    def copy() -> None:
        shutil.copyfile(media, work / f"copy{media.suffix}")

    def sign() -> None:
        shutil.copyfile(media, target)
        started = time.perf_counter()
        sizes.append(
            sign_outputs({"file": target}, manifest, settings, photos=photos).manifest_bytes["file"]
        )
        signing.append(time.perf_counter() - started)

    sizes: list[int] = []
    signing: list[float] = []
    copies = timed(copy, repeat)
    timed(sign, repeat)
    return statistics.median(copies), statistics.median(signing), sizes[-1], target


def describe(media: Path) -> str:
    """'1080x1920, 60.0 s, 14.2 MB' (no frame size for audio)."""
    fields = "stream=width,height:format=duration"
    cmd = ["ffprobe", "-v", "error", "-show_entries", fields, "-of", "json", str(media)]
    info = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    video = [s for s in info.get("streams", []) if s.get("width")]
    size = f"{video[0]['width']}x{video[0]['height']}, " if video else ""
    return f"{size}{float(info['format']['duration']):.1f} s, {media.stat().st_size / 1e6:.1f} MB"


def fast_start(clip: Path) -> bool:
    data = clip.read_bytes()
    return 0 <= data.find(b"moov") < data.find(b"mdat")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clip", type=Path)
    parser.add_argument("--audio", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="news60-bench-") as temp:
        work = Path(temp)
        if args.clip and args.audio:
            clip, audio = args.clip, args.audio
            manifest, photos = {"voice": "piper:en_US-joe-medium"}, ()
        else:
            clip, audio, manifest, photos = make_media(work)
        keys = make_test_keys(work / "keys")
        settings = ProvenanceSettings(cert=keys.cert, key=keys.key)
        for media in (clip, audio):
            copy_s, sign_s, size, signed = measure(
                media, manifest, photos, settings, work, args.repeat
            )
            verdict = verify_file(signed, [keys.ca])
            print(
                f"{media.name} ({describe(media)}): copy {copy_s * 1000:.0f} ms, "
                f"sign {sign_s * 1000:.0f} ms ({sign_s / copy_s:.1f}x the copy); "
                f"manifest {size} bytes; {verdict.state}"
                + (
                    f"; fast start {'kept' if fast_start(signed) else 'LOST'}"
                    if media.suffix == ".mp4"
                    else ""
                )
            )


if __name__ == "__main__":
    main()
