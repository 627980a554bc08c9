"""Designed cards drawn once per slide: title, scene (headline, quote), credits."""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from PIL import Image, ImageDraw

from news60.models import Slide
from news60.video.layout import Layout
from news60.video.theme import Theme
from news60.video.typesetting import (
    draw_lines,
    draw_text,
    family,
    fit_box,
    fit_text,
    font,
    line_height,
)

QUOTE = re.compile(r"^[“\"](?P<quote>.+?)[”\"]\s*(?:[-–—]\s*(?P<speaker>.+))?$", re.S)
# A figure worth a card of its own: money, a percentage, a large or counted amount (not a year).
FIGURE = re.compile(
    r"[$£€]\s?\d[\d,.]*(?:\s?(?:bn|m|k|million|billion|trillion)\b)?"
    r"|\b\d[\d,.]*\s?(?:%|per ?cent\b|percent\b)"
    r"|\b\d[\d.]*\s(?:million|billion|trillion)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)


TOPIC_SIZE = 56  # px at 1080 wide: a topic kicker ("G20") reads at a glance, unlike a scene number


def key_figure(text: str) -> str | None:
    """The first figure in `text` that deserves a key-fact card, if any."""
    match = FIGURE.search(text)
    return match.group(0).strip() if match else None


def draw_card(slide: Slide, layout: Layout, theme: Theme, *, number: str = "") -> Image.Image:
    """The whole frame for a slide without a photo, as an RGB image."""
    canvas = backdrop(layout, theme).copy()
    draw = ImageDraw.Draw(canvas)
    draw_brand(canvas, layout, theme)
    if slide.kind == "title":
        _draw_title(draw, slide, layout, theme)
    elif slide.kind == "credits":
        _draw_credits(draw, slide, layout, theme)
    elif slide.kicker:
        y = _kicker(draw, slide.kicker, layout.heading_top, layout, theme, size=TOPIC_SIZE)
        _draw_block(draw, slide.heading, y, (5, layout.px(84), layout.px(44)), layout, theme)
    elif match := QUOTE.match(slide.heading):
        _draw_quote(draw, match["quote"], match["speaker"] or "", layout, theme)
    elif figure := key_figure(slide.heading):
        _draw_fact(draw, figure, slide.heading, layout, theme)
    else:
        _draw_headline(draw, slide.heading, number, layout, theme)
    return canvas.convert("RGB")


@cache
def backdrop(layout: Layout, theme: Theme) -> Image.Image:
    """A vertical gradient with faint diagonal stripes: the ground every card is drawn on."""
    top = np.array(theme.colors["background_top"][:3], dtype=np.float32)
    bottom = np.array(theme.colors["background_bottom"][:3], dtype=np.float32)
    ramp = np.linspace(0, 1, layout.height, dtype=np.float32)[:, None, None]
    pixels = np.broadcast_to(top + (bottom - top) * ramp, (layout.height, layout.width, 3))
    image = Image.fromarray(pixels.astype(np.uint8)).convert("RGBA")
    stripes = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(stripes)
    step, thick = layout.px(140), layout.px(34)
    for x in range(-layout.height, layout.width, step):
        draw.line(
            (x, layout.height, x + layout.height, 0), fill=theme.colors["pattern"], width=thick
        )
    return Image.alpha_composite(image, stripes)


def draw_brand(canvas: Image.Image, layout: Layout, theme: Theme) -> None:
    """The logo at the top left, or the brand name when the theme has no logo."""
    height = layout.px(64)
    if theme.logo:
        logo = _logo(theme.logo, height)
        canvas.alpha_composite(logo, (layout.left, layout.top))
        return
    face = font(family(theme, "headline"), height)
    draw_text(ImageDraw.Draw(canvas), (layout.left, layout.top), theme.brand, face, "white")


@cache
def _logo(path, height: int) -> Image.Image:
    logo = Image.open(path).convert("RGBA")
    return logo.resize((round(logo.width * height / logo.height), height), Image.LANCZOS)


def _kicker(
    draw: ImageDraw.ImageDraw, text: str, y: int, layout: Layout, theme: Theme, size: int = 34
) -> int:
    """An upper-case label with an accent bar (34 px, larger for a topic); returns the y below it."""
    face = font(family(theme, "body"), layout.px(size))
    bar = layout.px(10)
    draw.rectangle(
        (layout.left, y, layout.left + bar, y + layout.px(size * 40 // 34)),
        fill=theme.colors["accent"],
    )
    draw_text(draw, (layout.left + bar * 3, y), text.upper(), face, theme.colors["accent"])
    return y + layout.px(size * 80 // 34)


def _draw_title(draw: ImageDraw.ImageDraw, slide: Slide, layout: Layout, theme: Theme) -> None:
    y = _kicker(draw, theme.tagline or "News", layout.heading_top, layout, theme)
    # The headline shrinks to fit the room above the captions, and is cut with an ellipsis if it must be.
    small = font(family(theme, "body"), layout.px(40))
    date_room = line_height(small) + layout.px(24) if slide.body else 0
    box = (layout.text_width, layout.heading_bottom - y - date_room)
    face, lines = fit_box(
        slide.heading, family(theme, "headline"), box, 7, layout.px(96), layout.px(50)
    )
    y = draw_lines(draw, (layout.left, y), lines, face, theme.colors["text"], shadow=layout.px(3))
    if slide.body:
        draw_text(draw, (layout.left, y + layout.px(24)), slide.body, small, theme.colors["muted"])


def _draw_headline(
    draw: ImageDraw.ImageDraw, text: str, number: str, layout: Layout, theme: Theme
) -> None:
    y = _kicker(draw, number, layout.heading_top, layout, theme) if number else layout.heading_top
    _draw_block(draw, text, y, (5, layout.px(84), layout.px(44)), layout, theme)


def _draw_fact(
    draw: ImageDraw.ImageDraw, figure: str, text: str, layout: Layout, theme: Theme
) -> None:
    """A key-fact card: the figure huge in the accent colour, the sentence under it."""
    y = layout.heading_top
    big, _ = fit_text(
        figure, family(theme, "headline"), layout.text_width, 1, layout.px(220), layout.px(90)
    )
    draw_text(draw, (layout.left, y), figure, big, theme.colors["accent"])
    y += line_height(big, 1.05)
    _draw_block(draw, text, y, (4, layout.px(64), layout.px(40)), layout, theme)


def _draw_block(
    draw: ImageDraw.ImageDraw,
    text: str,
    y: int,
    fit: tuple[int, int, int],
    layout: Layout,
    theme: Theme,
) -> None:
    """Headline type from y down to the heading zone's bottom: (max lines, size, min size)."""
    max_lines, size, min_size = fit
    box = (layout.text_width, layout.heading_bottom - y)
    face, lines = fit_box(text, family(theme, "headline"), box, max_lines, size, min_size)
    draw_lines(draw, (layout.left, y), lines, face, theme.colors["text"], shadow=layout.px(3))


def _draw_quote(
    draw: ImageDraw.ImageDraw, quote: str, speaker: str, layout: Layout, theme: Theme
) -> None:
    marks = font(family(theme, "headline"), layout.px(300))
    top = layout.heading_top - layout.px(110)
    draw_text(draw, (layout.left - layout.px(10), top), "“", marks, theme.colors["accent"])
    y = top + layout.px(230)
    # Leave room under the quote for the speaker's name, all above the captions.
    box = (layout.text_width, layout.heading_bottom - y - layout.px(70))
    face, lines = fit_box(quote, family(theme, "headline"), box, 5, layout.px(78), layout.px(44))
    y = draw_lines(draw, (layout.left, y), lines, face, theme.colors["text"], shadow=layout.px(3))
    if speaker:
        small = font(family(theme, "body"), layout.px(42))
        draw_text(
            draw, (layout.left, y + layout.px(20)), f"— {speaker}", small, theme.colors["muted"]
        )


def _draw_credits(draw: ImageDraw.ImageDraw, slide: Slide, layout: Layout, theme: Theme) -> None:
    y = _kicker(draw, slide.heading, layout.heading_top, layout, theme)
    lines = [line for line in slide.body.split("\n") if line]
    sections = {"Photos", "Reporting", "Source"}
    size = layout.px(46)
    while size > layout.px(22) and _credits_height(lines, sections, size, theme) > (
        layout.caption_bottom - y
    ):
        size -= 2
    for line in lines:
        is_section = line in sections
        face = font(family(theme, "body" if is_section else "small"), size)
        fill = theme.colors["accent"] if is_section else theme.colors["text"]
        gap = layout.px(18) if is_section and y > layout.heading_top + layout.px(100) else 0
        for part in fit_text(line, family(theme, "small"), layout.text_width, 3, size, size)[1]:
            draw_text(
                draw, (layout.left, y + gap), part.upper() if is_section else part, face, fill
            )
            y += line_height(face)
        y += gap


def _credits_height(lines: list[str], sections: set[str], size: int, theme: Theme) -> int:
    face = font(family(theme, "small"), size)
    return sum(line_height(face) + (size // 2 if line in sections else 0) for line in lines)
