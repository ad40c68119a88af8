"""The delivery queue in the database: fan events out, claim due messages, record outcomes.

Every step is one short transaction. On PostgreSQL any number of workers share the queue
(``FOR UPDATE SKIP LOCKED``); on SQLite the write lock serialises them.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, exists, func, not_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import event_row
from punchcard.kit.ids import new_id
from punchcard.webhooks import retry
from punchcard.webhooks.models import WebhookAttempt, WebhookEndpoint, WebhookMessage
from punchcard.webhooks.sender import Outcome
from punchcard.webhooks.service import active_secrets, message_row

FAILING_TOO_LONG = timedelta(days=5)
RATE_HORIZON_SECONDS = 1.0  # claim rate-limited messages at most this far ahead of their slot

events_table = table_of(Event)
endpoints = table_of(WebhookEndpoint)
messages = table_of(WebhookMessage)
attempts = table_of(WebhookAttempt)


async def fan_out(session: AsyncSession, now: datetime, batch: int) -> int:
    """Turn committed, not yet dispatched events into one message per subscribed endpoint."""
    pending = (
        await session.execute(
            select(
                events_table.c.business_id,
                events_table.c.id,
                events_table.c.type,
                events_table.c.card_id,
                events_table.c.created_at,
            )
            .where(events_table.c.dispatched_at.is_(None))
            .order_by(events_table.c.id)
            .limit(batch)
            .with_for_update(skip_locked=True)
        )
    ).all()
    if not pending:
        return 0
    subscribed: dict[str, list[Any]] = defaultdict(list)
    for endpoint in await session.execute(
        select(
            endpoints.c.business_id, endpoints.c.id, endpoints.c.event_types, endpoints.c.enabled
        ).where(endpoints.c.business_id.in_({event.business_id for event in pending}))
    ):
        subscribed[endpoint.business_id].append(endpoint)
    rows = []
    for event in pending:
        for endpoint in subscribed[event.business_id]:
            if endpoint.event_types and event.type not in endpoint.event_types:
                continue
            row = message_row(endpoint.id, event, now)
            if not endpoint.enabled:  # kept, so `recover` can deliver it once re-enabled
                row.update(status="failed", last_error="endpoint disabled")
            rows.append(row)
    if rows:
        await session.execute(messages.insert(), rows)
    await session.execute(
        update(events_table)
        .where(events_table.c.id.in_([event.id for event in pending]))
        .where(events_table.c.dispatched_at.is_(None))
        .values(dispatched_at=now)
    )
    return len(pending)


@dataclass
class Claim:
    business_id: str
    id: str
    endpoint_id: str
    kind: str
    url: str
    secrets: list[str]
    event_id: str
    payload: dict[str, Any]
    attempts: int  # including this one; fences the completion
    send_at: float  # epoch seconds: the rate-limit slot


def _due(now: datetime) -> Any:
    """Pending, due, endpoint enabled, and (for ordered endpoints) first in its card's line."""
    older = messages.alias("older")
    blocked = exists().where(
        older.c.business_id == messages.c.business_id,
        older.c.endpoint_id == messages.c.endpoint_id,
        older.c.card_id == messages.c.card_id,
        older.c.status == "pending",
        older.c.event_id < messages.c.event_id,
    )
    return and_(
        messages.c.status == "pending",
        messages.c.next_attempt_at <= now,
        endpoints.c.enabled,
        or_(not_(endpoints.c.ordered), messages.c.card_id.is_(None), not_(blocked)),
    )


