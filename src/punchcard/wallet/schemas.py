"""The public shape of a program's wallet card design."""

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AnyUrl, Field, UrlConstraints

from punchcard.kit.png import Png, PngIn
from punchcard.kit.schemas import Input, Name, Output, Text
from punchcard.wallet.view import Design

DEFAULTS = Design(organization_name="")


def _color(value: str) -> str:
    if (
        len(value) != 7
        or value[0] != "#"
        or not all(c in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise ValueError("a colour is written #RRGGBB, e.g. #3B2A20")
    return value.upper()


Color = Annotated[str, AfterValidator(_color)]
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
