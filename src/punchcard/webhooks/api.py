from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Response

from punchcard.events import catalogue
from punchcard.events.catalogue import EventType
from punchcard.kit.http import Session
from punchcard.kit.openapi import problems
from punchcard.kit.pagination import Page, PageQuery
from punchcard.staff.auth import CurrentActor
from punchcard.webhooks import service
from punchcard.webhooks.schemas import (
    AttemptOut,
    EndpointCreate,
    EndpointOut,
    EndpointSecretOut,
    EndpointUpdate,
    EventTypeOut,
    HookOut,
    HookSubscribe,
    MessageOut,
    RecoverIn,
    RecoverOut,
    RetryNowOut,
    SecretOut,
    TestEventIn,
)

webhooks_router = APIRouter(prefix="/webhooks", tags=["Webhooks"])
hooks_router = APIRouter(prefix="/hooks", tags=["REST hooks (Zapier, Make)"])
event_types_router = APIRouter(prefix="/event-types", tags=["Webhooks"])
EndpointId = Annotated[str, Path(max_length=64)]
MessageId = Annotated[str, Path(max_length=64)]


@webhooks_router.post(
    "",
    status_code=201,
    response_model=EndpointSecretOut,
    summary="Add a webhook endpoint (its signing secret is in the response)",
    responses={**problems(422, "url_not_allowed")},
)
async def create_endpoint(body: EndpointCreate, session: Session, actor: CurrentActor) -> object:
    """Add a webhook endpoint (its signing secret is in the response). **Who:** Owners and managers
    not bound to a location. **Emits:** none.
    """
    endpoint, secret = await service.create_endpoint(session, actor, data=body)
    return {**EndpointOut.model_validate(endpoint).model_dump(), "secret": secret}


