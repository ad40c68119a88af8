"""Retention: a daily job, run by one worker of any number, prunes what only grows (events,
webhook messages with their attempts and response bodies, POS notices, referral refusals,
idempotency records, expired rate-limit counters and remembered POS request ids) once it is
older than its configured period. The ledger (cards, stamps, vouchers, redemptions) is the
business's record and is never pruned.

Each batch is its own short transaction (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), so
pruning never holds a lock for long nor blocks the outbox. An event is kept while a message
may still deliver it, and so is every event not yet fanned out."""

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Select,
    String,
    Table,
    delete,
    exists,
    literal_column,
    not_,
    select,
    tuple_,
)

from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.idempotency.models import IdempotencyRecord
from punchcard.imports.models import ImportJob
from punchcard.jobs.periods import claim_period, daily, finish_period
from punchcard.kit.clock import utcnow
from punchcard.kit.ratelimit import RateCounter
from punchcard.kit.unavailable import QuietLog
from punchcard.pos.models import PosSale, PosSeenRequest
from punchcard.referrals.models import ReferralRefusal
from punchcard.webhooks.models import WebhookMessage

log = logging.getLogger("punchcard.retention")
JOB = "retention"
CHECK_SECONDS = 3600.0  # how often a worker looks whether today's run is claimed yet
LEASE = timedelta(hours=1)  # a run unfinished this long (its worker died) is taken over

events = table_of(Event)
messages = table_of(WebhookMessage)
sales = table_of(PosSale)
idempotency = table_of(IdempotencyRecord)
rate_counters = table_of(RateCounter)
import_jobs = table_of(ImportJob)
seen_requests = table_of(PosSeenRequest)
refusals = table_of(ReferralRefusal)
# In the words of the partial indexes (webhooks.models), so they serve these conditions.
PENDING: ColumnClause[str] = literal_column("'pending'", String)
SUCCEEDED: ColumnClause[str] = literal_column("'succeeded'", String)


@dataclass(frozen=True)
class Kind:
    name: str
    table: Table
    age: Any  # the column whose value says how old a row is
    keep_for: Callable[[Settings], timedelta | None]  # None: kept forever
    prunable: Callable[[], ColumnElement[bool]] | None = None  # rows that may go at all


def _days(days: int) -> timedelta | None:
    return timedelta(days=days) if days > 0 else None


def _event_done() -> ColumnElement[bool]:
    """Fanned out, and no message that may still deliver it (pending, or failed and open to
    `recover`)."""
    unfinished = exists().where(
        messages.c.business_id == events.c.business_id,
        messages.c.event_id == events.c.id,
        messages.c.status != SUCCEEDED,
    )
    return events.c.dispatched_at.is_not(None) & not_(unfinished)


# In this order: messages before the events they deliver.
KINDS = (
    Kind(
        "webhook_messages",
        messages,
        messages.c.created_at,
        lambda settings: _days(settings.retain_webhook_messages_days),
        lambda: messages.c.status != PENDING,  # attempts go with their message (cascade)
    ),
    Kind(
        "events",
        events,
        events.c.created_at,
        lambda settings: _days(settings.retain_events_days),
        _event_done,
    ),
    Kind(
        "pos_sales",
        sales,
        sales.c.received_at,
        lambda settings: _days(settings.retain_pos_sales_days),
        # Notices that decided nothing (duplicates, open receipts, ...); a decided sale is the
        # guard against stamping its transaction twice, and stays.
        lambda: sales.c.claimed_transaction_id.is_(None),
    ),
    Kind(
        "referral_refusals",
        refusals,
        refusals.c.at,
        lambda settings: _days(settings.retain_referral_refusals_days),
    ),
    Kind(
        "idempotency_keys",
        idempotency,
        idempotency.c.created_at,
        lambda settings: timedelta(hours=settings.idempotency_ttl_hours),
    ),
    # A finished import's staged lines hold personal data nobody needs once its report was
    # read; they go with their job (ON DELETE CASCADE).
    Kind(
        "imports",
        import_jobs,
        import_jobs.c.finished_at,
        lambda settings: _days(settings.import_retention_days),
    ),
    # Rows that say when they stop counting: gone once they have (a stale one is never read
    # as current, so a day's delay costs only space).
    Kind("rate_counters", rate_counters, rate_counters.c.window_ends_at, lambda _: timedelta()),
    Kind("pos_seen_requests", seen_requests, seen_requests.c.expires_at, lambda _: timedelta()),
)


def victims(kind: Kind, cutoff: datetime, batch_size: int) -> Select[Any]:
    """The keys of up to ``batch_size`` rows of ``kind`` to prune (none locked by others)."""
    chosen = select(*kind.table.primary_key.columns).where(kind.age < cutoff)
    if kind.prunable is not None:
        chosen = chosen.where(kind.prunable())
    return chosen.limit(batch_size).with_for_update(skip_locked=True)


async def prune_batch(db: Database, kind: Kind, cutoff: datetime, batch_size: int) -> int:
    """Delete one batch of ``kind`` older than ``cutoff``, in its own short transaction."""
    key = tuple_(*kind.table.primary_key.columns)
    async with db.transaction() as session:
        result = await session.execute(
            delete(kind.table).where(key.in_(victims(kind, cutoff, batch_size)))
        )
    return int(getattr(result, "rowcount", 0) or 0)


async def prune(
    db: Database, settings: Settings, now: datetime, stop: asyncio.Event | None = None
) -> dict[str, int]:
    """Every kind, batch after batch, until nothing older than its period is left (or stop)."""
    pruned: dict[str, int] = {}
    for kind in KINDS:
        keep_for = kind.keep_for(settings)
        if keep_for is None:
            continue
        pruned[kind.name] = 0
        while stop is None or not stop.is_set():
            done = await prune_batch(db, kind, now - keep_for, settings.retention_batch_size)
            pruned[kind.name] += done
            if done < settings.retention_batch_size:
                break
    return pruned


class Retention:
    """The worker loop: claims today's run (or catches up after downtime), prunes, and
    records the run as finished."""

    def __init__(self, db: Database, settings: Settings, job: str = JOB) -> None:
        self.db, self.settings, self.job = db, settings, job
        self.outage = QuietLog(log, "retention")

    async def run_due(self, now: datetime, stop: asyncio.Event | None = None) -> dict[str, int]:
        """Prune if this worker claims today's run; what it pruned (nothing if it did not)."""
        period = daily(now)
        async with self.db.transaction() as session:
            claimed = await claim_period(session, self.job, period, now, lease=LEASE)
        if not claimed:
            return {}
        pruned = await prune(self.db, self.settings, now, stop)
        if stop is not None and stop.is_set():
            return pruned  # unfinished: the lease lets another worker take it over
        async with self.db.transaction() as session:
            await finish_period(session, self.job, period, utcnow())
        log.info("retention run of %s pruned %s", period, pruned)
        return pruned

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_due(utcnow(), stop)
            except Exception as exc:  # a database hiccup must not end the loop
                self.outage.step_failed(exc, "retention run failed; will retry")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), CHECK_SECONDS)
