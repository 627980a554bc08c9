"""Pre-drawn transparent layers (text, shades, pills) blended onto frames with OpenCV's uint8 maths."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image


@dataclass(frozen=True, eq=False)
class Patch:
    """An RGBA image ready to blend at (x, y): colour premultiplied by alpha, and 255 - alpha."""

    x: int
    y: int
    premultiplied: np.ndarray
    inverse_alpha: np.ndarray

    @classmethod
    def from_image(cls, image: Image.Image, x: int, y: int) -> Patch:
        return cls.from_rgba(np.asarray(image.convert("RGBA")), x, y)

    @classmethod
    def from_rgba(cls, rgba: np.ndarray, x: int, y: int) -> Patch:
        rgba16 = rgba.astype(np.uint16)
        alpha = rgba16[..., 3:4]
        premultiplied = ((rgba16[..., :3] * alpha + 127) // 255).astype(np.uint8)
        inverse = np.repeat(255 - alpha, 3, axis=2).astype(np.uint8)
        return cls(x, y, premultiplied, inverse)

    @property
    def size(self) -> tuple[int, int]:
        return self.inverse_alpha.shape[1], self.inverse_alpha.shape[0]

    def blend_onto(self, frame: np.ndarray, dx: int = 0, dy: int = 0) -> None:
        """Alpha-blend in place, clipped to the frame: under a millisecond for a text block at 1080p."""
        x, y = self.x + dx, self.y + dy
        w, h = self.size
        fx0, fy0 = max(0, x), max(0, y)
        fx1, fy1 = min(frame.shape[1], x + w), min(frame.shape[0], y + h)
        if fx0 >= fx1 or fy0 >= fy1:
            return
        part = (slice(fy0 - y, fy1 - y), slice(fx0 - x, fx1 - x))
        region = frame[fy0:fy1, fx0:fx1]
        cv2.multiply(region, self.inverse_alpha[part], dst=region, scale=1 / 255)
        cv2.add(region, self.premultiplied[part], dst=region)

    def faded(self, opacity: float) -> Patch:
        """The same patch at `opacity` (0..1) of its strength."""
        if opacity >= 1.0:
            return self
        premultiplied = cv2.convertScaleAbs(self.premultiplied, alpha=opacity)
        inverse = 255 - cv2.convertScaleAbs(255 - self.inverse_alpha, alpha=opacity)
        return Patch(self.x, self.y, premultiplied, inverse)

    def shifted(self, dy: float) -> Patch:
        """The patch moved down by `dy` pixels, sub-pixel (bilinear), into a taller patch."""
        whole = int(np.floor(dy))
        fraction = dy - whole
        if fraction < 1e-3:
            return Patch(self.x, self.y + whole, self.premultiplied, self.inverse_alpha)
        w, h = self.size
        matrix = np.array([[1, 0, 0], [0, 1, fraction]], dtype=np.float32)
        premultiplied = cv2.warpAffine(self.premultiplied, matrix, (w, h + 1))
        coverage = cv2.warpAffine(255 - self.inverse_alpha, matrix, (w, h + 1))
        return Patch(self.x, self.y + whole, premultiplied, 255 - coverage)
