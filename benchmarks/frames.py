"""Still frames of the seed clip for review: every format, with photos and without, as PNGs.

The seed is scripted and narrated once per photo set (with --photos-style photos, then without), and
each format's timeline is planned exactly as `news60 make` plans it (outputs.plan); frames are drawn
by the compositor the render uses, without encoding a video. Saved per format and photo set:
  hook-0s, hook-1s, hook-2s   the opening seconds
  <kind>                      one frame of each card kind the timeline holds (key, quote, figure,
                              timeline, photo ...), once its text has built in; "photo-pan" is a
                              panorama panning at full height, "photo-beside" a photo whose faces
                              would meet the text shown beside it (16:9), and "-quote" marks a
                              quote over a photo
  end                         the end card
  cover                       the cover make writes (write_thumbnail) for that format, as PNG
The photos are scikit-image samples (a face, a cat, a coffee cup, a rocket) and a 3:1 panorama.
Run: python benchmarks/frames.py OUT [--width 540]   (files: OUT/<photos|cards>-<9x16 ...>-<frame>.png,
and the contact sheets OUT/<9x16 ...>.png that docs/frames shows: photos above, cards below)

With --measure, clips are rendered instead (9:16 and 16:9 at --width, 30 fps, the mixed soundtrack):
the seed with photos and without, and five dev pages (their own captions and credits, their pixels
from real sample photos, see dev_photos, since pages' photos download only from the web). Per clip:
  empty     the longest stretch (s) with neither a photo nor a designed line above the captions
  still4    framecheck's still 4 s windows (no change above the captions for 4 s)
  frozen    framecheck's longest frozen stretch (s), and where it starts
  repeats   lines above the captions that repeat the captions shown with them, or an earlier line
  flash     framecheck's one-frame flashes, and its still 5 s windows
Run under the heavy lock: flock /tmp/news60-heavy.lock python benchmarks/frames.py OUT --measure
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image

from news60.models import Article, Narration, Script
from news60.pipeline import read_source, write_script
from news60.provenance import synthetic_voice
from news60.settings import load_settings
from news60.speech.mix import mix_soundtrack
from news60.video.compositor import Compositor
from news60.video.formats import SIZES
from news60.video.photos import inspect_photo
from news60.video.render import render_video
from news60.video.review import empty_seconds, repeated_lines
from news60.video.theme import Theme, load_theme
from news60.video.thumbnail import write_thumbnail
from news60.video.timeline import plan_timeline

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
SHARED = Path(__file__).resolve().parents[2] / "shared"
FRAMECHECK = SHARED / "tools" / "framecheck.py"
# Dev pages with several captioned, credited photos each (data/captions/gold.jsonl).
DEV_PAGES = ("nytimes-3", "citylab-1", "wapo-1", "telegraph", "schema-org-context-object")
MEASURED = ("9:16", "16:9")
# Who made the samples (scikit-image's data notes), as a producer's photos.json would say.
CREDITS = {
    "astronaut": "NASA",
    "chelsea": "Stefan van der Walt",
    "coffee": "Rachel Michetti",
    "rocket": "SpaceX",
    "panorama": "Middlebury Stereo",
}
FPS = 30
HOOK_SECONDS = (0, 1, 2)
SETTLED = (
    1.2  # seconds into a shot by which its text has built in (staggered lines, 6-8 frames each)
)


def make_photos(folder: Path) -> Path:
    """Four scikit-image samples and a 3:1 panorama (a stereo pair side by side) as JPEGs."""
    from skimage import data

    for name in ("astronaut", "chelsea", "coffee", "rocket"):
        Image.fromarray(getattr(data, name)()).save(folder / f"{name}.jpg", quality=92)
    left, right = data.stereo_motorcycle()[:2]
    Image.fromarray(np.hstack([left, right])).save(folder / "panorama.jpg", quality=92)
    sidecar = {f"{name}.jpg": {"credit": credit} for name, credit in CREDITS.items()}
    (folder / "photos.json").write_text(json.dumps(sidecar))
    return folder


def dev_photos(folder: Path) -> Path:
    """The seed's samples and four more real photos (scikit-image's cameraman and Hubble field,
    scikit-learn's China and flower): a page's photos each get their own picture."""
    from skimage import data
    from sklearn.datasets import load_sample_image

    make_photos(folder)
    Image.fromarray(data.camera()).convert("RGB").save(folder / "camera.jpg", quality=92)
    Image.fromarray(data.hubble_deep_field()).save(folder / "hubble.jpg", quality=92)
    for name in ("china", "flower"):
        Image.fromarray(load_sample_image(f"{name}.jpg")).save(folder / f"{name}.jpg", quality=92)
    return folder


def frame_size(name: str, width: int) -> tuple[int, int]:
    """The format's shape at `width` pixels wide, the height rounded to an even number."""
    w, h = SIZES[name]
    return width, 2 * round(width * h / w / 2)


