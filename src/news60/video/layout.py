"""Where things go in a frame of any shape: margins, the platforms' safe zones, text zones, type sizes."""

from __future__ import annotations

import math
from dataclasses import dataclass

from news60.video.theme import TypeScale

TALL = 1.5  # height / width above this is a full-screen vertical feed (9:16): UI on the right and bottom
# The platforms' top bar (TikTok's tabs, the Reels and Shorts headers) covers the top tenth of the frame:
# the logo and the labels start below it, in every shape (a clip is reposted across feeds).
TOP_BAR = 0.1


@dataclass(frozen=True)
class Layout:
    """Boxes in pixels for one frame size; each shape has its own safe zones.

    9:16 (TikTok, Reels, Shorts) keeps text left of the buttons on the right and above the
    description at the bottom; 4:5 and 1:1 feed posts have no UI over the frame; 16:9 sets a
    column at the left.
    """

    width: int
    height: int

    @property
    def unit(self) -> int:
        """The short side: type sizes and margins are fractions of it."""
        return min(self.width, self.height)

    def px(self, value: float) -> int:
        """`value` pixels of a 1080 px short side, at this frame's size."""
        return max(1, round(value * self.unit / 1080))

    def type_px(self, scale: TypeScale, name: str) -> int:
        fraction: float = getattr(scale, name)
        return max(6, round(fraction * self.unit))

    @property
    def tall(self) -> bool:
        return self.height / self.width > TALL

    @property
    def wide(self) -> bool:
        return self.width > self.height * 1.2

    @property
    def left(self) -> int:
        return round(self.width * (0.06 if self.wide else 0.075))

    @property
    def right(self) -> int:
        """Right edge for text: the platforms' buttons cover the right eighth of a 9:16 frame."""
        if self.tall:
            return round(self.width * 0.86)
        return round(self.width * 0.64) if self.wide else self.width - self.left

    @property
    def text_width(self) -> int:
        return self.right - self.left

    @property
    def top(self) -> int:
        """The first row for the logo and labels: below the platforms' top bar, clear of its edge."""
        return math.ceil(self.height * TOP_BAR) + self.px(24)

    @property
    def caption_bottom(self) -> int:
        """Captions end here: above the description and buttons in 9:16, near the foot elsewhere."""
        return round(self.height * (0.74 if self.tall else 0.92))

    @property
    def stage_top(self) -> int:
        """Where card text may begin, below the kicker row."""
        return round(self.height * 0.24)  # clear of the logo and labels below the top bar

    @property
    def clear(self) -> tuple[float, float]:
        """The stretch across the frame (fractions of its width) that text leaves clear: right
        of the text column in a wide frame; none in others (their text sits low instead)."""
        return ((self.right + self.px(40)) / self.width, 1 - 0.03) if self.wide else (0.0, 0.0)

    @property
    def focus_y(self) -> float:
        """Where a photo's subject (a face) sits, as a fraction of the height: above the text."""
        return 0.3 if self.tall else 0.36

    def photo_box(self, aspect: float, bottom: int | None = None) -> tuple[int, int, int, int]:
        """Where a photo of `aspect` (width / height) that is shown whole goes: x, y, width, height.

        A wide photo fills a strip across the upper frame, ending by `bottom` so the heading below
        it has room; a tall photo in a landscape frame stands at the right, beside the text column.
        """
        if aspect < self.width / self.height:
            x0, y0, y1 = self.right + self.px(40), self.top, self.height - self.top
            area = (x0, y0, self.width - self.px(40) - x0, y1 - y0)
        else:
            y0 = round(self.height * (0.09 if self.tall else 0.1))
            y1 = round(self.height * (0.47 if self.tall else 0.6))
            area = (0, y0, self.width, max(self.px(80), min(y1, bottom or y1) - y0))
        x, y, w, h = area
        fitted = (w, round(w / aspect)) if w / aspect <= h else (round(h * aspect), h)
        return x + (w - fitted[0]) // 2, y + (h - fitted[1]) // 2, *fitted
