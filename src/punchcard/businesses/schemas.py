from datetime import datetime
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, AnyHttpUrl, Field, UrlConstraints

from punchcard.kit.png import Png, PngIn
from punchcard.kit.schemas import Input, Name, Output, Patch, url_fits

_ZONES = available_timezones()


def _zone(value: str) -> str:
    if value not in _ZONES:
        raise ValueError("must be an IANA time zone such as 'Europe/Berlin'")
    return value


TimeZone = Annotated[str, AfterValidator(_zone)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
PageUrl = Annotated[AnyHttpUrl, UrlConstraints(max_length=2000), url_fits(2000)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
Address = Annotated[str, Field(max_length=500), AfterValidator(str.strip)]  # the column's size


class BusinessOut(Output):
    id: str
    name: str
    timezone: str
    privacy_policy_url: str | None
    imprint_url: str | None
    join_requires_privacy_links: bool
    logo_png: Png | None = Field(
        description="Your logo, shown on cards and join pages whose program has none of its own."
    )
    created_at: datetime


class BusinessUpdate(Patch):
    clearable = frozenset({"privacy_policy_url", "imprint_url", "logo_png"})

    name: Name | None = None
    timezone: TimeZone | None = None
    privacy_policy_url: PageUrl | None = Field(
        None, description="Your privacy policy (http or https): the join page and web card link it."
    )
    imprint_url: PageUrl | None = Field(
        None, description="Your imprint / legal notice, linked beside the privacy policy."
    )
    join_requires_privacy_links: bool | None = Field(
        None,
        description="true: the join form is shown only once both links are set (else a 404).",
    )
    logo_png: PngIn | None = Field(
        None,
        description="Base64 PNG, at most 256 KiB, 1024 px: the logo of every card and join page "
        "whose program's design has none. null removes it.",
    )


class LocationCreate(Input):
    name: Name
    address: Address | None = None
    timezone: TimeZone | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class LocationUpdate(Patch):
    clearable = frozenset({"address", "timezone", "latitude", "longitude"})

    name: Name | None = None
    address: Address | None = None
    timezone: TimeZone | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class LocationOut(Output):
    id: str
    name: str
    address: str | None
    timezone: str | None
    latitude: float | None
    longitude: float | None
    created_at: datetime
