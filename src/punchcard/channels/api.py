"""Channels over HTTP: owners and managers set them up (``/v1/channels``); providers call their
webhooks (``/channels/{channel_id}/webhook``, public, verified by each provider's signature
before anything else is done)."""

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import ValidationError

from punchcard.channels import inbound, service
from punchcard.channels.adapter import CHANNEL_TYPES, MESSENGERS, ChannelType, Inbound
from punchcard.channels.models import ChannelConfig
from punchcard.channels.schemas import (
    CONFIG_SCHEMAS,
    ChannelList,
    ChannelOut,
    ChannelTest,
    SendResultOut,
)
from punchcard.kit.errors import ContentTooLarge, Forbidden
from punchcard.kit.http import Session, database
from punchcard.staff.auth import CurrentActor

router = APIRouter(prefix="/channels", tags=["Channels"])
webhooks_router = APIRouter(include_in_schema=False)  # providers, not integrators, call these
ChannelId = Annotated[str, Path(max_length=64)]
MAX_WEBHOOK_BYTES = 65_536  # providers' updates are a few kilobytes


def channel_out(channel: str, config: ChannelConfig | None) -> ChannelOut:
    if config is None:
        return ChannelOut(type=channel, configured=False)
    return ChannelOut(
        type=config.type,
        configured=True,
        id=config.id,
        transactional=config.transactional,
        settings=config.settings,
        account=config.account,
        credentials_set=config.credentials_sealed is not None,
        webhook_url=service.webhook_url(config.id) if config.type in MESSENGERS else None,
        created_at=config.created_at,
        updated_at=config.updated_at,
    )


@router.get("", response_model=ChannelList, summary="Every channel type, and how each is set up")
async def list_channels(session: Session, actor: CurrentActor) -> object:
    """Every channel type, and how each is set up. **Who:** Owners and managers. **Emits:** none."""
    found = await service.list_channels(session, actor)
    return {"data": [channel_out(channel, found.get(channel)) for channel in CHANNEL_TYPES]}


@router.get(
    "/{channel}",
    response_model=ChannelOut,
    summary="A channel's settings (never its credentials)",
    responses={404: {"description": "channel_not_found: not set up"}},
)
async def get_channel(channel: ChannelType, session: Session, actor: CurrentActor) -> object:
    """A channel's settings (never its credentials). **Who:** Owners and managers.
    **Emits:** none.
    """
    return channel_out(channel, await service.get_channel(session, actor, channel))


@router.put(
    "/{channel}",
    response_model=ChannelOut,
    summary="Set a channel up, or replace its settings and credentials",
    responses={
        409: {"description": "public_url_not_https: a messenger needs an https webhook URL"},
        422: {
            "description": "channel_credentials_refused (the provider's reason), or "
            "validation_error; nothing is saved"
        },
        502: {"description": "channel_provider_unavailable: the provider did not answer"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "oneOf": [schema.model_json_schema() for schema in CONFIG_SCHEMAS.values()]
                    }
                }
            },
        }
    },
)
async def configure_channel(
    channel: ChannelType,
    request: Request,
    session: Session,
    actor: CurrentActor,
    body: Annotated[dict[str, Any], Body()],
) -> object:
    """Set a channel up, or replace its settings and credentials. The body is the type's settings
    (see the schemas). The credentials are checked with the provider first (Telegram getMe, WhatsApp
    reading the phone number, Viber get_account_info, SMTP connect and login) and, for messengers,
    the provider's webhook is pointed at `PUNCHCARD_PUBLIC_URL` (which must be https). Credentials
    are stored encrypted and never returned. **Who:** Owners and managers. **Emits:** none.
    """
    try:
        data = CONFIG_SCHEMAS[channel].model_validate(body)
    except ValidationError as exc:
        errors = [{**error, "loc": ("body", *error["loc"])} for error in exc.errors()]
        raise RequestValidationError(errors) from None
    # The API key lookup's transaction ends here: no lock is held while the provider answers.
    await session.commit()
    config = await service.configure(database(request), actor, channel, data)
    return channel_out(channel, config)


@router.delete(
    "/{channel}",
    status_code=204,
    summary="Remove a channel (customers keep their addresses and consents)",
    responses={404: {"description": "channel_not_found"}},
)
async def delete_channel(
    channel: ChannelType, request: Request, session: Session, actor: CurrentActor
) -> Response:
    """Remove a channel (customers keep their addresses and consents). **Who:** Owners and managers.
    **Emits:** none.
    """
    await session.commit()
    await service.remove(database(request), actor, channel)
    return Response(status_code=204)


@router.post(
    "/{channel}/test",
    response_model=SendResultOut,
    summary="Send a test message to an address; the provider's answer",
    responses={404: {"description": "channel_not_found"}},
)
async def test_channel(
    channel: ChannelType,
    body: ChannelTest,
    request: Request,
    session: Session,
    actor: CurrentActor,
) -> object:
    """Send a test message to an address; the provider's answer. **Who:** Owners and managers.
    **Emits:** none.
    """
    await session.commit()
    result = await service.send_test(database(request), actor, channel, body)
    return SendResultOut.model_validate(result, from_attributes=True)


# --- public: what providers send ---------------------------------------------------------------


async def _read(request: Request) -> Inbound:
    """The call, refused with 413 past the limit before it is all read."""
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_WEBHOOK_BYTES:
            raise ContentTooLarge("content_too_large", "A provider's webhook is a few kilobytes.")
    headers = {name.lower(): value for name, value in request.headers.items()}
    return Inbound(bytes(body), headers, dict(request.query_params))


@webhooks_router.post(
    service.WEBHOOK_PATH,
    summary="A provider's webhook: Telegram updates, WhatsApp messages, Viber callbacks",
    description=(
        "Verified before anything else: Telegram's `X-Telegram-Bot-Api-Secret-Token`, Meta's "
        "`X-Hub-Signature-256`, Viber's `X-Viber-Content-Signature`. Link tokens link the "
        "sender to a customer; STOP, /stop, blocking the bot or unsubscribing withdraws "
        "consent. Telegram and Viber get their reply in the response."
    ),
    responses={
        401: {"description": "channel_signature_invalid"},
        404: {"description": "channel_not_found"},
        413: {"description": "content_too_large"},
    },
)
async def receive_webhook(channel_id: ChannelId, request: Request) -> Response:
    answer = await inbound.receive(database(request), channel_id, await _read(request))
    return JSONResponse(answer) if answer is not None else Response(status_code=200)


@webhooks_router.get(
    service.WEBHOOK_PATH,
    summary="Meta's webhook verification (hub.mode, hub.verify_token, hub.challenge)",
    response_class=PlainTextResponse,
    responses={403: {"description": "channel_verification_failed"}},
)
async def verify_webhook(channel_id: ChannelId, request: Request) -> Response:
    """Answered from the channel id alone (the verify token is derived from it), so Meta can
    check the URL while the channel is being saved."""
    # Here, not at the top: the adapter's module imports its HTTP client (channels.registry)
    from punchcard.channels.whatsapp import verify_token

    query = request.query_params
    offered = query.get("hub.verify_token", "").encode()
    expected = verify_token(channel_id).encode()
    if query.get("hub.mode") != "subscribe" or not hmac.compare_digest(offered, expected):
        raise Forbidden("channel_verification_failed", "Wrong hub.mode or hub.verify_token.")
    return PlainTextResponse(query.get("hub.challenge", "")[:200])