def shot_times(compositor: Compositor) -> dict[str, float]:
    """Frame name -> time: the hook's seconds, then a settled frame of each shot kind (one with a
    line above the captions when the kind has one)."""
    timeline = compositor.timeline
    times = {f"hook-{s}s": float(s) for s in HOOK_SECONDS}
    lined: set[str] = set()
    for index, slide in enumerate(timeline.slides[1:], 1):
        name = shot_name(compositor, index)
        if name in lined or (name in times and not slide.heading):
            continue
        times[name] = min(slide.start + SETTLED, (slide.start + slide.end) / 2)
        lined |= {name} if slide.heading else set()
    return times


def shot_name(compositor: Compositor, index: int) -> str:
    """The slide's kind; a photo says whether it fills the frame, pans at full height or stands
    beside the text, and whether a quote is over it."""
    slide = compositor.timeline.slides[index]
    if not (slide.photo and slide.photo.src):
        return slide.kind
    info = inspect_photo(slide.photo.src)
    size = (compositor.timeline.width, compositor.timeline.height)
    if info is not None and info.pans(size):
        name = "photo-pan"
    else:
        name = "photo" if compositor.shot(index).picture.box is None else "photo-beside"
    # A quote scene over a photo: its heading opens with a curly quote mark.
    return f"{name}-quote" if slide.heading.startswith("“") else name