async def _capped(
    session: AsyncSession, candidates: Sequence[Any], now: datetime
) -> list[tuple[Any, float]]:
    """Apply each endpoint's concurrency cap and rate limit; returns (message, send slot)."""
    limited = {c.endpoint_id for c in candidates if c.rate_limit_per_second}
    concurrent = {c.endpoint_id for c in candidates if c.max_concurrency}
    slots: dict[str, float] = {}
    in_flight: dict[str, int] = {}
    if limited | concurrent:
        # Locking the endpoint rows makes two workers' caps add up exactly.
        rows = await session.execute(
            select(endpoints.c.id, endpoints.c.rate_next_at)
            .where(endpoints.c.id.in_(limited | concurrent))
            .with_for_update()
        )
        slots = {row.id: row.rate_next_at or 0.0 for row in rows if row.id in limited}
    if concurrent:
        counts = await session.execute(
            select(messages.c.endpoint_id, func.count())
            .where(messages.c.endpoint_id.in_(concurrent), messages.c.in_flight_until > now)
            .group_by(messages.c.endpoint_id)
        )
        in_flight = {endpoint_id: count for endpoint_id, count in counts}
    clock = now.timestamp()
    accepted = []
    for candidate in candidates:
        endpoint_id = candidate.endpoint_id
        if candidate.max_concurrency:
            if in_flight.get(endpoint_id, 0) >= candidate.max_concurrency:
                continue
            in_flight[endpoint_id] = in_flight.get(endpoint_id, 0) + 1
        send_at = clock
        if candidate.rate_limit_per_second:
            send_at = max(slots[endpoint_id], clock)
            if send_at > clock + RATE_HORIZON_SECONDS:
                continue
            slots[endpoint_id] = send_at + 1 / candidate.rate_limit_per_second
        accepted.append((candidate, send_at))
    for endpoint_id, slot in slots.items():
        await session.execute(
            update(endpoints).where(endpoints.c.id == endpoint_id).values(rate_next_at=slot)
        )
    return accepted


async def claim(session: AsyncSession, now: datetime, limit: int, lease: timedelta) -> list[Claim]:
    """Lease up to ``limit`` due messages: their next attempt moves past the lease, so a
    worker that dies mid-send leaves them due again, with the same webhook-id."""
    join = and_(
        endpoints.c.business_id == messages.c.business_id, endpoints.c.id == messages.c.endpoint_id
    )
    candidates = (
        await session.execute(
            select(
                messages.c.business_id,
                messages.c.id,
                messages.c.endpoint_id,
                endpoints.c.max_concurrency,
                endpoints.c.rate_limit_per_second,
            )
            .select_from(messages.join(endpoints, join))
            .where(_due(now))
            .order_by(messages.c.next_attempt_at)
            .limit(limit)
            .with_for_update(of=messages, skip_locked=True)
        )
    ).all()
    if not candidates:
        return []
    accepted = await _capped(session, candidates, now)
    if not accepted:
        return []
    leased_until = now + lease
    ids = [candidate.id for candidate, _ in accepted]
    await session.execute(
        update(messages)
        .where(messages.c.id.in_(ids))
        .values(
            attempts=messages.c.attempts + 1,
            next_attempt_at=leased_until,
            in_flight_until=leased_until,
        )
    )
    rows = await session.execute(
        select(
            messages.c.business_id,
            messages.c.id,
            messages.c.endpoint_id,
            messages.c.event_id,
            messages.c.attempts,
            endpoints.c.kind,
            endpoints.c.url,
            endpoints.c.secret_sealed,
            endpoints.c.previous_secret_sealed,
            endpoints.c.previous_secret_expires_at,
            events_table.c.payload,
        )
        .select_from(
            messages.join(endpoints, join).join(
                events_table,
                and_(
                    events_table.c.business_id == messages.c.business_id,
                    events_table.c.id == messages.c.event_id,
                ),
            )
        )
        .where(messages.c.id.in_(ids))
    )
    send_at = {candidate.id: slot for candidate, slot in accepted}
    return [
        Claim(
            row.business_id,
            row.id,
            row.endpoint_id,
            row.kind,
            row.url,
            active_secrets(row, now),
            row.event_id,
            row.payload,
            row.attempts,
            send_at[row.id],
        )
        for row in rows
    ]


_FINISH = (
    update(messages)
    .where(
        messages.c.business_id == bindparam("b_business_id"),
        messages.c.id == bindparam("b_id"),
        messages.c.attempts == bindparam("b_attempts"),  # a newer claim owns it otherwise
    )
    .values(
        status=bindparam("status"),
        next_attempt_at=bindparam("next_attempt_at"),
        in_flight_until=None,
        last_status_code=bindparam("last_status_code"),
        last_error=bindparam("last_error"),
        delivered_at=bindparam("delivered_at"),
    )
)


