"""Photos for slides: loaded safely, looked at once (faces, subject), scaled for the shot they are in."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

log = logging.getLogger(__name__)

MAX_PIXELS = 80_000_000  # refuse decompression bombs beyond this many pixels
DETECT_PIXELS = 640_000  # faces are looked for in a copy about this size (800x800)
EYE_FACE = 120  # a found face is looked at this many pixels square for its eyes
SOFT_UPSCALE = 1.5  # shown larger than this many times its size, a photo looks soft: say so
MAX_UPSCALE = 4.0  # beyond this a photo is a blur: show a card instead, and say so
# A photo whose shape is this much wider (or taller) than the frame's is never cropped to fill
# it: a full-bleed crop would keep less than half of it (a 4:3 or 3:2 photo in 9:16 would lose
# the cat's eye at the edge; a square one keeps its middle). A wide one pans across at the
# frame's full height; a tall one in a wide frame is shown whole over a blurred copy of itself.
CONTAIN_RATIO = 2.0
HEADROOM = 1.4  # photos are scaled this much past covering the frame, so framings can move in
# A sharp photo keeps about this share of its detail in its finest octave (press photos 0.3-0.6);
# one blown up 2x from a smaller original keeps about half as much.
CRISP_DETAIL = 0.3
DETAIL_CROP = 1024
SOFT_DETAIL = 0.5  # under this effective resolution a photo was blown up from a smaller one


@dataclass(frozen=True)
class PhotoInfo:
    """What planning needs to know about a photo: its size, where its subject is, its faces."""

    width: int
    height: int
    focus: tuple[float, float]  # the subject's centre, as fractions of width and height
    faces: int
    detail: float = 1.0  # its effective resolution: 1 when sharp to the pixel, 0.5 when upscaled 2x
    face_boxes: tuple[tuple[float, float, float, float], ...] = ()  # x, y, w, h as fractions

    def fits(self, size: tuple[int, int]) -> bool:
        """True when the frame shape is close enough to the photo's for a full-bleed crop."""
        ratio = (self.width / self.height) / (size[0] / size[1])
        return 1 / CONTAIN_RATIO < ratio < CONTAIN_RATIO

    def pans(self, size: tuple[int, int]) -> bool:
        """True for a panorama: too wide for a full-bleed crop, shown at full height, panning."""
        return (self.width / self.height) / (size[0] / size[1]) >= CONTAIN_RATIO

    def upscale(self, size: tuple[int, int], contain: bool) -> float:
        """How many times its own size the photo is shown at in a frame of `size`: covering it,
        or else as it is shown when it does not fit (a panorama at full height, else whole)."""
        cover = max(size[0] / self.width, size[1] / self.height)
        if contain and self.pans(size):
            return size[1] / self.height
        whole = min(size[0] / self.width, size[1] / self.height)
        return whole if contain else cover

    def sharpness(self, size: tuple[int, int]) -> float:
        """How crisp the photo looks filling a frame of `size` (a panorama at full height): 1
        sharp to the pixel, 0.5 as soft as a photo shown at twice its size."""
        return min(1.0, self.detail / max(self.upscale(size, self.pans(size)), 1e-6))

    def soft(self, size: tuple[int, int]) -> bool:
        """True when the photo looks soft filling the frame: enlarged past SOFT_UPSCALE, or
        enlarged before it reached us (half its finest detail missing)."""
        return self.upscale(size, self.pans(size)) > SOFT_UPSCALE or self.detail < SOFT_DETAIL