def contact_sheet(frames: list[list[Path]], dest: Path, gap: int = 4) -> Path:
    """Rows of frames at half size, side by side on white: one row per photo set."""
    rows = [[Image.open(path) for path in row] for row in frames]
    w, h = (d // 2 for d in rows[0][0].size)
    width = max(len(row) for row in rows) * (w + gap) - gap
    sheet = Image.new("RGB", (width, len(rows) * (h + gap) - gap), "white")
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            sheet.paste(image.resize((w, h), Image.LANCZOS), (c * (w + gap), r * (h + gap)))
    # 256 colours, dithered: a sheet for the docs stays well under a megabyte.
    sheet.quantize(256, dither=Image.Dither.FLOYDSTEINBERG).save(dest, optimize=True)
    return dest


def save_format(
    script: Script, narration: Narration, theme: Theme, size: tuple[int, int], prefix: Path
) -> list[Path]:
    """One format's frames and cover, planned as make plans them; returns the files written."""
    timeline = plan_timeline(
        script,
        narration,
        theme,
        size=size,
        fps=FPS,
        audio=narration.wav,
        synthetic_voice=synthetic_voice(narration.voice),
    )
    compositor, saved = Compositor(timeline, theme), []
    for name, at in shot_times(compositor).items():
        saved.append(prefix.with_name(f"{prefix.name}-{name}.png"))
        Image.fromarray(compositor.frame_at(at)).save(saved[-1])
    cover = write_thumbnail(timeline, theme, size, prefix.with_name(f"{prefix.name}-cover.jpg"))
    saved.append(cover.with_suffix(".png"))
    Image.open(cover).save(saved[-1])
    cover.unlink()
    return saved


def save_photo_set(photos: Path | None, out: Path, width: int, work: Path) -> dict[str, list[Path]]:
    """Script and narrate the seed with `photos` (None: cards only), then save every format."""
    settings = load_settings(article={"photos": photos})
    theme = load_theme(settings.video.theme)
    script, narration = write_script(read_source(str(SEED), settings), settings, theme, work)
    label = "photos" if photos else "cards"
    saved = {}
    for name in SIZES:
        prefix = out / f"{label}-{name.replace(':', 'x')}"
        saved[name] = save_format(script, narration, theme, frame_size(name, width), prefix)
    return saved


def dev_article(page: str, photos: Path, settings) -> Article:
    """A dev page as read, its photos' pixels taken in turn from the sample photos (kept captions
    and credits), so the clip shows the page's pictures as credited."""
    article = read_source(str(SHARED / "data" / "html" / page / "page.html"), settings)
    pool = sorted(photos.glob("*.jpg"))  # from dev_photos
    shift = DEV_PAGES.index(page)  # each page opens on another sample
    pictures = tuple(
        replace(photo, src=str(pool[(shift + i) % len(pool)]), note="")
        for i, photo in enumerate(p for p in article.photos if p.caption or p.credit)
    )
    return replace(article, photos=pictures)


def measure_clip(script, narration, theme, name: str, size, out: Path) -> str:
    """Render one clip small and report its on-screen figures and framecheck's."""
    timeline = plan_timeline(
        script, narration, theme, size=size, fps=FPS, audio=out / f"{name}.wav",
        synthetic_voice=synthetic_voice(narration.voice),
    )  # fmt: skip
    # The voice alone: framecheck looks at the pictures, and the bed adds nothing to them.
    mix = {"offset": timeline.narration_offset, "duration": timeline.duration, "music": None}
    mix_soundtrack(narration, dest=timeline.audio, **mix)
    clip = render_video(timeline, theme, load_settings().video, out / f"{name}.mp4")
    four, five = framecheck(clip, 4), framecheck(clip, 5)
    repeats = repeated_lines(timeline)
    for repeat in repeats:
        print(f"  repeat at {repeat.start}: {repeat.line!r} ~ {repeat.echoes[:80]!r}", flush=True)
    return (
        f"{name:34} empty {empty_seconds(timeline):5.1f}  still4 {four['still']:2d}  "
        f"frozen {four['frozen']:5.1f} at {four['at']:5.1f}  repeats {len(repeats):2d}  "
        f"flash {five['flashes']}  still5 {five['still']}"
    )


def framecheck(clip: Path, window: int) -> dict:
    """framecheck's counts for the clip with `window`-second still windows."""
    printed = subprocess.run(
        [sys.executable, str(FRAMECHECK), str(clip), str(window)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    numbers = re.search(
        r"flashes (\d+).*still_\d+s_windows (\d+).*frozen_max_s ([\d.]+) at ([\d.]+)", printed
    )
    flashes, still, frozen, at = numbers.groups()
    return {"flashes": int(flashes), "still": int(still), "frozen": float(frozen), "at": float(at)}


def measure(out: Path, width: int, work: Path) -> None:
    """Every measured clip: the seed with photos and without, then the dev pages."""
    photos = make_photos(work / "photos")
    runs = [("seed-photos", photos, None), ("seed-cards", None, None)]
    runs += [(page, photos, page) for page in DEV_PAGES]
    for label, folder, page in runs:
        settings = load_settings(article={"photos": folder if page is None else None})
        theme = load_theme(settings.video.theme)
        article = dev_article(page, photos, settings) if page else read_source(str(SEED), settings)
        narration_dir = Path(tempfile.mkdtemp(dir=work))
        script, narration = write_script(article, settings, theme, narration_dir)
        for fmt in MEASURED:
            size = frame_size(fmt, width if SIZES[fmt][0] < SIZES[fmt][1] else width * 16 // 9)
            name = f"{label}-{fmt.replace(':', 'x')}"
            print(measure_clip(script, narration, theme, name, size, out), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs, or the clips (created)")
    parser.add_argument("--width", type=int, default=540, help="frame width in pixels (540)")
    parser.add_argument("--measure", action="store_true", help="render and measure clips")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.measure:
        with tempfile.TemporaryDirectory(prefix="news60-frames-") as tmp:
            (Path(tmp) / "photos").mkdir()
            measure(args.out, args.width, Path(tmp))
        return
    with tempfile.TemporaryDirectory(prefix="news60-frames-") as tmp:
        work = Path(tmp)
        (work / "photos").mkdir()
        sets = []
        for photos in (make_photos(work / "photos"), None):
            narration = Path(tempfile.mkdtemp(dir=work))
            sets.append(save_photo_set(photos, args.out, args.width, narration))
    for name in SIZES:
        sheet = args.out / f"{name.replace(':', 'x')}.png"
        print(contact_sheet([saved[name] for saved in sets], sheet).name, flush=True)


if __name__ == "__main__":
    main()
