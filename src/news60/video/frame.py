"""What a shot's text is laid out against: the frame's layout, the theme, a photo under it."""

from __future__ import annotations

from dataclasses import dataclass

from news60.video.layout import Layout
from news60.video.textblock import TextBlock, label_patch, single
from news60.video.theme import Theme
from news60.video.typesetting import family, font, line_height


@dataclass(frozen=True)
class Frame:
    """What a shot's text is laid out against: the frame, the theme, a photo shown whole, the label."""

    layout: Layout
    theme: Theme
    disclosure: str = ""  # "AI voice" when the narration is synthetic, else ""
    photo_box: tuple[int, int, int, int] | None = None  # where a photo shown whole sits
    on_photo: bool = False

    def size(self, name: str) -> int:
        return self.layout.type_px(self.theme.type, name)

    @property
    def text_bottom(self) -> int:
        """Card and photo text ends here, above the two-line caption block."""
        face = font(family(self.theme, "body"), self.size("caption"))
        return self.layout.caption_bottom - 2 * line_height(face, 1.25) - self.layout.px(50)

    @property
    def shadow(self) -> int:
        return self.layout.px(4 if self.on_photo else 2)


def disclosure_block(frame: Frame, *, centred: bool = False) -> TextBlock:
    """The synthetic-voice label: top right on the hook, centred at the foot of the end card."""
    if not frame.disclosure:
        return TextBlock()
    layout, theme = frame.layout, frame.theme
    probe = label_patch(frame.disclosure, layout, theme, (0, 0), filled=False)
    if centred:
        at = ((layout.width - probe.size[0]) / 2, frame.text_bottom + layout.px(150))
    else:
        at = (layout.right - probe.size[0], layout.top)
    return single(label_patch(frame.disclosure, layout, theme, at, filled=False))
