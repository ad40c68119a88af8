"""The business's initial on its colours: what a wallet card shows where the business has not
uploaded an icon or a logo (Apple's icon and logo, Google's program logo). Pillow (about 4 MB
resident) is imported by the first picture drawn: a server process that draws none does
without it."""

import io
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image


def png(image: "Image.Image") -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def initial_of(name: str) -> str:
    return next((char.upper() for char in name if char.isalnum()), "*")


@lru_cache(maxsize=1024)
def initial_png(initial: str, side: int, background: str, foreground: str, round_: bool) -> bytes:
    """``side`` pixels square; a round badge is transparent around the circle."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGBA" if round_ else "RGB", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if round_:
        draw.ellipse((0, 0, side - 1, side - 1), fill=background)
    else:
        draw.rectangle((0, 0, side, side), fill=background)
    font = ImageFont.load_default(size=side * 0.6)
    draw.text((side / 2, side / 2), initial, fill=foreground, font=font, anchor="mm")
    return png(image)
