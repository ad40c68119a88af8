"""Uploaded PNG images (a business's logo, a card design's logo and icon): base64 text in
JSON, checked for size and dimensions, PNG bytes inside."""

import base64
import binascii
import io
from typing import Annotated

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

MAX_IMAGE_BYTES = 256 * 1024
MAX_IMAGE_SIDE = 1024  # pixels; Wallet shows logos at most 480x150 and icons at 87x87


def _png(value: object) -> bytes:
    if not isinstance(value, str):
        raise ValueError("a PNG image as base64 text")
    if len(value) > MAX_IMAGE_BYTES * 4 // 3 + 4:
        raise ValueError(f"at most {MAX_IMAGE_BYTES // 1024} KiB")
    try:
        data = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError("not valid base64") from exc
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(f"at most {MAX_IMAGE_BYTES // 1024} KiB")
    from PIL import Image, UnidentifiedImageError  # here: only an upload needs Pillow (4 MB)

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, size = image.format, image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValueError("not a readable PNG image") from exc
    if kind != "PNG":
        raise ValueError(f"a PNG image is needed, not {kind}")
    if max(size) > MAX_IMAGE_SIDE:
        raise ValueError(
            f"at most {MAX_IMAGE_SIDE}x{MAX_IMAGE_SIDE} pixels, not {size[0]}x{size[1]}"
        )
    return data


# Base64 text in JSON, PNG bytes inside.
Png = Annotated[
    bytes,
    Field(description="A PNG image, base64-encoded."),
    PlainSerializer(lambda data: base64.b64encode(data).decode(), return_type=str),
]
PngIn = Annotated[
    bytes,
    BeforeValidator(_png),
    WithJsonSchema({"type": "string", "contentEncoding": "base64"}),
]
