"""The public shape of a program's wallet card design."""

import base64
import binascii
import io
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AnyUrl,
    BeforeValidator,
    Field,
    PlainSerializer,
    UrlConstraints,
    WithJsonSchema,
)

from punchcard.kit.schemas import Input, Name, Output, Text
from punchcard.wallet.view import Design

DEFAULTS = Design(organization_name="")
MAX_IMAGE_BYTES = 256 * 1024
MAX_IMAGE_SIDE = 1024  # pixels; Wallet shows logos at most 480x150 and icons at 87x87


def _color(value: str) -> str:
    if (
        len(value) != 7
        or value[0] != "#"
        or not all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise ValueError("a colour is written #RRGGBB, e.g. #3B2A20")
    return value.upper()


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


Color = Annotated[str, AfterValidator(_color)]
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
WebsiteUrl = Annotated[AnyUrl, UrlConstraints(max_length=500, allowed_schemes=["http", "https"])]
BarcodeFormat = Literal["qr", "code128", "pdf417", "aztec"]


class WalletDesignIn(Input):
    """The whole design: fields left out get their defaults (PUT replaces)."""

    organization_name: Name | None = Field(None, description="Default: the business name.")
    background_color: Color = DEFAULTS.background_color
    foreground_color: Color = DEFAULTS.foreground_color
    label_color: Color = DEFAULTS.label_color
    stamp_color: Color = Field(DEFAULTS.stamp_color, description="Stamps on the grid.")
    barcode_format: BarcodeFormat = "qr"
    terms: Text | None = None
    website_url: WebsiteUrl | None = Field(None, description="An http(s) link on the back.")
    opening_hours: Text | None = None
    logo_png: PngIn | None = Field(None, description="Base64 PNG, at most 256 KiB, 1024 px.")
    icon_png: PngIn | None = Field(None, description="Base64 PNG, at most 256 KiB, 1024 px.")


class WalletDesignOut(Output):
    program_id: str
    organization_name: str | None
    background_color: str
    foreground_color: str
    label_color: str
    stamp_color: str
    barcode_format: BarcodeFormat
    terms: str | None
    website_url: str | None
    opening_hours: str | None
    logo_png: Png | None
    icon_png: Png | None
    updated_at: datetime | None = Field(description="None: the program uses the defaults.")
