"""Still frames of the seed clip for review: every format, with photos and without, as PNGs.

The seed is scripted and narrated once per photo set (with --photos-style photos, then without), and
each format's timeline is planned exactly as `news60 make` plans it (outputs.plan); frames are drawn
by the compositor the render uses, without encoding a video. Saved per format and photo set:
  hook-0s, hook-1s, hook-2s   the opening seconds
  <kind>                      one frame of each card kind the timeline holds (key, quote, figure,
                              timeline, photo ...), once its text has built in; "photo-whole" is a
                              photo much wider than the frame shown whole over a blurred copy, and
                              "-quote" marks a quote scene over a photo
  end                         the end card
  cover                       the cover make writes (write_thumbnail) for that format, as PNG
The photos are scikit-image samples (a face, a cat, a coffee cup, a rocket) and a 3:1 panorama.
Run: python benchmarks/frames.py OUT [--width 540]   (files: OUT/<photos|cards>-<9x16 ...>-<frame>.png)
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image

from news60.models import Narration, Script, Slide, Timeline
from news60.pipeline import read_source, write_script
from news60.provenance import synthetic_voice
from news60.settings import load_settings
from news60.video.compositor import Compositor
from news60.video.formats import SIZES
from news60.video.photos import inspect_photo
from news60.video.theme import Theme, load_theme
from news60.video.thumbnail import write_thumbnail
from news60.video.timeline import plan_timeline

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-article.txt"
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
    return folder


def frame_size(name: str, width: int) -> tuple[int, int]:
    """The format's shape at `width` pixels wide, the height rounded to an even number."""
    w, h = SIZES[name]
    return width, 2 * round(width * h / w / 2)


def shot_times(timeline: Timeline) -> dict[str, float]:
    """Frame name -> time: the hook's seconds, then the first settled frame of each shot kind."""
    times = {f"hook-{s}s": float(s) for s in HOOK_SECONDS}
    for slide in timeline.slides[1:]:
        at = min(slide.start + SETTLED, (slide.start + slide.end) / 2)
        times.setdefault(shot_name(slide, (timeline.width, timeline.height)), at)
    return times


def shot_name(slide: Slide, size: tuple[int, int]) -> str:
    """The slide's kind; a photo says whether it fills the frame or is shown whole, and a quote."""
    if not (slide.photo and slide.photo.src):
        return slide.kind
    info = inspect_photo(slide.photo.src)
    name = "photo" if info is None or info.fits(size) else "photo-whole"
    # A quote scene over a photo: its heading opens with a curly quote mark.
    return f"{name}-quote" if slide.heading.startswith("“") else name


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
    for name, at in shot_times(timeline).items():
        saved.append(prefix.with_name(f"{prefix.name}-{name}.png"))
        Image.fromarray(compositor.frame_at(at)).save(saved[-1])
    cover = write_thumbnail(timeline, theme, size, prefix.with_name(f"{prefix.name}-cover.jpg"))
    saved.append(cover.with_suffix(".png"))
    Image.open(cover).save(saved[-1])
    cover.unlink()
    return saved


def save_photo_set(photos: Path | None, out: Path, width: int, work: Path) -> list[Path]:
    """Script and narrate the seed with `photos` (None: cards only), then save every format."""
    settings = load_settings(article={"photos": photos})
    theme = load_theme(settings.video.theme)
    script, narration = write_script(read_source(str(SEED), settings), settings, theme, work)
    label = "photos" if photos else "cards"
    saved = []
    for name in SIZES:
        prefix = out / f"{label}-{name.replace(':', 'x')}"
        saved += save_format(script, narration, theme, frame_size(name, width), prefix)
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the PNGs (created)")
    parser.add_argument("--width", type=int, default=540, help="frame width in pixels (540)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="news60-frames-") as tmp:
        work = Path(tmp)
        (work / "photos").mkdir()
        for photos in (make_photos(work / "photos"), None):
            narration = Path(tempfile.mkdtemp(dir=work))
            for path in save_photo_set(photos, args.out, args.width, narration):
                print(path.name, flush=True)


if __name__ == "__main__":
    main()
