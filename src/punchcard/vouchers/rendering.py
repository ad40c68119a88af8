"""Redeem codes drawn as scannable symbols: QR (segno), Code128 (code128.py) and EAN-13
(python-barcode).

The encoders only turn a code into a row of modules; we draw the modules ourselves, so PNG and
SVG have the same whole-pixel geometry and no font or DPI rounding. The libraries (about 5 MB
resident with Pillow) are imported by the first symbol drawn: a server process that never draws
one does without them.
"""

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from punchcard.kit.errors import Unprocessable
from punchcard.vouchers.codes import gtin_check_digit

if TYPE_CHECKING:
    import segno

Symbology = Literal["qr", "code128", "ean13"]
ImageType = Literal["png", "svg"]
MEDIA_TYPES: dict[ImageType, str] = {"png": "image/png", "svg": "image/svg+xml"}
# Which of a voucher's `formats` allows each symbology.
VOUCHER_FORMAT: dict[Symbology, str] = {"qr": "qr", "code128": "barcode", "ean13": "barcode"}
DEFAULT_SCALE: dict[Symbology, int] = {"qr": 8, "code128": 3, "ean13": 3}
DEFAULT_BAR_HEIGHT = 80
QR_QUIET_ZONE = 4  # modules, as ISO/IEC 18004 asks
# Modules each side: Code128 asks for 10 (ISO/IEC 15417), EAN-13 for 11 left and 7 right (GS1).
BAR_QUIET_ZONE: dict[Symbology, int] = {"code128": 10, "ean13": 11}


@dataclass(frozen=True)
class Size:
    scale: int  # pixels per module
    bar_height: int  # pixels (1-D symbols only)


def _ean13_digits(code: str) -> str:
    """The 12 data digits; a 13th digit must be the right check digit, never silently fixed."""
    if not code.isascii() or not code.isdigit() or len(code) not in (12, 13):
        raise Unprocessable(
            "code_not_ean13",
            f"EAN-13 needs a code of 12 or 13 digits; '{code}' is not. Use format=code128.",
            field="format",
        )
    expected = gtin_check_digit(code[:12])
    if len(code) == 13 and code[12] != expected:
        raise Unprocessable(
            "code_not_ean13",
            f"'{code}' ends in {code[12]} but its EAN-13 check digit is {expected}.",
            field="format",
        )
    return code[:12]


def _not_encodable(code: str, symbology: Symbology, reason: Exception) -> Unprocessable:
    other = "format=qr" if symbology != "qr" else "the text format"
    return Unprocessable(
        "code_not_encodable",
        f"'{code}' cannot be drawn as {symbology}: {reason}. Use {other}.",
        field="format",
    )


def _modules(code: str, symbology: Symbology) -> str:
    """The row of bars ('1') and spaces ('0') of a 1-D symbol, quiet zones included."""
    import barcode
    from barcode.errors import BarcodeError

    from punchcard.vouchers import code128  # python-barcode's tables

    try:
        if symbology == "ean13":
            row = str(barcode.get("ean13", _ean13_digits(code)).build()[0])
        else:
            row = code128.modules(code)
    except (BarcodeError, ValueError) as exc:
        raise _not_encodable(code, symbology, exc) from exc
    quiet = "0" * BAR_QUIET_ZONE[symbology]
    return quiet + row + quiet


def _bars(modules: str) -> list[tuple[int, int]]:
    """(start, width) of each bar, in modules."""
    bars, start = [], None
    for index, module in enumerate(modules + "0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            bars.append((start, index - start))
            start = None
    return bars


def _linear_png(modules: str, size: Size) -> bytes:
    from PIL import Image, ImageDraw

    width = len(modules) * size.scale
    image = Image.new("1", (width, size.bar_height), 1)
    draw = ImageDraw.Draw(image)
    for start, bar_width in _bars(modules):
        x = start * size.scale
        draw.rectangle((x, 0, x + bar_width * size.scale - 1, size.bar_height - 1), fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _linear_svg(modules: str, size: Size) -> bytes:
    width = len(modules) * size.scale
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


def _qr_symbol(text: str) -> "segno.QRCode":
    import segno

    # Text beyond ASCII goes as UTF-8 behind an ECI header: without it readers guess the byte
    # encoding, and zxing reads ISO 8859-1 "ÄÖÜ" as Shift JIS "ﾄﾖﾜ".
    if text.isascii():
        return segno.make_qr(text, error="m")
    return segno.make_qr(text, error="m", encoding="utf-8", eci=True)


def qr_modules(text: str) -> int:
    """How many modules wide the QR code of ``text`` is, quiet zone included."""
    width, _ = _qr_symbol(text).symbol_size(border=QR_QUIET_ZONE)
    return int(width)


def qr(text: str, kind: str, scale: int) -> bytes:
    """A QR code in any of segno's formats (png, svg, pdf, ...), ``scale`` units per module."""
    out = io.BytesIO()
    # An opaque white background: on a dark wallet or screen a transparent one does not scan.
    _qr_symbol(text).save(
        out, kind=kind, scale=scale, border=QR_QUIET_ZONE, dark="#000", light="#fff"
    )
    return out.getvalue()


def render(code: str, symbology: Symbology, image_type: ImageType, size: Size) -> bytes:
    """The code drawn as a symbol that reads back as exactly the code (EAN-13: with its check
    digit); 422 ``code_not_ean13`` or ``code_not_encodable`` when the symbology cannot carry it."""
    if symbology == "qr":
        try:
            return qr(code, image_type, size.scale)
        except ValueError as exc:  # text no encoding carries, such as a lone surrogate
            raise _not_encodable(code, symbology, exc) from exc
    modules = _modules(code, symbology)
    return _linear_png(modules, size) if image_type == "png" else _linear_svg(modules, size)