async def complete(
    session: AsyncSession, results: list[tuple[Claim, Outcome]], now: datetime
) -> None:
    """Record a batch of attempts and move each message on: done, retry later, or failed."""
    attempt_rows, finishes = [], []
    streaks: dict[tuple[str, str], bool] = {}  # endpoint -> any success in this batch
    gone: list[Claim] = []
    for message, outcome in results:
        next_at = None
        if outcome.succeeded:
            status = "succeeded"
        elif outcome.status_code == 410:
            status = "failed"
            gone.append(message)
        else:
            next_at = retry.next_attempt(message.attempts, now, outcome.retry_after)
            status = "pending" if next_at else "failed"
        key = (message.business_id, message.endpoint_id)
        streaks[key] = streaks.get(key, False) or outcome.succeeded
        attempt_rows.append(
            {
                "business_id": message.business_id,
                "id": new_id("att"),
                "message_id": message.id,
                "endpoint_id": message.endpoint_id,
                "attempt": message.attempts,
                "at": now,
                "status_code": outcome.status_code,
                "latency_ms": round(outcome.latency_ms, 2),
                "response_body": outcome.response_body,
                "error": outcome.error,
                "next_attempt_at": next_at,
            }
        )
        finishes.append(
            {
                "b_business_id": message.business_id,
                "b_id": message.id,
                "b_attempts": message.attempts,
                "status": status,
                "next_attempt_at": next_at or now,
                "last_status_code": outcome.status_code,
                "last_error": outcome.error,
                "delivered_at": now if outcome.succeeded else None,
            }
        )
    # A message deleted meanwhile (endpoint or hook removed mid-send) has nothing to log to.
    alive = set(
        await session.scalars(
            select(messages.c.id).where(
                messages.c.id.in_([row["message_id"] for row in attempt_rows])
            )
        )
    )
    attempt_rows = [row for row in attempt_rows if row["message_id"] in alive]
    if attempt_rows:
        await session.execute(attempts.insert(), attempt_rows)
        await session.execute(_FINISH, [f for f in finishes if f["b_id"] in alive])
    await _track_failure_streaks(session, streaks, now)
    for message in gone:
        await _gone(session, message, now)


async def _track_failure_streaks(
    session: AsyncSession, streaks: dict[tuple[str, str], bool], now: datetime
) -> None:
    """An endpoint failing without a single success for five days is disabled."""
    for (business_id, endpoint_id), any_success in streaks.items():
        where = and_(endpoints.c.business_id == business_id, endpoints.c.id == endpoint_id)
        if any_success:
            await session.execute(
                update(endpoints)
                .where(where, endpoints.c.failing_since.is_not(None))
                .values(failing_since=None)
            )
            continue
        await session.execute(
            update(endpoints)
            .where(where, endpoints.c.failing_since.is_(None))
            .values(failing_since=now)
        )
        stale = await session.execute(
            update(endpoints)
            .where(where, endpoints.c.enabled, endpoints.c.failing_since <= now - FAILING_TOO_LONG)
            .values(enabled=False, disabled_reason="failing for 5 days", updated_at=now)
            .returning(endpoints.c.url)
        )
        row = stale.first()
        if row is not None:
            await _disabled_event(
                session, business_id, endpoint_id, row.url, "failing for 5 days", now
            )


async def _gone(session: AsyncSession, message: Claim, now: datetime) -> None:
    """410 Gone: a REST hook is unsubscribed; a webhook endpoint is disabled."""
    where = and_(
        endpoints.c.business_id == message.business_id, endpoints.c.id == message.endpoint_id
    )
    if message.kind == "rest_hook":
        await session.execute(delete(endpoints).where(where))
        return
    disabled = await session.execute(
        update(endpoints)
        .where(where, endpoints.c.enabled)
        .values(enabled=False, disabled_reason="gone (410)", updated_at=now)
        .returning(endpoints.c.url)
    )
    row = disabled.first()
    if row is not None:
        await _disabled_event(
            session, message.business_id, message.endpoint_id, row.url, "gone (410)", now
        )


async def _disabled_event(
    session: AsyncSession, business_id: str, endpoint_id: str, url: str, reason: str, now: datetime
) -> None:
    row = event_row(
        "webhook_endpoint_disabled",
        business_id=business_id,
        at=now,
        location_id=None,
        staff_id=None,
        customer=None,
        endpoint={"id": endpoint_id, "url": url, "reason": reason},
    )
    await events.record(session, [row])
