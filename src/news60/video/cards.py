"""The text of each kind of shot, laid out on the theme's type scale: hook, key line, quote, figure,
timeline, photo and end card."""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image, ImageDraw

from news60.models import Slide
from news60.video.layout import Layout
from news60.video.sprites import Patch
from news60.video.textblock import (
    TextBlock,
    label_patch,
    line_patch,
    lines_block,
    single,
    strap_patch,
    words_block,
)
from news60.video.theme import Theme
from news60.video.typesetting import draw_text, family, fit_box, fit_text, font, line_height


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


def text_block(slide: Slide, frame: Frame) -> TextBlock:
    """The text a shot shows, by kind; the end card draws its own."""
    draw = {
        "hook": hook_text,
        "key": key_text,
        "quote": quote_text,
        "figure": figure_text,
        "timeline": timeline_text,
        "photo": photo_text,
        "end": end_text,
    }[slide.kind]
    return draw(slide, frame)


def hook_text(slide: Slide, frame: Frame) -> TextBlock:
    """The kicker, a key figure when there is one, then the hook line word by word.

    Over a photo the text sits low, above the captions; on a card it starts under the kicker.
    A quote hook ends with the speaker's strap.
    """
    layout, theme = frame.layout, frame.theme
    quote = slide.heading.startswith("“") and slide.body
    figure = slide.body if slide.body and not quote else ""
    kicker = _kicker(slide.kicker, frame)
    top = layout.stage_top + (kicker.size[1] + layout.px(30) if kicker else 0)
    bottom = frame.text_bottom - (layout.px(100) if quote else 0)
    block = TextBlock()
    if figure:
        big, _ = fit_text(
            figure,
            family(theme, "headline"),
            layout.text_width,
            1,
            frame.size("figure"),
            frame.size("key"),
        )
        block += single(
            line_patch(figure, big, layout.left, top, theme.colors["accent"], shadow=frame.shadow)
        )
        top += line_height(big, 1.0) + layout.px(20)
    face, lines = fit_box(
        slide.heading,
        family(theme, "headline"),
        (layout.text_width, bottom - top),
        4,
        frame.size("hook"),
        frame.size("key"),
    )
    y = bottom - len(lines) * line_height(face, 1.08) if frame.on_photo else top
    words, below = words_block(
        lines, face, (layout.left, y), theme.colors["text"], shadow=frame.shadow
    )
    block += words
    if quote:
        block += single(
            strap_patch(slide.body, layout, theme, (layout.left, below + layout.px(24)))
        )
    if kicker:
        above = (
            (y if frame.on_photo else layout.stage_top + kicker.size[1] + layout.px(30))
            - kicker.size[1]
            - layout.px(30)
        )
        block = (
            single(Patch(layout.left, above, kicker.premultiplied, kicker.inverse_alpha)) + block
        )
    return block + _disclosure(frame)


def _kicker(text: str, frame: Frame) -> Patch | None:
    """The hook's topic and date label: a filled pill a size up from other labels."""
    if not text:
        return None
    return label_patch(text, frame.layout, frame.theme, (0, 0), filled=True, scale=1.3)


def key_text(slide: Slide, frame: Frame) -> TextBlock:
    """An accent rule, then the key line in up to five balanced lines."""
    layout, theme = frame.layout, frame.theme
    top = layout.stage_top + layout.px(40)
    face, lines = fit_box(
        slide.heading,
        family(theme, "headline"),
        (layout.text_width, frame.text_bottom - top - layout.px(50)),
        5 if layout.tall else 4,
        frame.size("key"),
        frame.size("caption"),
    )
    rule = _rule(layout, theme, (layout.left, top))
    text, _ = lines_block(
        lines, face, (layout.left, top + layout.px(50)), theme.colors["text"], shadow=frame.shadow
    )
    return single(rule) + text


def quote_text(slide: Slide, frame: Frame) -> TextBlock:
    """The quote under the plate's big quote mark, then the speaker's strap."""
    layout, theme = frame.layout, frame.theme
    top = layout.stage_top + layout.px(60)
    strap_room = layout.px(110) if slide.body else 0
    face, lines = fit_box(
        f"{slide.heading}”",
        family(theme, "headline"),
        (layout.text_width, frame.text_bottom - top - strap_room),
        6,
        frame.size("key"),
        frame.size("caption"),
    )
    block, y = lines_block(
        lines, face, (layout.left, top), theme.colors["text"], shadow=frame.shadow
    )
    if slide.body:
        block += single(strap_patch(slide.body, layout, theme, (layout.left, y + layout.px(36))))
    return block


