"""Read barcodes the way a till's scanner does: zxing-cpp on the rendered pixels (SVGs are
rasterised by resvg first, exactly as a browser would draw them)."""

import io

import resvg_py
import zxingcpp
from PIL import Image

# What Punchcard draws (QR, Code128, EAN-13 for numeric codes, PDF417 and Aztec on passes), as
# a till's scanner is set up to read: with every symbology on, a QR code's modules now and then
# also read as a short ITF (seen: "0461" beside a referral link's QR).
FORMATS = (
    zxingcpp.BarcodeFormat.QRCode,
    zxingcpp.BarcodeFormat.Code128,
    zxingcpp.BarcodeFormat.EAN13,
    zxingcpp.BarcodeFormat.PDF417,
    zxingcpp.BarcodeFormat.Aztec,
)


def scan(content: bytes, media_type: str) -> list[tuple[str, str]]:
    """(text, symbology) of every symbol found in a PNG or SVG image; the text as the symbol
    carries it (Plain: control characters as themselves, not as "<US>")."""
    if media_type == "image/svg+xml":
        content = bytes(resvg_py.svg_to_bytes(svg_string=content.decode()))
    else:
        assert media_type == "image/png", media_type
    image = Image.open(io.BytesIO(content))
    return [
        (found.text, found.format.name)
        for found in zxingcpp.read_barcodes(
            image, formats=FORMATS, text_mode=zxingcpp.TextMode.Plain
        )
    ]
