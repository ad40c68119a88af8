from datetime import datetime
from typing import Annotated
from zoneinfo import available_timezones

from pydantic import AfterValidator, Field

from punchcard.kit.schemas import Input, Name, Output

_ZONES = available_timezones()


def _zone(value: str) -> str:
    if value not in _ZONES:
        raise ValueError("must be an IANA time zone such as 'Europe/Berlin'")
    return value


TimeZone = Annotated[str, AfterValidator(_zone)]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


class BusinessOut(Output):
    id: str
    name: str
    timezone: str
    created_at: datetime


class BusinessUpdate(Input):
    name: Name | None = None
    timezone: TimeZone | None = None


class LocationCreate(Input):
    name: Name
    address: Annotated[str, AfterValidator(str.strip)] | None = None
    timezone: TimeZone | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None


class LocationUpdate(Input):
    name: Name | None = None
    address: str | None = None
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
