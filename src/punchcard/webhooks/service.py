"""Webhook endpoints, REST hooks (Zapier, Make), the delivery log, replay and recovery."""

from datetime import datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Row, and_, delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.events import catalogue
from punchcard.events import service as events
from punchcard.events.payloads import event_row
from punchcard.kit import crypto
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import not_found
from punchcard.kit.ids import new_id
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff.actor import Actor, Permission
from punchcard.webhooks import signing
from punchcard.webhooks.models import PENDING, WebhookAttempt, WebhookEndpoint, WebhookMessage
from punchcard.webhooks.schemas import EndpointCreate, EndpointUpdate, HookSubscribe
from punchcard.webhooks.targets import check_url

SECRET_OVERLAP = timedelta(hours=24)
messages = table_of(WebhookMessage)
attempts = table_of(WebhookAttempt)


def _endpoint(
    actor: Actor, *, kind: str, url: str, event_types: list[str], **fields: Any
) -> tuple[WebhookEndpoint, str]:
    check_url(url)
    now = utcnow()
    secret = signing.new_secret()
    endpoint = WebhookEndpoint(
        business_id=actor.business_id,
        id=new_id("whk"),
        kind=kind,
        url=url,
        event_types=event_types,
        secret_sealed=crypto.seal(secret),
        created_at=now,
        updated_at=now,
        **{"enabled": True, "ordered": False, **fields},
    )
    return endpoint, secret


async def create_endpoint(
    session: AsyncSession, actor: Actor, *, data: EndpointCreate
) -> tuple[WebhookEndpoint, str]:
    """Returns the endpoint and its signing secret (shown to the user once, here)."""
    actor.require(Permission.WEBHOOKS_MANAGE)
    fields = data.model_dump(exclude={"url", "event_types"})
    endpoint, secret = _endpoint(
        actor, kind="webhook", url=str(data.url), event_types=list(data.event_types), **fields
    )
    session.add(endpoint)
    await session.flush()
    return endpoint, secret


async def get_endpoint(session: AsyncSession, actor: Actor, endpoint_id: str) -> WebhookEndpoint:
    actor.require(Permission.WEBHOOKS_MANAGE)
    endpoint = await session.get(WebhookEndpoint, (actor.business_id, endpoint_id))
    if endpoint is None or endpoint.kind != "webhook":
        raise not_found("webhook_endpoint", endpoint_id)
    return endpoint


async def list_endpoints(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[WebhookEndpoint], str | None]:
    actor.require(Permission.WEBHOOKS_MANAGE)
    query = select(WebhookEndpoint).where(
        WebhookEndpoint.business_id == actor.business_id, WebhookEndpoint.kind == "webhook"
    )
    rows = list((await session.scalars(newest_first(query, WebhookEndpoint.id, params))).all())
    return to_page(rows, params, lambda endpoint: endpoint.id)


async def update_endpoint(
    session: AsyncSession, actor: Actor, endpoint_id: str, *, data: EndpointUpdate
) -> WebhookEndpoint:
    endpoint = await get_endpoint(session, actor, endpoint_id)
    changes = data.model_dump(exclude_unset=True)
    if data.url is not None:
        check_url(str(data.url))
        changes["url"] = str(data.url)
    nullable = {"description", "rate_limit_per_second", "max_concurrency"}
    for field, value in changes.items():
        if value is not None or field in nullable:
            setattr(endpoint, field, value)
    if data.enabled:  # re-enabling clears the reason and the failure streak
        endpoint.disabled_reason, endpoint.failing_since = None, None
    endpoint.updated_at = utcnow()
    return endpoint


async def delete_endpoint(session: AsyncSession, actor: Actor, endpoint_id: str) -> None:
    await session.delete(await get_endpoint(session, actor, endpoint_id))


@lru_cache(maxsize=4096)
def _unsealed(sealed: str) -> str:
    """Unsealing costs more than a delivery's signing: keep it. Keyed by the ciphertext,
    which every rotation or new endpoint replaces, so an entry is never stale."""
    return crypto.unseal(sealed)


