"""Draw assets/logo.png, the news60 wordmark, from the bundled Inter font (run once; output committed)."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    font = ImageFont.truetype(str(ROOT / "assets/fonts/Inter-ExtraBold.otf"), 120)
    image = Image.new("RGBA", (560, 180), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 10, 170, 170), radius=34, fill=(230, 57, 70, 255))
    draw.text((85, 92), "60", font=font, fill="white", anchor="mm")
    draw.text((190, 92), "news", font=font, fill="white", anchor="lm")
    image.save(ROOT / "assets/logo.png", optimize=True)


if __name__ == "__main__":
    main()