@webhooks_router.get("", response_model=Page[EndpointOut], summary="List webhook endpoints")
async def list_endpoints(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List webhook endpoints. **Who:** Owners and managers not bound to a location. **Emits:**
    none.
    """
    data, cursor = await service.list_endpoints(session, actor, page)
    return {"data": data, "next_cursor": cursor}


@webhooks_router.get("/{endpoint_id}", response_model=EndpointOut, summary="Get an endpoint")
async def get_endpoint(endpoint_id: EndpointId, session: Session, actor: CurrentActor) -> object:
    """Get an endpoint. **Who:** Owners and managers not bound to a location. **Emits:** none."""
    return await service.get_endpoint(session, actor, endpoint_id)


@webhooks_router.patch(
    "/{endpoint_id}",
    response_model=EndpointOut,
    summary="Update an endpoint (enabling it again clears its failure streak)",
    responses={**problems(422, "url_not_allowed")},
)
async def update_endpoint(
    endpoint_id: EndpointId, body: EndpointUpdate, session: Session, actor: CurrentActor
) -> object:
    """Update an endpoint (enabling it again clears its failure streak). **Who:** Owners and
    managers not bound to a location. **Emits:** none.
    """
    return await service.update_endpoint(session, actor, endpoint_id, data=body)


@webhooks_router.delete("/{endpoint_id}", status_code=204, summary="Delete an endpoint")
async def delete_endpoint(
    endpoint_id: EndpointId, session: Session, actor: CurrentActor
) -> Response:
    """Delete an endpoint. **Who:** Owners and managers not bound to a location. **Emits:** none."""
    await service.delete_endpoint(session, actor, endpoint_id)
    return Response(status_code=204)


@webhooks_router.get(
    "/{endpoint_id}/secret", response_model=SecretOut, summary="The signing secret"
)
async def get_secret(endpoint_id: EndpointId, session: Session, actor: CurrentActor) -> object:
    """The signing secret. **Who:** Owners and managers not bound to a location. **Emits:** none."""
    secret, overlap = await service.get_secret(session, actor, endpoint_id)
    return {"secret": secret, "previous_secret_expires_at": overlap}


@webhooks_router.post(
    "/{endpoint_id}/rotate-secret",
    operation_id="rotate_webhook_secret",
    response_model=SecretOut,
    summary="Rotate the signing secret; the old one keeps signing beside it for 24 h",
)
async def rotate_secret(endpoint_id: EndpointId, session: Session, actor: CurrentActor) -> object:
    """Rotate the signing secret; the old one keeps signing beside it for 24 h. **Who:** Owners and
    managers not bound to a location. **Emits:** none.
    """
    secret, overlap = await service.rotate_secret(session, actor, endpoint_id)
    return {"secret": secret, "previous_secret_expires_at": overlap}


@webhooks_router.post(
    "/{endpoint_id}/test",
    status_code=202,
    response_model=MessageOut,
    summary="Send a sample event (marked test: true) to this endpoint",
)
async def send_test(
    endpoint_id: EndpointId, session: Session, actor: CurrentActor, body: TestEventIn | None = None
) -> object:
    """Send a sample event (marked test: true) to this endpoint. **Who:** Owners and managers not
    bound to a location. **Emits:** a sample delivery to this endpoint only, marked `"test": true`
    (never an event in /v1/events).
    """
    event_type = (body or TestEventIn()).event_type
    return await service.send_test(session, actor, endpoint_id, event_type)


@webhooks_router.get(
    "/{endpoint_id}/messages",
    response_model=Page[MessageOut],
    summary="Messages sent (or to send) to this endpoint, newest first",
)
async def list_messages(
    endpoint_id: EndpointId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
    status: Literal["pending", "succeeded", "failed"] | None = None,
    event_type: EventType | None = None,
) -> object:
    """Messages sent (or to send) to this endpoint, newest first. **Who:** Owners and managers not
    bound to a location. **Emits:** none.
    """
    data, cursor = await service.list_messages(
        session, actor, endpoint_id, page, status=status, event_type=event_type
    )
    return {"data": data, "next_cursor": cursor}


@webhooks_router.get(
    "/{endpoint_id}/messages/{message_id}/attempts",
    response_model=Page[AttemptOut],
    summary="The delivery log of a message: every attempt, newest first",
)
async def list_attempts(
    endpoint_id: EndpointId,
    message_id: MessageId,
    session: Session,
    actor: CurrentActor,
    page: PageQuery,
) -> object:
    """The delivery log of a message: every attempt, newest first. **Who:** Owners and managers not
    bound to a location. **Emits:** none.
    """
    data, cursor = await service.list_attempts(session, actor, endpoint_id, message_id, page)
    return {"data": data, "next_cursor": cursor}


@webhooks_router.post(
    "/{endpoint_id}/messages/{message_id}/replay",
    status_code=202,
    response_model=MessageOut,
    summary="Deliver a message again now (same webhook-id)",
)
async def replay(
    endpoint_id: EndpointId, message_id: MessageId, session: Session, actor: CurrentActor
) -> object:
    """Deliver a message again now (same webhook-id). **Who:** Owners and managers not bound to a
    location. **Emits:** none.
    """
    return await service.replay(session, actor, endpoint_id, message_id)


@webhooks_router.post(
    "/{endpoint_id}/retry-now",
    status_code=202,
    response_model=RetryNowOut,
    summary="Deliver now every pending message waiting for its next retry (the receiver is back)",
)
async def retry_now(endpoint_id: EndpointId, session: Session, actor: CurrentActor) -> object:
    """Deliver now every pending message waiting for its next retry (the receiver is back). **Who:**
    Owners and managers not bound to a location. **Emits:** none.
    """
    return {"retried": await service.retry_now(session, actor, endpoint_id)}


@webhooks_router.post(
    "/{endpoint_id}/recover",
    status_code=202,
    response_model=RecoverOut,
    summary="Deliver again every failed message since a time",
)
async def recover(
    endpoint_id: EndpointId, body: RecoverIn, session: Session, actor: CurrentActor
) -> object:
    """Deliver again every failed message since a time. **Who:** Owners and managers not bound to a
    location. **Emits:** none.
    """
    return {"recovered": await service.recover(session, actor, endpoint_id, body.since)}


@hooks_router.post(
    "",
    status_code=201,
    response_model=HookOut,
    summary="Subscribe a target URL",
    responses={**problems(422, "url_not_allowed")},
)
async def subscribe(body: HookSubscribe, session: Session, actor: CurrentActor) -> object:
    """Subscribe a target URL. **Who:** Owners and managers not bound to a location. **Emits:**
    none.
    """
    hook = await service.subscribe(session, actor, data=body)
    return {
        "id": hook.id,
        "target_url": hook.url,
        "event": body.event,
        "created_at": hook.created_at,
    }


@hooks_router.get("", response_model=Page[HookOut], summary="List REST hook subscriptions")
async def list_hooks(session: Session, actor: CurrentActor, page: PageQuery) -> object:
    """List REST hook subscriptions. **Who:** Owners and managers not bound to a location.
    **Emits:** none.
    """
    hooks, cursor = await service.list_hooks(session, actor, page)
    return {"data": [_hook_out(hook) for hook in hooks], "next_cursor": cursor}


def _hook_out(hook: Any) -> dict[str, Any]:
    return {
        "id": hook.id,
        "target_url": hook.url,
        "event": hook.event_types[0],
        "created_at": hook.created_at,
    }


@hooks_router.delete("/{hook_id}", status_code=204, summary="Unsubscribe (404 when already gone)")
async def unsubscribe(
    hook_id: Annotated[str, Path(max_length=64)], session: Session, actor: CurrentActor
) -> Response:
    """Unsubscribe (also 204 when already gone). **Who:** Owners and managers not bound to a
    location. **Emits:** none.
    """
    await service.unsubscribe(session, actor, hook_id)
    return Response(status_code=204)


@hooks_router.get(
    "/samples/{event_type}",
    response_model=list[dict[str, Any]],
    summary="Latest events of a type in the webhook body's shape (a sample if none yet)",
)
async def samples(
    event_type: Annotated[str, Path(max_length=40)], session: Session, actor: CurrentActor
) -> object:
    """Latest events of a type in the webhook body's shape (a sample if none yet). **Who:** Owners
    and managers not bound to a location. **Emits:** none.
    """
    return await service.recent_or_sample(session, actor, event_type)


def _event_type(event_type: str) -> dict[str, Any]:
    catalogue.require_known(event_type)
    return {
        "type": event_type,
        "description": catalogue.DESCRIPTIONS[event_type],
        "schema": catalogue.schema(event_type),
        "sample": catalogue.sample(event_type),
    }


@event_types_router.get(
    "", response_model=list[EventTypeOut], summary="Every event type with JSON Schema and sample"
)
async def list_event_types() -> object:
    """Every event type with JSON Schema and sample. **Who:** Anyone; no API key needed. **Emits:**
    none.
    """
    return [_event_type(event_type) for event_type in catalogue.EVENT_TYPES]


@event_types_router.get("/{event_type}", response_model=EventTypeOut, summary="One event type")
async def get_event_type(event_type: Annotated[str, Path(max_length=40)]) -> object:
    """One event type. **Who:** Anyone; no API key needed. **Emits:** none."""
    return _event_type(event_type)
