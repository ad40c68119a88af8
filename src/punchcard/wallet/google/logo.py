"""The program logo Google Wallet shows: the design's own, or the business's initial on its
colours (Google fetches the image by URL, so every program needs one)."""

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

SIZE = 660  # Google's recommended program logo size, in pixels


@lru_cache(maxsize=256)
def initial_logo(name: str, background: str, foreground: str) -> bytes:
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=SIZE // 2)
    initial = (name.strip()[:1] or "?").upper()
    draw.text((SIZE / 2, SIZE / 2), initial, fill=foreground, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
