"""Small PNGs for the tests of uploaded logos and icons."""

import base64
import io

from PIL import Image


def png_bytes(size: tuple[int, int], color: str = "#AA5500", kind: str = "PNG") -> bytes:
    """A plain image of ``size`` in ``color``, saved as ``kind`` (PNG unless told)."""
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, kind)
    return out.getvalue()


def png_base64(size: tuple[int, int], color: str = "#AA5500", kind: str = "PNG") -> str:
    """The same as the API takes it: base64 text."""
    return base64.b64encode(png_bytes(size, color, kind)).decode()
