"""Where things go in a frame of any size: margins, the platforms' safe zone, type sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    """Boxes in pixels for one frame size; 9:16 keeps text clear of TikTok, Reels and Shorts UI."""

    width: int
    height: int

    @property
    def scale(self) -> float:
        """Type scale: 1.0 at 1080 px on the short side."""
        return min(self.width, self.height) / 1080

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    @property
    def portrait(self) -> bool:
        return self.height > self.width

    @property
    def left(self) -> int:
        return round(self.width * 0.07)

    @property
    def right(self) -> int:
        """Right edge for text: the platforms' buttons cover the right eighth of a 9:16 frame."""
        return round(self.width * (0.86 if self.portrait else 0.93))

    @property
    def text_width(self) -> int:
        return self.right - self.left

    @property
    def top(self) -> int:
        return round(self.height * (0.07 if self.portrait else 0.08))

    @property
    def caption_bottom(self) -> int:
        """Captions end above the bottom fifth, where descriptions and buttons sit."""
        return round(self.height * (0.78 if self.portrait else 0.9))

    @property
    def caption_top(self) -> int:
        """Top of a two-line caption box: what other text must stay above."""
        return self.caption_bottom - self.px(200)

    @property
    def heading_top(self) -> int:
        return round(self.height * (0.2 if self.portrait else 0.24))

    @property
    def heading_bottom(self) -> int:
        """Headings stay above the caption zone."""
        return round(self.height * (0.56 if self.portrait else 0.62))
