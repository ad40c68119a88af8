"""The delivery queue in the database: fan events out, claim due messages, record outcomes.

Every step is one short transaction. On PostgreSQL any number of workers share the queue
(``FOR UPDATE SKIP LOCKED``); on SQLite the write lock serialises them.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnClause,
    Select,
    String,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    exists,
    func,
    literal_column,
    not_,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.events import service as events
from punchcard.events.models import Event
from punchcard.events.payloads import event_row
from punchcard.kit.ids import new_id
from punchcard.kit.sql import Statements, keyed, rows_table
from punchcard.wallet.sync import mark_changed
from punchcard.webhooks import retry
from punchcard.webhooks.models import WebhookAttempt, WebhookEndpoint, WebhookMessage
from punchcard.webhooks.sender import Outcome
from punchcard.webhooks.service import active_secrets

FAILING_TOO_LONG = timedelta(days=5)
RATE_HORIZON_SECONDS = 1.0  # claim rate-limited messages at most this far ahead of their slot

events_table = table_of(Event)
endpoints = table_of(WebhookEndpoint)
messages = table_of(WebhookMessage)
attempts = table_of(WebhookAttempt)
# Inline, as the partial indexes over pending messages say it (see models.PENDING).
PENDING: ColumnClause[str] = literal_column("'pending'", String)


@dataclass
class Claim:
    business_id: str
    id: str
    endpoint_id: str
    kind: str
    url: str
    secrets: list[str]
    event_id: str
    body: bytes  # the payload as the database holds it: one object per event, not per send
    request_id: str | None  # the request that wrote the event: the attempt records it
    attempts: int  # including this one; fences the completion
    send_at: float  # epoch seconds: the rate-limit slot
    failing: bool  # its endpoint had a failure streak when claimed: a success must end it
    attempt_id: str = field(default_factory=lambda: new_id("att"))  # its row, its log line


@dataclass
class FannedOut:
    events: int
    claims: list[Claim]  # leased already: the caller sends them once this commits


def _body(*documents: Any) -> Any:
    """The first of these JSON payloads as text: sent as stored, never decoded and encoded
    again by the worker."""
    return _first(*(cast(document, Text) for document in documents)).label("body")


def _request_id(*documents: Any) -> Any:
    return _first(*(document["request_id"].as_string() for document in documents)).label(
        "request_id"
    )


def _first(*values: Any) -> Any:
    """COALESCE, or the value itself (SQLite's COALESCE wants two arguments at least)."""
    return func.coalesce(*values) if len(values) > 1 else values[0]


def _direct(endpoint: Any) -> bool:
    """Messages to this endpoint may skip the claim: no order, rate or concurrency to keep."""
    return bool(
        endpoint.enabled
        and not endpoint.ordered
        and not endpoint.rate_limit_per_second
        and not endpoint.max_concurrency
    )


def undispatched_events(batch: Any) -> Select[Any]:
    """The outbox's head: committed events not yet fanned out (a partial index holds them)."""
    return (
        select(events_table.c.business_id, events_table.c.id)
        .where(events_table.c.dispatched_at.is_(None))
        .order_by(events_table.c.id)
        .limit(batch)
        .with_for_update(skip_locked=True)
    )


def _parameter(name: str, like: Any) -> Any:
    return bindparam(name, type_=like.type)


# Built once: a step runs these two every time, and building one with its cache key costs
# about as much CPU as a few dozen deliveries' rows.
NOW = _parameter("now", events_table.c.dispatched_at)
LIMIT = _parameter("limit", messages.c.attempts)
# Mark a batch of events dispatched; their bodies come back.
DISPATCH = (
    update(events_table)
    .where(tuple_(events_table.c.business_id, events_table.c.id).in_(undispatched_events(LIMIT)))
    .values(dispatched_at=NOW)
    .returning(
        events_table.c.business_id,
        events_table.c.id,
        events_table.c.type,
        events_table.c.card_id,
        events_table.c.created_at,
        _body(events_table.c.payload),
        _request_id(events_table.c.payload),
    )
)

# What a fan-out reads of the endpoints of its events' businesses, by dialect: on PostgreSQL
# one array parameter (a statement the driver runs as compiled once), on SQLite an expanding one.
SUBSCRIBED = select(
    *(
        endpoints.c[name]
        for name in (
            "business_id",
            "id",
            "kind",
            "url",
            "event_types",
            "enabled",
            "ordered",
            "rate_limit_per_second",
            "max_concurrency",
            "secret_sealed",
            "previous_secret_sealed",
            "previous_secret_expires_at",
            "failing_since",
        )
    )
)
ENDPOINTS_OF = {
    "postgresql": SUBSCRIBED.where(
        endpoints.c.business_id == func.any(bindparam("businesses", type_=ARRAY(String)))
    ),
    "sqlite": SUBSCRIBED.where(
        endpoints.c.business_id.in_(bindparam("businesses", expanding=True))
    ),
}
# A new message's own values. Its times are the step's, one parameter each (a timestamp in an
# array costs the driver more to encode than any other value of a row): see ``_insert``.
FANNED = (
    "business_id",
    "id",
    "endpoint_id",
    "event_id",
    "event_type",
    "card_id",
    "status",
    "last_error",
    "attempts",
    "event_created_at",
)
LEASED_UNTIL = _parameter("leased_until", messages.c.next_attempt_at)


async def fan_out(
    session: AsyncSession, now: datetime, batch: int, *, lease: timedelta, room: int
) -> FannedOut:
    """Turn committed, not yet dispatched events into one message per subscribed endpoint.

    Up to ``room`` messages are inserted already leased and returned as claims: no claim (a
    query and an update) stands between an event and its delivery. Those that must queue
    (order, rate limit, concurrency cap, no room) wait, pending, for ``claim``. Three
    statements whatever the batch (and the wallet's one): mark the events (their bodies come
    back), read their endpoints, insert the messages."""
    statements = await Statements.of(session)
    pending = await statements.fetch(DISPATCH, now=now, limit=batch)
    if not pending:
        return FannedOut(0, [])
    # The outbox is read once: wallet cards learn of their changes in the same transaction.
    await mark_changed(session, pending)
    # Each endpoint with, if its messages may skip the claim, the secrets that sign them:
    # worked out once a step, not once a message.
    subscribed: dict[str, list[tuple[Any, list[str] | None]]] = defaultdict(list)
    businesses = list({event.business_id for event in pending})
    of = ENDPOINTS_OF[session.get_bind().dialect.name]
    for endpoint in await statements.fetch(of, businesses=businesses):
        direct = active_secrets(endpoint, now) if _direct(endpoint) else None
        subscribed[endpoint.business_id].append((endpoint, direct))
    leased_until = now + lease
    send_at = now.timestamp()
    rows: list[tuple[Any, ...]] = []
    claims: list[Claim] = []
    for event in sorted(pending, key=lambda event: event.id):
        body = event.body.encode()
        for endpoint, secrets in subscribed[event.business_id]:
            if endpoint.event_types and event.type not in endpoint.event_types:
                continue
            id_, status, error, attempts = new_id("msg"), "pending", None, 0
            if not endpoint.enabled:  # kept, so `recover` can deliver it once re-enabled
                status, error = "failed", "endpoint disabled"
            elif len(claims) < room and secrets is not None:
                attempts = 1
                claims.append(
                    Claim(
                        event.business_id,
                        id_,
                        endpoint.id,
                        endpoint.kind,
                        endpoint.url,
                        secrets,
                        event.id,
                        body,
                        event.request_id,
                        1,
                        send_at,
                        endpoint.failing_since is not None,
                    )
                )
            rows.append(
                (
                    event.business_id,
                    id_,
                    endpoint.id,
                    event.id,
                    event.type,
                    event.card_id,
                    status,
                    error,
                    attempts,
                    event.created_at,
                )
            )
    if rows:
        # One statement text whatever the number of rows (prepared once on PostgreSQL).
        await statements.rows(messages, FANNED, rows, _insert, now=now, leased_until=leased_until)
    return FannedOut(len(pending), claims)


def _insert(given: Any) -> Any:
    """Due now; or, leased (its first attempt under way), due again when the lease ends."""
    leased = given.c.attempts == 1
    return messages.insert().from_select(
        [*FANNED, "next_attempt_at", "in_flight_until", "created_at"],
        select(
            *given.c,
            case((leased, LEASED_UNTIL), else_=NOW),
            case((leased, LEASED_UNTIL)),
            NOW,
        ),
    )


def _due(now: Any) -> Any:
    """Pending, due, endpoint enabled, and (for ordered endpoints) first in its card's line."""
    older = messages.alias("older")
    blocked = exists().where(
        older.c.business_id == messages.c.business_id,
        older.c.endpoint_id == messages.c.endpoint_id,
        older.c.card_id == messages.c.card_id,
        older.c.status == PENDING,
        older.c.event_id < messages.c.event_id,
    )
    return and_(
        messages.c.status == PENDING,
        messages.c.next_attempt_at <= now,
        endpoints.c.enabled,
        or_(not_(endpoints.c.ordered), messages.c.card_id.is_(None), not_(blocked)),
    )


async def _capped(
    session: AsyncSession, candidates: Sequence[Any], now: datetime
) -> list[tuple[Any, float]]:
    """Apply each endpoint's concurrency cap and rate limit; returns (message, send slot)."""
    limited = {(c.business_id, c.endpoint_id) for c in candidates if c.rate_limit_per_second}
    concurrent = {(c.business_id, c.endpoint_id) for c in candidates if c.max_concurrency}
    slots: dict[tuple[str, str], float] = {}
    in_flight: dict[tuple[str, str], int] = {}
    if limited | concurrent:
        # Locking the endpoint rows makes two workers' caps add up exactly.
        rows = await session.execute(
            select(endpoints.c.business_id, endpoints.c.id, endpoints.c.rate_next_at)
            .where(keyed(session, endpoints, limited | concurrent))
            .with_for_update()
        )
        slots = {
            (row.business_id, row.id): row.rate_next_at or 0.0
            for row in rows
            if (row.business_id, row.id) in limited
        }
    if concurrent:
        counts = await session.execute(
            select(messages.c.business_id, messages.c.endpoint_id, func.count())
            .where(
                tuple_(messages.c.business_id, messages.c.endpoint_id).in_(list(concurrent)),
                messages.c.status == PENDING,
                messages.c.in_flight_until > now,
            )
            .group_by(messages.c.business_id, messages.c.endpoint_id)
        )
        in_flight = {(business_id, endpoint_id): n for business_id, endpoint_id, n in counts}
    clock = now.timestamp()
    accepted = []
    for candidate in candidates:
        key = (candidate.business_id, candidate.endpoint_id)
        if candidate.max_concurrency:
            if in_flight.get(key, 0) >= candidate.max_concurrency:
                continue
            in_flight[key] = in_flight.get(key, 0) + 1
        send_at = clock
        if candidate.rate_limit_per_second:
            send_at = max(slots[key], clock)
            if send_at > clock + RATE_HORIZON_SECONDS:
                continue
            slots[key] = send_at + 1 / candidate.rate_limit_per_second
        accepted.append((candidate, send_at))
    for (business_id, endpoint_id), slot in slots.items():
        await session.execute(
            update(endpoints)
            .where(endpoints.c.business_id == business_id, endpoints.c.id == endpoint_id)
            .values(rate_next_at=slot)
        )
    return accepted


def due_messages(now: Any, limit: Any) -> Select[Any]:
    """Due messages in due order, with their endpoint's limits (a partial index holds the
    pending ones, so done messages cost nothing here however many pile up)."""
    return (
        select(
            messages.c.business_id,
            messages.c.id,
            messages.c.endpoint_id,
            endpoints.c.max_concurrency,
            endpoints.c.rate_limit_per_second,
        )
        .select_from(messages.join(endpoints, _endpoint_join()))
        .where(_due(now))
        .order_by(messages.c.next_attempt_at)
        .limit(limit)
        .with_for_update(of=messages, skip_locked=True)
    )


def _endpoint_join() -> Any:
    return and_(
        endpoints.c.business_id == messages.c.business_id, endpoints.c.id == messages.c.endpoint_id
    )


DUE = due_messages(NOW, LIMIT)


async def claim(session: AsyncSession, now: datetime, limit: int, lease: timedelta) -> list[Claim]:
    """Lease up to ``limit`` due messages: their next attempt moves past the lease, so a
    worker that dies mid-send leaves them due again, with the same webhook-id."""
    candidates = await (await Statements.of(session)).fetch(DUE, now=now, limit=limit)
    if not candidates:
        return []
    accepted = await _capped(session, candidates, now)
    if not accepted:
        return []
    leased_until = now + lease
    keys = [(candidate.business_id, candidate.id) for candidate, _ in accepted]
    await session.execute(
        update(messages)
        .where(keyed(session, messages, keys))
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
            endpoints.c.failing_since,
            # A test send carries its own body; every other message delivers its event.
            _body(messages.c.payload, events_table.c.payload),
            _request_id(messages.c.payload, events_table.c.payload),
        )
        .select_from(
            messages.join(endpoints, _endpoint_join()).outerjoin(
                events_table,
                and_(
                    events_table.c.business_id == messages.c.business_id,
                    events_table.c.id == messages.c.event_id,
                ),
            )
        )
        .where(keyed(session, messages, keys))
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
            row.body.encode(),
            row.request_id,
            row.attempts,
            send_at[row.id],
            row.failing_since is not None,
        )
        for row in rows
    ]


