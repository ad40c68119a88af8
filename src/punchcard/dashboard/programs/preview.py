"""A picture of a program's wallet card in a design, as Wallet lays a store card out: the logo
and the business's name, the stamp strip the passes carry, the stamp count, and the code.

Drawn on the server with the passes' own strip and badges, so the preview cannot drift from
what wallets show; the page reloads it as design fields change."""

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import barcode
from PIL import Image, ImageDraw, ImageFont

from punchcard.vouchers import rendering
from punchcard.wallet.apple.images import STRIP_POINTS, default_logo_png, strip_png
from punchcard.wallet.badges import png

SCALE = 2
WIDTH = STRIP_POINTS[0] * SCALE
HEADER = 64 * SCALE
FIELDS = 70 * SCALE
CODE = 150 * SCALE
PADDING = 16 * SCALE


# Pillow's own font has no accents (Café): the system's DejaVu Sans, else the DejaVu Sans Mono
# python-barcode ships (a dependency already), else Pillow's.
FONTS = ("DejaVuSans.ttf", str(Path(barcode.__file__).with_name("fonts") / "DejaVuSansMono.ttf"))


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


@dataclass(frozen=True)
class CardLook:
    organization_name: str
    program_name: str
    background_color: str
    foreground_color: str
    label_color: str
    stamp_color: str
    grid: int  # stamps to the last goal
    filled: int
    logo_png: bytes | None


def card_png(look: CardLook) -> bytes:
    strip_height = STRIP_POINTS[1] * SCALE
    height = HEADER + strip_height + FIELDS + CODE
    card = Image.new("RGB", (WIDTH, height), look.background_color)
    draw = ImageDraw.Draw(card)
    logo_bytes = look.logo_png or default_logo_png(
        look.organization_name, look.stamp_color, look.background_color, SCALE
    )
    with Image.open(io.BytesIO(logo_bytes)) as logo:
        logo.thumbnail((160 * SCALE, 40 * SCALE))
        top = (HEADER - logo.height) // 2
        card.paste(logo, (PADDING, top), logo if logo.mode == "RGBA" else None)
        name_left = PADDING * 2 + logo.width
    big, small = _font(17 * SCALE), _font(11 * SCALE)
    draw.text((name_left, HEADER // 2), look.organization_name, look.foreground_color, big, "lm")
    strip = strip_png(look.grid, look.filled, look.background_color, look.stamp_color, SCALE)
    with Image.open(io.BytesIO(strip)) as image:
        card.paste(image, (0, HEADER))
    fields_top = HEADER + strip_height + 12 * SCALE
    draw.text((PADDING, fields_top), look.program_name.upper(), look.label_color, small)
    count = f"{look.filled} / {look.grid}"
    draw.text((PADDING, fields_top + 16 * SCALE), count, look.foreground_color, big)
    code = rendering.qr("PREVIEW", "png", 4)
    with Image.open(io.BytesIO(code)) as image:
        side = CODE - 30 * SCALE
        square = image.convert("RGB").resize((side, side), Image.Resampling.NEAREST)
        card.paste(square, ((WIDTH - side) // 2, height - CODE + 10 * SCALE))
    return png(card)