def active_secrets(endpoint: Any, now: datetime) -> list[str]:
    """The current secret, plus the previous one while a rotation's overlap lasts."""
    secrets = [_unsealed(endpoint.secret_sealed)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret_sealed and expires and expires > now:
        secrets.append(_unsealed(endpoint.previous_secret_sealed))
    return secrets


async def get_secret(
    session: AsyncSession, actor: Actor, endpoint_id: str
) -> tuple[str, datetime | None]:
    endpoint = await get_endpoint(session, actor, endpoint_id)
    return crypto.unseal(endpoint.secret_sealed), _overlap_end(endpoint)


def _overlap_end(endpoint: WebhookEndpoint) -> datetime | None:
    expires = endpoint.previous_secret_expires_at
    return expires if expires and expires > utcnow() else None


async def rotate_secret(
    session: AsyncSession, actor: Actor, endpoint_id: str
) -> tuple[str, datetime | None]:
    """A new secret signs from now on; the old one keeps signing beside it for 24 h."""
    endpoint = await get_endpoint(session, actor, endpoint_id)
    secret = signing.new_secret()
    endpoint.previous_secret_sealed = endpoint.secret_sealed
    endpoint.previous_secret_expires_at = utcnow() + SECRET_OVERLAP
    endpoint.secret_sealed = crypto.seal(secret)
    endpoint.updated_at = utcnow()
    return secret, endpoint.previous_secret_expires_at


def message_row(endpoint_id: str, event: Any, now: datetime) -> dict[str, Any]:
    """A pending delivery of ``event`` (a row of the events table) to one endpoint."""
    return {
        "business_id": event.business_id,
        "id": new_id("msg"),
        "endpoint_id": endpoint_id,
        "event_id": event.id,
        "event_type": event.type,
        "card_id": event.card_id,
        "status": "pending",
        "last_error": None,
        "attempts": 0,
        "next_attempt_at": now,
        "in_flight_until": None,
        "event_created_at": event.created_at,
        "created_at": now,
    }


async def send_test(
    session: AsyncSession, actor: Actor, endpoint_id: str, event_type: str
) -> Row[Any]:
    """A sample event, marked as a test, delivered to this endpoint only. It is no event: the
    message carries its body, and the event log (and the samples no-code tools show) never
    see it."""
    endpoint = await get_endpoint(session, actor, endpoint_id)
    now = utcnow()
    body = catalogue.sample(event_type)
    row = event_row(
        event_type,
        business_id=actor.business_id,
        at=now,
        location_id=None,
        staff_id=actor.staff_id,
        customer=body["customer"],
        card=body["card"],
        voucher=body["voucher"],
        test=True,
        **{k: v for k, v in body.items() if k not in catalogue.Envelope.model_fields},
    )
    row["card_id"] = None  # a sample names no real card (and joins no card's order)
    message = message_row(endpoint.id, SimpleNamespace(**row), now) | {"payload": row["payload"]}
    await session.execute(messages.insert().values(message))
    return await get_message(session, actor, endpoint.id, message["id"])


async def get_message(
    session: AsyncSession, actor: Actor, endpoint_id: str, message_id: str
) -> Row[Any]:
    actor.require(Permission.WEBHOOKS_MANAGE)
    row = (
        await session.execute(
            select(messages).where(
                messages.c.business_id == actor.business_id,
                messages.c.endpoint_id == endpoint_id,
                messages.c.id == message_id,
            )
        )
    ).one_or_none()
    if row is None:
        raise not_found("webhook_message", message_id)
    return row


async def list_messages(
    session: AsyncSession,
    actor: Actor,
    endpoint_id: str,
    params: PageParams,
    *,
    status: str | None,
    event_type: str | None,
) -> tuple[list[Row[Any]], str | None]:
    await get_endpoint(session, actor, endpoint_id)
    query = select(messages).where(
        messages.c.business_id == actor.business_id, messages.c.endpoint_id == endpoint_id
    )
    if status:
        query = query.where(messages.c.status == status)
    if event_type:
        query = query.where(messages.c.event_type == event_type)
    rows = list((await session.execute(newest_first(query, messages.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


async def list_attempts(
    session: AsyncSession, actor: Actor, endpoint_id: str, message_id: str, params: PageParams
) -> tuple[list[Row[Any]], str | None]:
    await get_message(session, actor, endpoint_id, message_id)
    query = select(attempts).where(
        attempts.c.business_id == actor.business_id, attempts.c.message_id == message_id
    )
    rows = list((await session.execute(newest_first(query, attempts.c.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


async def replay(
    session: AsyncSession, actor: Actor, endpoint_id: str, message_id: str
) -> Row[Any]:
    """Deliver again, now, with the same webhook-id; the attempt history is kept."""
    await get_message(session, actor, endpoint_id, message_id)
    await session.execute(
        update(messages)
        .where(messages.c.business_id == actor.business_id, messages.c.id == message_id)
        .values(status="pending", next_attempt_at=utcnow(), in_flight_until=None)
    )
    return await get_message(session, actor, endpoint_id, message_id)


async def retry_now(session: AsyncSession, actor: Actor, endpoint_id: str) -> int:
    """Every pending message of the endpoint waiting out a retry delay is due now (a
    receiver that was down is back). Messages being sent (leased) are left alone."""
    await get_endpoint(session, actor, endpoint_id)
    now = utcnow()
    result = await session.execute(
        update(messages)
        .where(
            messages.c.business_id == actor.business_id,
            messages.c.endpoint_id == endpoint_id,
            PENDING,
            messages.c.next_attempt_at > now,
            or_(messages.c.in_flight_until.is_(None), messages.c.in_flight_until <= now),
        )
        .values(next_attempt_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def recover(session: AsyncSession, actor: Actor, endpoint_id: str, since: datetime) -> int:
    """Queue every failed message of the endpoint created since ``since`` for delivery again."""
    await get_endpoint(session, actor, endpoint_id)
    result = await session.execute(
        update(messages)
        .where(
            and_(
                messages.c.business_id == actor.business_id,
                messages.c.endpoint_id == endpoint_id,
                messages.c.status == "failed",
                messages.c.created_at >= since,
            )
        )
        .values(status="pending", next_attempt_at=utcnow(), in_flight_until=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --- REST hooks (Zapier, Make) ---------------------------------------------------------------


async def subscribe(session: AsyncSession, actor: Actor, *, data: HookSubscribe) -> WebhookEndpoint:
    actor.require(Permission.WEBHOOKS_MANAGE)
    endpoint, _ = _endpoint(
        actor, kind="rest_hook", url=str(data.target_url), event_types=[data.event]
    )
    session.add(endpoint)
    await session.flush()
    return endpoint


async def unsubscribe(session: AsyncSession, actor: Actor, hook_id: str) -> None:
    """A hook already gone (its target answered 410, or unsubscribed before) is a 404, as is
    an id that was never a hook: Zapier treats that 404 as done."""
    actor.require(Permission.WEBHOOKS_MANAGE)
    gone = await session.execute(
        delete(WebhookEndpoint).where(
            WebhookEndpoint.business_id == actor.business_id,
            WebhookEndpoint.id == hook_id,
            WebhookEndpoint.kind == "rest_hook",
        )
    )
    if gone.rowcount == 0:  # type: ignore[attr-defined]
        raise not_found("hook", hook_id)


async def list_hooks(
    session: AsyncSession, actor: Actor, params: PageParams
) -> tuple[list[WebhookEndpoint], str | None]:
    actor.require(Permission.WEBHOOKS_MANAGE)
    query = select(WebhookEndpoint).where(
        WebhookEndpoint.business_id == actor.business_id, WebhookEndpoint.kind == "rest_hook"
    )
    rows = list((await session.scalars(newest_first(query, WebhookEndpoint.id, params))).all())
    return to_page(rows, params, lambda hook: hook.id)


async def recent_or_sample(
    session: AsyncSession, actor: Actor, event_type: str
) -> list[dict[str, Any]]:
    """The latest real events of the type (for a no-code tool's field mapping), else a sample."""
    actor.require(Permission.WEBHOOKS_MANAGE)
    catalogue.require_known(event_type)
    recent, _ = await events.page_of(
        session, actor.business_id, PageParams(limit=3, cursor=None), event_type=event_type
    )
    return recent or [catalogue.sample(event_type)]