# Per attempt; the time of the record is one parameter a batch (a timestamp in an array costs
# the driver more to encode than any other value of a row).
FINISHED = (
    "business_id",
    "id",
    "attempts",
    "status",
    "next_attempt_at",  # a retry's, else none: due (and done) at the time of the record
    "last_status_code",
    "last_error",
)
LOGGED = (
    "business_id",
    "id",
    "message_id",
    "endpoint_id",
    "attempt",
    "status_code",
    "latency_ms",
    "response_body",
    "error",
    "next_attempt_at",
    "request_id",
)


HELD = ("business_id", "id", "attempts")


def _held_by(session: AsyncSession, held: Sequence[tuple[str, str, int]]) -> Any:
    """Messages still leased by these claims (a newer claim has a higher attempt count)."""
    given = rows_table(session, messages, HELD, list(held))
    return and_(
        messages.c.business_id == given.c.business_id,
        messages.c.id == given.c.id,
        messages.c.attempts == given.c.attempts,
        messages.c.status == PENDING,
    )


async def renew(
    session: AsyncSession, held: Sequence[tuple[str, str, int]], now: datetime, lease: timedelta
) -> None:
    """Extend the leases a live worker holds, so a short lease covers a long send."""
    until = now + lease
    await session.execute(
        update(messages)
        .where(_held_by(session, held))
        .values(next_attempt_at=until, in_flight_until=until)
    )


