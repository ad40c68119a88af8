"""Apple's PassKit web service ("Wallet Passes web service reference"), mounted at
``/passkit/v1``: a pass's ``webServiceURL`` is ``{public_url}/passkit``. Thin: the rules live
in ``wallet.apple.service``."""

from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response

from punchcard.kit import ratelimit
from punchcard.kit.clock import utcnow
from punchcard.kit.http import AppSettings, Session, database
from punchcard.wallet.apple import service
from punchcard.wallet.apple.passes import MEDIA_TYPE
from punchcard.wallet.apple.web_schemas import DeviceLogIn, RegistrationIn, SerialNumbersOut

# Apple's protocol for Wallet on devices, documented by Apple: not part of our API's schema.
router = APIRouter(prefix="/passkit/v1", include_in_schema=False)

Device = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,128}$")]
PassType = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]{0,199}$")]
Serial = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,100}$")]
Authorization = Annotated[str | None, Header(max_length=200)]
REGISTRATION = "/devices/{device}/registrations/{pass_type}/{serial}"


def _holder(serial: Serial, authorization: Authorization = None) -> service.PassHolder:
    return service.authenticate(serial, authorization)


# The device holding the pass named by the path's serial number (401 unless its token fits).
Holder = Annotated[service.PassHolder, Depends(_holder)]


async def _per_address(request: Request, name: str, count: int, window: int) -> None:
    """A limit per client address, counted before the request's own transaction starts."""
    client = request.client
    address = ratelimit.address_of(client.host if client else None)
    await ratelimit.hit(database(request), ratelimit.Limit(name, count, window), address)


@router.post(
    REGISTRATION,
    status_code=201,
    responses={200: {"description": "Already registered: push token updated."}},
    summary="Register a device for a pass's updates",
)
async def register(
    device: Device,
    pass_type: PassType,
    holder: Holder,
    body: RegistrationIn,
    request: Request,
    session: Session,
    settings: AppSettings,
) -> Response:
    """At most PUNCHCARD_PASSKIT_DEVICES_PER_PASS devices per pass (409 beyond), and
    PUNCHCARD_PASSKIT_REGISTRATIONS_PER_ADDRESS registrations per address and window (429)."""
    await _per_address(
        request,
        "passkit-register",
        settings.passkit_registrations_per_address,
        settings.passkit_limit_window_seconds,
    )
    created = await service.register(
        session,
        settings,
        holder,
        device=device,
        pass_type=pass_type,
        push_token=body.push_token,
        at=utcnow(),
    )
    return Response(status_code=201 if created else 200)


@router.get(
    "/devices/{device}/registrations/{pass_type}",
    response_model=SerialNumbersOut,
    responses={204: {"description": "No pass of this device changed."}},
    summary="The serial numbers of a device's passes updated since a tag",
)
async def updated_passes(
    device: Device,
    pass_type: PassType,
    session: Session,
    passes_updated_since: Annotated[
        str | None, Query(alias="passesUpdatedSince", pattern=r"^[0-9]{1,17}$")
    ] = None,
) -> object:
    since = service.version_of(passes_updated_since) if passes_updated_since else None
    serials, next_since = await service.updated_serials(
        session, device=device, pass_type=pass_type, since=since, now=utcnow()
    )
    if next_since is None:
        return Response(status_code=204)
    return SerialNumbersOut(serial_numbers=serials, last_updated=service.tag_of(next_since))


@router.get(
    "/passes/{pass_type}/{serial}",
    response_class=Response,
    responses={
        200: {"content": {MEDIA_TYPE: {}}, "description": "The latest pass."},
        304: {"description": "The device has the latest version (If-Modified-Since)."},
    },
    summary="The latest version of a pass",
)
async def latest_pass(
    pass_type: PassType,
    holder: Holder,
    session: Session,
    settings: AppSettings,
    if_modified_since: Annotated[str | None, Header(max_length=100)] = None,
) -> Response:
    latest = await service.latest_pass(
        session,
        settings,
        holder,
        pass_type=pass_type,
        modified_since=_http_date(if_modified_since),
        at=utcnow(),
    )
    headers = {"Last-Modified": format_datetime(latest.last_modified, usegmt=True)}
    if latest.content is None:
        return Response(status_code=304, headers=headers)
    return Response(latest.content, media_type=MEDIA_TYPE, headers=headers)


def _http_date(value: str | None) -> datetime | None:
    """An HTTP date; one that does not parse is ignored, as RFC 9110 says."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


@router.delete(REGISTRATION, summary="Unregister a device from a pass's updates")
async def unregister(
    device: Device,
    pass_type: PassType,
    holder: Holder,
    session: Session,
) -> Response:
    await service.unregister(session, holder, device=device, pass_type=pass_type)
    return Response(status_code=200)


@router.post("/log", summary="Messages from Wallet about our passes (logged)")
async def device_log(body: DeviceLogIn, request: Request, settings: AppSettings) -> Response:
    await _per_address(
        request,
        "passkit-log",
        settings.passkit_log_posts_per_address,
        settings.passkit_limit_window_seconds,
    )
    service.record_device_log(body.logs)
    return Response(status_code=200)
