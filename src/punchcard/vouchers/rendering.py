"""Redeem codes drawn as scannable symbols: QR (segno), Code128 and EAN-13 (python-barcode).

python-barcode only encodes (code sets, check digits) into a row of modules; we draw the modules
ourselves, so PNG and SVG have the same whole-pixel geometry and no font or DPI rounding.
"""

import io
from dataclasses import dataclass
from typing import Literal

import barcode
import segno
from barcode.errors import BarcodeError
from PIL import Image, ImageDraw

from punchcard.kit.errors import Unprocessable

Symbology = Literal["qr", "code128", "ean13"]
ImageType = Literal["png", "svg"]
MEDIA_TYPES: dict[ImageType, str] = {"png": "image/png", "svg": "image/svg+xml"}
# Which of a voucher's `formats` allows each symbology.
VOUCHER_FORMAT: dict[Symbology, str] = {"qr": "qr", "code128": "barcode", "ean13": "barcode"}
DEFAULT_SCALE: dict[Symbology, int] = {"qr": 8, "code128": 3, "ean13": 3}
DEFAULT_BAR_HEIGHT = 80
QR_QUIET_ZONE = 4  # modules, as ISO/IEC 18004 asks
BAR_QUIET_ZONE = 10  # modules each side, enough for Code128 and EAN-13 readers
RENDERER_VERSION = "1"  # part of the ETag: bump when the drawing changes


@dataclass(frozen=True)
class Size:
    scale: int  # pixels per module
    bar_height: int  # pixels (1-D symbols only)


def ean13_check_digit(digits12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits12))
    return str(-total % 10)


def _ean13_digits(code: str) -> str:
    """The 12 data digits; a 13th digit must be the right check digit, never silently fixed."""
    if not code.isascii() or not code.isdigit() or len(code) not in (12, 13):
        raise Unprocessable(
            "code_not_ean13",
            f"EAN-13 needs a code of 12 or 13 digits; '{code}' is not. Use format=code128.",
            field="format",
        )
    expected = ean13_check_digit(code[:12])
    if len(code) == 13 and code[12] != expected:
        raise Unprocessable(
            "code_not_ean13",
            f"'{code}' ends in {code[12]} but its EAN-13 check digit is {expected}.",
            field="format",
        )
    return code[:12]


def _modules(code: str, symbology: Symbology) -> str:
    """The row of bars ('1') and spaces ('0') of a 1-D symbol."""
    data = _ean13_digits(code) if symbology == "ean13" else code
    try:
        return str(barcode.get(symbology, data).build()[0])
    except (BarcodeError, KeyError, ValueError) as exc:
        raise Unprocessable(
            "code_not_encodable",
            f"'{code}' cannot be drawn as {symbology}: {exc}. Use format=qr.",
            field="format",
        ) from exc


def _bars(modules: str) -> list[tuple[int, int]]:
    """(start, width) of each bar, in modules, quiet zone included."""
    bars, start = [], None
    for index, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            bars.append((BAR_QUIET_ZONE + start, index - start))
            start = None
    return bars


def _linear_png(modules: str, size: Size) -> bytes:
    width = (len(modules) + 2 * BAR_QUIET_ZONE) * size.scale
    image = Image.new("1", (width, size.bar_height), 1)
    draw = ImageDraw.Draw(image)
    for start, bar_width in _bars(modules):
        x = start * size.scale
        draw.rectangle((x, 0, x + bar_width * size.scale - 1, size.bar_height - 1), fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _linear_svg(modules: str, size: Size) -> bytes:
    width = (len(modules) + 2 * BAR_QUIET_ZONE) * size.scale
    height = size.bar_height
    path = "".join(
        f"M{x * size.scale} 0h{w * size.scale}v{height}h-{w * size.scale}z"
        for x, w in _bars(modules)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" shape-rendering="crispEdges">'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
        f'<path fill="#000" d="{path}"/></svg>'
    ).encode()


def qr_modules(code: str) -> int:
    """How many modules wide the QR code of ``code`` is, quiet zone included."""
    width, _ = segno.make_qr(code, error="m").symbol_size(border=QR_QUIET_ZONE)
    return int(width)


def qr(code: str, kind: str, scale: int) -> bytes:
    """A QR code in any of segno's formats (png, svg, pdf, ...), ``scale`` units per module."""
    symbol = segno.make_qr(code, error="m")
    out = io.BytesIO()
    # An opaque white background: on a dark wallet or screen a transparent one does not scan.
    symbol.save(out, kind=kind, scale=scale, border=QR_QUIET_ZONE, dark="#000", light="#fff")
    return out.getvalue()


def render(code: str, symbology: Symbology, image_type: ImageType, size: Size) -> bytes:
    if symbology == "qr":
        return qr(code, image_type, size.scale)
    modules = _modules(code, symbology)
    return _linear_png(modules, size) if image_type == "png" else _linear_svg(modules, size)