def figure_text(slide: Slide, frame: Frame) -> TextBlock:
    """The figure huge in the accent colour, the key line under it."""
    layout, theme = frame.layout, frame.theme
    heading = family(theme, "headline")
    top = layout.stage_top
    big, _ = fit_text(
        slide.heading, heading, layout.text_width, 1, frame.size("figure"), frame.size("key")
    )
    figure = line_patch(
        slide.heading, big, layout.left, top, theme.colors["accent"], shadow=frame.shadow
    )
    y = top + line_height(big, 1.02)
    face, lines = fit_box(
        slide.body,
        heading,
        (layout.text_width, frame.text_bottom - y),
        4,
        frame.size("key"),
        frame.size("caption"),
    )
    text, _ = lines_block(lines, face, (layout.left, y), theme.colors["text"], shadow=frame.shadow)
    return single(figure) + text


def timeline_text(slide: Slide, frame: Frame) -> TextBlock:
    """A vertical line of dated points, the date being spoken picked out in the accent."""
    layout, theme = frame.layout, frame.theme
    points = [line.split("\t", 1) for line in slide.body.split("\n") if "\t" in line][-5:]
    if not points:
        return TextBlock()
    top, bottom = layout.stage_top, frame.text_bottom
    point_height = _point(*points[0], False, frame, (0, 0)).size[1]
    step = min(layout.px(230), (bottom - top - point_height) // max(1, len(points) - 1))
    axis_x = layout.left + layout.px(14)
    axis = Image.new("RGBA", (layout.px(6), step * (len(points) - 1) + 2), theme.colors["muted"])
    block = single(Patch.from_image(axis, axis_x - layout.px(3), top + layout.px(34)))
    for i, (date, label) in enumerate(points):
        block += single(_point(date, label, date == slide.heading, frame, (axis_x, top + i * step)))
    return block


def _point(date: str, label: str, current: bool, frame: Frame, at: tuple[int, int]) -> Patch:
    """A dot on the line, the date beside it, what happened under the date."""
    layout, theme = frame.layout, frame.theme
    date_face = font(family(theme, "headline"), round(frame.size("caption") * 1.15))
    radius = layout.px(22 if current else 14)
    x = radius * 2 + layout.px(30)
    room = layout.text_width - x
    label_face, lines = fit_text(
        label, family(theme, "body"), room, 1, frame.size("caption"), frame.size("label")
    )
    height = line_height(date_face) + line_height(label_face) + layout.px(10)
    image = Image.new("RGBA", (layout.text_width + radius, height), (0, 0, 0, 0))
    centre = (radius, layout.px(34))
    dot = theme.colors["accent"] if current else theme.colors["muted"]
    ImageDraw.Draw(image).ellipse(
        (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius), fill=dot
    )
    date_colour = theme.colors["accent"] if current else theme.colors["text"]
    draw_text(image, (x, 0), date, date_face, date_colour)
    draw_text(image, (x, line_height(date_face)), lines[0], label_face, theme.colors["muted"])
    return Patch.from_image(image, at[0] - radius, at[1])


def photo_text(slide: Slide, frame: Frame) -> TextBlock:
    """The key line over a photo: just above the captions, or under a photo shown whole."""
    layout, theme = frame.layout, frame.theme
    heading = family(theme, "headline")
    if frame.photo_box is not None:
        top = frame.photo_box[1] + frame.photo_box[3] + layout.px(40)
    else:
        top = layout.stage_top + layout.px(200)
    face, lines = fit_box(
        slide.heading,
        heading,
        (layout.text_width, frame.text_bottom - top),
        3,
        round(frame.size("key") * 0.9),
        frame.size("caption"),
    )
    height = len(lines) * line_height(face, 1.12)
    y = top if frame.photo_box is not None else frame.text_bottom - height
    text, _ = lines_block(lines, face, (layout.left, y), theme.colors["text"], shadow=frame.shadow)
    return text


def end_text(slide: Slide, frame: Frame) -> TextBlock:
    """A centred lockup: logo, follow line, source and date, the credits, the disclosure."""
    layout, theme = frame.layout, frame.theme
    centre = layout.width // 2
    y = layout.stage_top - layout.px(60)
    block = TextBlock()
    if theme.logo:
        logo = _logo_patch(theme, layout.px(150), centre, y)
        block += single(logo)
        y += logo.size[1] + layout.px(40)
    if theme.follow:
        face, lines = fit_text(
            theme.follow,
            family(theme, "headline"),
            layout.text_width,
            2,
            frame.size("caption"),
            frame.size("label"),
        )
        for line in lines:
            block += single(
                line_patch(line, face, centre - face.getlength(line) / 2, y, theme.colors["text"])
            )
            y += line_height(face, 1.1)
    if slide.kicker:
        face = font(family(theme, "body"), frame.size("label"))
        block += single(
            line_patch(
                slide.kicker,
                face,
                centre - face.getlength(slide.kicker) / 2,
                y + layout.px(10),
                theme.colors["muted"],
            )
        )
        y += line_height(face) + layout.px(40)
    block += _credits(slide.body, frame, y)
    return block + _disclosure(frame, centred=True)


def _credits(body: str, frame: Frame, y: int) -> TextBlock:
    """The credit lines, centred, section names in the accent; smaller until they fit."""
    layout, theme = frame.layout, frame.theme
    lines = [line for line in body.split("\n") if line]
    sections = {"Photos", "Reporting", "Source"}
    room = frame.text_bottom + layout.px(120) - y
    size = frame.size("label")
    while (
        size > layout.px(18) and len(lines) * line_height(font(family(theme, "small"), size)) > room
    ):
        size -= 1
    units = []
    for line in lines:
        section = line in sections
        face = font(family(theme, "body" if section else "small"), size)
        text = line.upper() if section else line
        _, parts = fit_text(text, family(theme, "small"), layout.text_width, 2, size, size)
        for part in parts:
            colour = theme.colors["accent"] if section else theme.colors["text"]
            units.append(
                line_patch(part, face, layout.width / 2 - face.getlength(part) / 2, y, colour)
            )
            y += line_height(face)
    return TextBlock(tuple(units), (0,) * len(units))


def _disclosure(frame: Frame, *, centred: bool = False) -> TextBlock:
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


def _rule(layout: Layout, theme: Theme, at: tuple[int, int]) -> Patch:
    image = Image.new("RGBA", (layout.px(96), layout.px(12)), theme.colors["accent"])
    return Patch.from_image(image, *at)


def _logo_patch(theme: Theme, height: int, centre: int, y: int) -> Patch:
    logo = Image.open(theme.logo).convert("RGBA")
    width = round(logo.width * height / logo.height)
    logo = logo.resize((width, height), Image.LANCZOS)
    return Patch.from_image(logo, centre - width // 2, y)


def brand_bug(layout: Layout, theme: Theme) -> Patch:
    """The small logo at the top left of every shot, on a soft dark halo so it reads on photos."""
    height = layout.px(56)
    if theme.logo:
        logo = Image.open(theme.logo).convert("RGBA")
        logo = logo.resize((round(logo.width * height / logo.height), height), Image.LANCZOS)
    else:
        face = font(family(theme, "headline"), height)
        logo = line_patch_image(theme.brand, face, theme.colors["text"])
    return Patch.from_image(
        _halo(logo, layout.px(16)), layout.left - layout.px(16), layout.top - layout.px(16)
    )


def line_patch_image(text: str, face, fill) -> Image.Image:
    image = Image.new("RGBA", (round(face.getlength(text)) + 4, line_height(face)), (0, 0, 0, 0))
    draw_text(image, (0, 0), text, face, fill)
    return image


def _halo(image: Image.Image, pad: int) -> Image.Image:
    """The image on a blurred dark shadow of itself, `pad` pixels around."""
    import cv2
    import numpy as np

    canvas = Image.new("RGBA", (image.width + 2 * pad, image.height + 2 * pad), (0, 0, 0, 0))
    canvas.alpha_composite(image, (pad, pad))
    rgba = np.asarray(canvas).copy()
    glow = cv2.GaussianBlur(rgba[..., 3], (0, 0), sigmaX=pad / 2)
    shadow = np.zeros_like(rgba)
    shadow[..., 3] = (glow * 0.45).astype(np.uint8)
    return Image.alpha_composite(Image.fromarray(shadow), canvas)
