"""What a shot's text is laid out against: the frame's layout, the theme, a photo under it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageDraw

from news60.video.layout import Layout
from news60.video.sprites import Patch
from news60.video.textblock import label_patch
from news60.video.theme import Theme
from news60.video.typesetting import Face, Ink, draw_text, family, fit_text, font, line_height


@dataclass(frozen=True)
class Frame:
    """What a shot's text is laid out against: the frame, the theme, a photo shown whole."""

    layout: Layout
    theme: Theme
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
    def under_photo(self) -> bool:
        """Text goes under a photo shown whole across the frame (not beside one at the side)."""
        return self.photo_box is not None and self.photo_box[0] < self.layout.right

    @property
    def photo_bottom(self) -> int | None:
        """The y below a photo that text goes under (see under_photo); None when there is none."""
        if self.photo_box is None or not self.under_photo:
            return None
        return self.photo_box[1] + self.photo_box[3]

    @property
    def shadow(self) -> int:
        return self.layout.px(4 if self.on_photo else 2)


def disclosure_patch(text: str, layout: Layout, theme: Theme, *, centred: bool) -> Patch:
    """The synthetic-voice label: top right below the platforms' bar, or centred at the foot of
    the end card."""
    probe = label_patch(text, layout, theme, (0, 0), filled=False)
    if centred:
        at = ((layout.width - probe.size[0]) / 2, Frame(layout, theme).text_bottom + layout.px(150))
    else:
        at = (layout.right - probe.size[0], layout.top)
    return label_patch(text, layout, theme, at, filled=False)


# A credit that already says what it is ("AP Photo/...", "© Reuters") is shown as written.
_LABELLED = re.compile(r"^\W*(?:©|\(c\)|photo|picture|image|credit)", re.IGNORECASE)
CREDIT_SCALE = 0.85  # the credit a little under other labels: read, not noticed first


def credit_patch(
    credit: str, layout: Layout, theme: Theme, box: tuple[int, int, int, int] | None = None
) -> Patch | None:
    """The photo's credit in small type on a soft dark backing, on screen while the photo is: at
    the top right below the labels in tall frames, at the bottom right beside the captions in wide
    ones, inside the lower right corner of a photo shown whole (`box`)."""
    if not credit.strip():
        return None
    text = credit.strip() if _LABELLED.match(credit) else f"Photo: {credit.strip()}"
    size = round(layout.type_px(theme.type, "label") * CREDIT_SCALE)
    room = layout.text_width * 3 // 4
    face, lines = fit_text(text, family(theme, "small"), room, 2, size, max(6, size * 3 // 4))
    image = _backed(lines, face, layout.px(10), theme.colors["text"])
    width, height = image.size
    if box is not None:
        x, y = box[0] + box[2] - width - layout.px(8), box[1] + box[3] - height - layout.px(8)
    elif layout.wide:
        x, y = layout.width - layout.left - width, layout.caption_bottom - height
    else:
        label = line_height(font(family(theme, "headline"), layout.type_px(theme.type, "label")))
        x, y = layout.right - width, layout.top + label + layout.px(50)
    return Patch.from_image(image, round(x), round(y))


def _backed(lines: list[str], face: Face, pad: int, fill: Ink) -> Image.Image:
    """Lines of small text on a rounded, translucent dark plate: readable on any photo."""
    step = line_height(face, 1.1)
    width = round(max(face.getlength(line) for line in lines)) + 2 * pad
    height = step * len(lines) + pad
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    ImageDraw.Draw(image).rounded_rectangle(
        (0, 0, width - 1, height - 1), radius=pad, fill=(0, 0, 0, 150)
    )
    for row, line in enumerate(lines):
        draw_text(image, (pad, pad // 2 + row * step), line, face, fill)
    return image
