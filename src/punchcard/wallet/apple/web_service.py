"""Apple's PassKit web service ("Wallet Passes web service reference"), mounted at
``/passkit/v1``: a pass's ``webServiceURL`` is ``{public_url}/passkit``. Thin: the rules live
in ``wallet.apple.service``."""

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Response

from punchcard.kit.clock import utcnow
from punchcard.kit.http import Session
from punchcard.wallet.apple import service
from punchcard.wallet.apple.web_schemas import DeviceLogIn, RegistrationIn, SerialNumbersOut

router = APIRouter(prefix="/passkit/v1", tags=["Apple Wallet web service"])

Device = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,128}$")]
PassType = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9.-]{0,199}$")]
Serial = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,100}$")]
Authorization = Annotated[str | None, Header(max_length=200)]
REGISTRATION = "/devices/{device}/registrations/{pass_type}/{serial}"


@router.post(
    REGISTRATION,
    status_code=201,
    responses={200: {"description": "Already registered: push token updated."}},
    summary="Register a device for a pass's updates",
)
async def register(
    device: Device,
    pass_type: PassType,
    serial: Serial,
    body: RegistrationIn,
    session: Session,
    authorization: Authorization = None,
) -> Response:
    holder = service.authenticate(serial, authorization)
    created = await service.register(
        session,
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


@router.delete(REGISTRATION, summary="Unregister a device from a pass's updates")
async def unregister(
    device: Device,
    pass_type: PassType,
    serial: Serial,
    session: Session,
    authorization: Authorization = None,
) -> Response:
    holder = service.authenticate(serial, authorization)
    await service.unregister(session, holder, device=device, pass_type=pass_type)
    return Response(status_code=200)


@router.post("/log", summary="Messages from Wallet about our passes (logged)")
async def device_log(body: DeviceLogIn) -> Response:
    service.record_device_log(body.logs)
    return Response(status_code=200)
