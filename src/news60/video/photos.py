"""Photos for slides: loaded safely, scaled once to cover the frame, panned toward faces."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

log = logging.getLogger(__name__)

OVERSCAN = 1.12  # the photo is this much larger than the frame, leaving room to pan
MAX_PIXELS = 80_000_000  # refuse decompression bombs beyond this many pixels
DETECT_PIXELS = 640_000  # faces are looked for in a copy about this size (800x800)


@dataclass(frozen=True, eq=False)
class PreparedPhoto:
    """A photo scaled to cover the frame with margin, and the pan from `start` to `end` (x, y)."""

    pixels: np.ndarray
    start: tuple[int, int]
    end: tuple[int, int]

    def crop(self, progress: float, width: int, height: int) -> np.ndarray:
        """The frame-sized window at `progress` (0..1) along the pan; integer offsets, no resampling."""
        x, y = self.offset(progress)
        return self.pixels[y : y + height, x : x + width]

    def offset(self, progress: float) -> tuple[int, int]:
        """The top-left corner of the window at `progress`, eased in and out."""
        eased = progress * progress * (3 - 2 * progress)
        x = round(self.start[0] + (self.end[0] - self.start[0]) * eased)
        y = round(self.start[1] + (self.end[1] - self.start[1]) * eased)
        return x, y


# Where the focus (faces, or the likely subject) ends up in the frame, as fractions of its size:
# the upper part, clear of the heading and captions drawn over the lower part.
FOCUS_AT = (0.5, 0.32)


def load_photo(src: str, width: int, height: int) -> PreparedPhoto | None:
    """Open, orient, convert and scale a photo; None (with a warning) when it cannot be used."""
    try:
        image = _open(Path(src))
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        log.warning("skipping photo %s: %s", src, exc)
        return None
    scale = OVERSCAN * max(width / image.width, height / image.height)
    size = (max(width, round(image.width * scale)), max(height, round(image.height * scale)))
    scaled = image.resize(size, Image.LANCZOS, reducing_gap=3.0)
    focus = _focus(scaled)
    return PreparedPhoto(np.asarray(scaled), *_pan(size, (width, height), focus))


def _open(path: Path) -> Image.Image:
    with Image.open(path) as image:
        # Checked before decoding: a small file can claim billions of pixels (a decompression bomb).
        if image.width * image.height > MAX_PIXELS:
            raise ValueError(
                f"{image.width}x{image.height} is over {MAX_PIXELS:,} pixels: scale it down first"
            )
        image.draft("RGB", (4000, 4000))  # JPEGs decode at a reduced size when huge
        return _to_rgb(ImageOps.exif_transpose(image))


def _to_rgb(image: Image.Image) -> Image.Image:
    """CMYK, palette, greyscale and alpha images become plain RGB (alpha over white)."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(ground, rgba).convert("RGB")
    return image.convert("RGB")


def _focus(image: Image.Image) -> tuple[float, float]:
    """The centre of the faces in the photo, or else of its most detailed region."""
    faces = detect_faces(image)
    if not faces:
        return salient_point(image)
    xs = [x + w / 2 for x, y, w, h in faces]
    ys = [y + h / 2 for x, y, w, h in faces]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def detect_faces(image: Image.Image) -> list[tuple[int, int, int, int]]:
    """Frontal faces as (x, y, w, h), found by the Haar cascade that opencv-python-headless ships."""
    import cv2

    small = image.convert("L")
    # Shrink by area, not the long side: a panorama keeps its faces big enough to find.
    factor = max(1.0, (small.width * small.height / DETECT_PIXELS) ** 0.5)
    small = small.resize((round(small.width / factor), round(small.height / factor)))
    smallest = max(24, round(min(small.size) * 0.06))  # tinier "faces" are mostly texture
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    found = cascade.detectMultiScale(
        np.asarray(small), scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest)
    )
    return [tuple(int(round(v * factor)) for v in face) for face in found]


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


def _pan(size, frame, focus) -> tuple[tuple[int, int], tuple[int, int]]:
    """End with the focus at FOCUS_AT; start a short drift away, so it stays in view throughout."""
    (pw, ph), (fw, fh) = size, frame
    drift = (OVERSCAN - 1) * min(fw, fh)

    def clamp(value: float, limit: int) -> int:
        return int(min(max(value, 0), limit))

    end = (clamp(focus[0] - fw * FOCUS_AT[0], pw - fw), clamp(focus[1] - fh * FOCUS_AT[1], ph - fh))
    centre = ((pw - fw) / 2, (ph - fh) / 2)
    start = tuple(
        clamp(e + max(-drift, min(drift, c - e)), limit)
        for e, c, limit in zip(end, centre, (pw - fw, ph - fh), strict=True)
    )
    return start, end  # type: ignore[return-value]