def inspect_photo(src: str) -> PhotoInfo | None:
    """A photo's size and focus, looked at once per file version; None (with a warning) when unusable."""
    try:
        stat = Path(src).stat()
    except OSError as exc:
        log.warning("skipping photo %s: %s", src, exc.strerror or exc)
        return None
    return _inspect(src, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _inspect(src: str, mtime: int, size: int) -> PhotoInfo | None:
    try:
        image = open_photo(src)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("skipping photo %s: %s", src, exc)
        return None
    boxes = detect_faces(image)
    focus = face_centre(boxes) if boxes else salient_point(image)
    w, h = image.width, image.height
    return PhotoInfo(
        w,
        h,
        (focus[0] / w, focus[1] / h),
        len(boxes),
        effective_detail(image),
        tuple((x / w, y / h, bw / w, bh / h) for x, y, bw, bh in boxes),
    )


def upscale_note(src: str, factor: float, *, shown: bool = True) -> str:
    """What a producer reads about a photo too small for the frame."""
    if not shown:
        return (
            f"photo {Path(src).name} would need {factor:.1f}x its size: not shown, "
            "supply a larger original"
        )
    return (
        f"photo {Path(src).name} is shown at {factor:.1f}x its size and looks soft: "
        "supply a larger original"
    )


def open_photo(src: str, longest: int = 4000) -> Image.Image:
    """Decode, orient and convert to RGB, at most about `longest` pixels on the long side."""
    with Image.open(Path(src)) as image:
        # Checked before decoding: a small file can claim billions of pixels (a decompression bomb).
        if image.width * image.height > MAX_PIXELS:
            raise ValueError(
                f"{image.width}x{image.height} is over {MAX_PIXELS:,} pixels: scale it down first"
            )
        image.draft("RGB", (longest, longest))  # JPEGs decode at a reduced size when huge
        return _to_rgb(ImageOps.exif_transpose(image))


def _to_rgb(image: Image.Image) -> Image.Image:
    """CMYK, palette, greyscale and alpha images become plain RGB (alpha over white)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(ground, rgba).convert("RGB")
    return image.convert("RGB")


# A scene's framings use the same scaled photo: keep the last few (tens of megabytes each).
@lru_cache(maxsize=3)
def scaled_photo(src: str, size: tuple[int, int]) -> np.ndarray:
    """The photo scaled (Lanczos, once) to `size` pixels, as an RGB array."""
    image = open_photo(src, longest=max(size) * 2)
    return np.asarray(image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0))


def face_centre(faces: list[tuple[int, int, int, int]]) -> tuple[float, float]:
    """The centre of the box around all the faces."""
    xs = [x + w / 2 for x, y, w, h in faces]
    ys = [y + h / 2 for x, y, w, h in faces]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def effective_detail(image: Image.Image) -> float:
    """The photo's effective resolution (0.25 to 1): the share of its detail in the finest octave,
    against a sharp photo's. A photo enlarged from a smaller original has little there."""
    import cv2

    grey = np.asarray(image.convert("L"), dtype=np.float32)
    h, w = grey.shape
    if min(h, w) < 16:
        return 1.0
    # The middle DETAIL_CROP pixels square says as much as the whole, for a fraction of the work.
    y0, x0 = max(0, (h - DETAIL_CROP) // 2), max(0, (w - DETAIL_CROP) // 2)
    grey = grey[y0 : y0 + DETAIL_CROP, x0 : x0 + DETAIL_CROP]
    h, w = grey.shape
    half = cv2.resize(grey, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    back = cv2.resize(half, (w, h), interpolation=cv2.INTER_LINEAR)
    finest = float(np.abs(grey - back).mean())
    overall = float(np.abs(grey - cv2.GaussianBlur(grey, (0, 0), sigmaX=8)).mean())
    if overall < 1.0:
        return 1.0  # a flat picture (a plain colour) has no detail to lose
    return float(min(1.0, max(0.25, finest / overall / CRISP_DETAIL)))


def detect_faces(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Frontal faces as (x, y, w, h), found by the Haar cascade that opencv-python-headless ships."""
    import cv2
    import cv2.data  # (cv2 imports it; its stubs do not say so)

    small = image.convert("L")
    # Shrink by area, not the long side: a panorama keeps its faces big enough to find.
    factor = max(1.0, (small.width * small.height / DETECT_PIXELS) ** 0.5)
    small = small.resize((round(small.width / factor), round(small.height / factor)))
    smallest = max(24, round(min(small.size) * 0.06))  # tinier "faces" are mostly texture
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    grey = np.asarray(small)
    found = cascade.detectMultiScale(
        grey, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest)
    )
    return [_scaled(face, factor) for face in found if _has_eye(grey, face)]


def _scaled(box: Sequence[int], factor: float) -> tuple[int, int, int, int]:
    x, y, w, h = (int(round(v * factor)) for v in box)
    return x, y, w, h


def _has_eye(grey: np.ndarray, box: Sequence[int]) -> bool:
    """Whether an eye shows in the box: a dahlia's whorl or a wheel's hub passes the face cascade,
    a face's eyes it does not have."""
    import cv2
    import cv2.data

    x, y, w, h = (int(v) for v in box)
    face = cv2.resize(grey[y : y + h, x : x + w], (EYE_FACE, EYE_FACE))
    upper = face[: EYE_FACE * 3 // 5]  # eyes sit in the upper half of a face
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_eye.xml")
    eyes = cascade.detectMultiScale(upper, scaleFactor=1.1, minNeighbors=5, minSize=(12, 12))
    return len(eyes) > 0


def salient_point(image: Image.Image) -> tuple[float, float]:
    """Centre of mass of the strongest detail (edges) in the photo: where a subject usually is."""
    import cv2

    factor = max(1.0, max(image.size) / 256)
    small = np.asarray(
        image.convert("L").resize((round(image.width / factor), round(image.height / factor))),
        dtype=np.float32,
    )
    energy = np.hypot(cv2.Sobel(small, cv2.CV_32F, 1, 0), cv2.Sobel(small, cv2.CV_32F, 0, 1))
    energy = cv2.GaussianBlur(energy, (0, 0), sigmaX=max(2.0, min(small.shape) / 16))
    strong = np.where(energy >= np.quantile(energy, 0.9), energy, 0)
    if strong.sum() <= 0:
        return image.width / 2, image.height * 0.42  # a flat picture: a little above the middle
    rows, cols = np.indices(strong.shape)
    total = strong.sum()
    return (cols * strong).sum() / total * factor, (rows * strong).sum() / total * factor
