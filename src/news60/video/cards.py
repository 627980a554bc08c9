"""The text of each kind of shot, laid out on the theme's type scale: hook, key line, quote, figure,
timeline, photo, a bulletin's segment and end card."""

from __future__ import annotations

from PIL import Image, ImageDraw

from news60.models import Slide
from news60.video.endcard import end_text
from news60.video.frame import Frame
from news60.video.hook import hook_text
from news60.video.layout import Layout
from news60.video.pictures import HEADING_GAP, HEADING_LINES
from news60.video.segment import segment_text
from news60.video.sprites import Patch
from news60.video.textblock import (
    TextBlock,
    label_patch,
    line_patch,
    lines_block,
    single,
    strap_patch,
)
from news60.video.theme import Theme
from news60.video.typesetting import (
    Face,
    draw_text,
    family,
    fit_box,
    fit_text,
    font,
    line_height,
)

LABEL_CARD = 2.0  # a card's topic-and-date label, twice a label's size: the card's one line


def text_block(slide: Slide, frame: Frame) -> TextBlock:
    """The text a shot shows, by kind; the end card draws its own."""
    draw = {
        "hook": hook_text,
        "key": key_text,
        "quote": quote_text,
        "figure": figure_text,
        "timeline": timeline_text,
        "photo": photo_text,
        "segment": segment_text,
        "end": end_text,
    }[slide.kind]
    return draw(slide, frame)


def key_text(slide: Slide, frame: Frame) -> TextBlock:
    """An accent rule, then the key line in up to five balanced lines; a scene with no line of
    its own shows the story's topic and date as a big label."""
    layout, theme = frame.layout, frame.theme
    if not slide.heading:
        if not slide.kicker:
            return TextBlock()
        return single(_label_card(slide.kicker, frame))
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


def _label_card(kicker: str, frame: Frame) -> Patch:
    """The topic and date as a big filled label at the top of the stage, as wide as fits."""
    layout = frame.layout
    probe = label_patch(kicker, layout, frame.theme, (0, 0), filled=True, scale=LABEL_CARD)
    scale = max(1.0, LABEL_CARD * min(1.0, layout.text_width / probe.size[0]))
    at = (layout.left, layout.stage_top + layout.px(40))
    return label_patch(kicker, layout, frame.theme, at, filled=True, scale=scale)


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
    first_date, first_label = points[0]  # (split on the tab each point has)
    point_height = _point(first_date, first_label, False, frame, (0, 0)).size[1]
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
    if not slide.heading:
        return TextBlock()
    top, (face, lines) = photo_heading(slide, frame)
    height = len(lines) * line_height(face, 1.12)
    y = top if frame.under_photo else frame.text_bottom - height
    text, _ = lines_block(lines, face, (layout.left, y), theme.colors["text"], shadow=frame.shadow)
    return text


def photo_heading(slide: Slide, frame: Frame) -> tuple[int, tuple[Face, list[str]]]:
    """The highest the key line over a photo may start, and its face and lines fitted there."""
    layout = frame.layout
    if (photo_bottom := frame.photo_bottom) is not None:
        top = photo_bottom + layout.px(HEADING_GAP)
    else:
        top = layout.stage_top + layout.px(200)
    fitted = fit_box(
        slide.heading,
        family(frame.theme, "headline"),
        (layout.text_width, frame.text_bottom - top),
        HEADING_LINES,
        round(frame.size("key") * 0.9),
        frame.size("caption"),
    )
    return top, fitted


def _rule(layout: Layout, theme: Theme, at: tuple[int, int]) -> Patch:
    image = Image.new("RGBA", (layout.px(96), layout.px(12)), theme.colors["accent"])
    return Patch.from_image(image, *at)