async def release(
    session: AsyncSession, held: Sequence[tuple[str, str, int]], now: datetime
) -> None:
    """A stopping worker hands back what it leased and did not send: due now, and the claim
    that never became an attempt is not counted against the retry schedule."""
    await session.execute(
        update(messages)
        .where(_held_by(session, held))
        .values(attempts=messages.c.attempts - 1, next_attempt_at=now, in_flight_until=None)
    )


async def complete(
    session: AsyncSession,
    results: list[tuple[Claim, Outcome]],
    now: datetime,
    delays: Sequence[timedelta] = retry.DELAYS,
) -> list[str]:
    """Record a batch of attempts and move each message on: done, retry later, or failed.
    Returns the status each message is left in (pending: a retry is due later)."""
    finished, logged = [], []
    streaks: dict[tuple[str, str], bool] = {}  # endpoint -> any success in this batch
    failing: set[tuple[str, str]] = set()  # endpoints with a streak a success would end
    gone: list[Claim] = []
    for message, outcome in results:
        next_at = None
        if outcome.succeeded:
            status = "succeeded"
        elif outcome.status_code == 410:
            status = "failed"
            gone.append(message)
        elif outcome.refused:  # a destination the guard refuses stays refused
            status = "failed"
        else:
            next_at = retry.next_attempt(message.attempts, now, outcome.retry_after, delays)
            status = "pending" if next_at else "failed"
        key = (message.business_id, message.endpoint_id)
        streaks[key] = streaks.get(key, False) or outcome.succeeded
        if message.failing:
            failing.add(key)
        finished.append(
            (
                message.business_id,
                message.id,
                message.attempts,
                status,
                next_at,
                outcome.status_code,
                outcome.error,
            )
        )
        logged.append(
            (
                message.business_id,
                message.attempt_id,
                message.id,
                message.endpoint_id,
                message.attempts,
                outcome.status_code,
                round(outcome.latency_ms, 2),
                outcome.response_body,
                outcome.error,
                next_at,
                message.request_id,
            )
        )
    statements = await Statements.of(session)
    await statements.rows(messages, FINISHED, finished, _finish, now=now)
    await statements.rows(attempts, LOGGED, logged, _log, now=now)
    # A success ends a streak; with none to end (as claimed) the statement is skipped. A
    # streak begun since then is ended by the next success, whose claim sees it.
    streaks = {key: ok for key, ok in streaks.items() if not ok or key in failing}
    await _track_failure_streaks(session, streaks, now)
    for message in gone:
        await _gone(session, message, now)
    return [row[3] for row in finished]


def _finish(done: Any) -> Any:
    return (
        update(messages)
        .where(
            messages.c.business_id == done.c.business_id,
            messages.c.id == done.c.id,
            messages.c.attempts == done.c.attempts,  # a newer claim owns it otherwise
        )
        .values(
            status=done.c.status,
            next_attempt_at=func.coalesce(done.c.next_attempt_at, NOW),
            in_flight_until=None,
            last_status_code=done.c.last_status_code,
            last_error=done.c.last_error,
            delivered_at=case((done.c.status == "succeeded", NOW)),
        )
    )


def _log(log: Any) -> Any:
    # A message deleted meanwhile (endpoint or hook removed mid-send) has nothing to log to.
    alive = exists().where(
        messages.c.business_id == log.c.business_id, messages.c.id == log.c.message_id
    )
    return attempts.insert().from_select([*LOGGED, "at"], select(log, NOW).where(alive))


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
