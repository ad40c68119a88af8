"""Retention prunes what is older than its period, in batches, and keeps what the outbox still
needs (events not fanned out, events a pending or failed message may still deliver); the
daily run is claimed by one worker of many."""

import asyncio
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select

from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.events.payloads import event_row
from punchcard.idempotency.models import IdempotencyRecord
from punchcard.jobs.retention import Retention
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.pos.models import PosSale
from punchcard.referrals.models import ReferralRefusal
from punchcard.webhooks.models import WebhookMessage
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok
from tests.support.pos import connector

events, messages = table_of(Event), table_of(WebhookMessage)
sales, records = table_of(PosSale), table_of(IdempotencyRecord)
refusals = table_of(ReferralRefusal)
OLD = timedelta(days=500)
SETTINGS = Settings(
    retain_events_days=400,
    retain_webhook_messages_days=30,
    retain_pos_sales_days=180,
    retention_batch_size=2,  # several batches even for a handful of rows
)


async def add_event(db: Database, business_id: str, age: timedelta, *, dispatched: bool) -> str:
    at = utcnow() - age
    row = event_row(
        "card_issued",
        business_id=business_id,
        at=at,
        location_id=None,
        staff_id=None,
        customer=None,
    )
    row["dispatched_at"] = at if dispatched else None
    async with db.transaction() as session:
        await session.execute(insert(events), [row])
    return str(row["id"])


async def add_message(
    db: Database, business_id: str, endpoint_id: str, event_id: str, status: str, age: timedelta
) -> str:
    at = utcnow() - age
    row = {
        "business_id": business_id,
        "id": new_id("msg"),
        "endpoint_id": endpoint_id,
        "event_id": event_id,
        "event_type": "card_issued",
        "card_id": None,
        "status": status,
        "attempts": 1,
        "next_attempt_at": at,
        "event_created_at": at,
        "created_at": at,
    }
    async with db.transaction() as session:
        await session.execute(insert(messages), [row])
    return str(row["id"])


async def add_sale(db: Database, business_id: str, connector_id: str, *, decided: bool) -> str:
    transaction = f"R-{uuid.uuid4().hex[:8]}"
    row = {
        "business_id": business_id,
        "id": new_id("sale"),
        "connector_id": connector_id,
        "transaction_id": transaction,
        "claimed_transaction_id": transaction if decided else None,
        "outcome": "stamped" if decided else "duplicate",
        "identifiers": [],
        "items": [],
        "stamps": 0,
        "received_at": utcnow() - OLD,
    }
    async with db.transaction() as session:
        await session.execute(insert(sales), [row])
    return str(row["id"])


async def ids(db: Database, table: Any, business_id: str) -> set[str]:
    key = table.c.key if table is records else table.c.id
    async with db.transaction() as session:
        rows = await session.execute(select(key).where(table.c.business_id == business_id))
        return {row[0] for row in rows}


async def test_retention_prunes_old_rows_and_keeps_what_the_outbox_needs(
    tenant: Tenant, db: Database
) -> None:
    business = tenant.business_id
    hook = ok(await tenant.client.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/"}), 201)
    till = await connector(tenant.client, (await coffee_program(tenant.client))["id"])

    delivered = await add_event(db, business, OLD, dispatched=True)
    delivered_msg = await add_message(db, business, hook["id"], delivered, "succeeded", OLD)
    retrying = await add_event(db, business, OLD, dispatched=True)
    retrying_msg = await add_message(db, business, hook["id"], retrying, "pending", OLD)
    failed = await add_event(db, business, OLD, dispatched=True)
    failed_msg = await add_message(db, business, hook["id"], failed, "failed", OLD)
    recent_failure = await add_event(db, business, OLD, dispatched=True)
    recent_failure_msg = await add_message(
        db, business, hook["id"], recent_failure, "failed", timedelta(days=3)
    )
    not_fanned_out = await add_event(db, business, OLD, dispatched=False)
    old_quiet = [await add_event(db, business, OLD, dispatched=True) for _ in range(3)]
    young = await add_event(db, business, timedelta(days=10), dispatched=True)
    notice = await add_sale(db, business, till["id"], decided=False)
    decided = await add_sale(db, business, till["id"], decided=True)
    async with db.transaction() as session:
        await session.execute(
            insert(records),
            [
                {
                    "business_id": business,
                    "key": key,
                    "fingerprint": "f",
                    "status_code": 201,
                    "response": {},
                    "created_at": utcnow() - age,
                }
                for key, age in (("old", timedelta(hours=25)), ("fresh", timedelta(hours=1)))
            ],
        )

    pruned = await Retention(db, SETTINGS, job=f"test-{uuid.uuid4()}").run_due(utcnow())

    assert await ids(db, messages, business) == {retrying_msg, recent_failure_msg}
    assert {delivered_msg, failed_msg}.isdisjoint(await ids(db, messages, business))
    kept_events = await ids(db, events, business)
    assert {retrying, recent_failure, not_fanned_out, young} <= kept_events
    assert kept_events.isdisjoint({delivered, failed, *old_quiet})
    assert await ids(db, sales, business) == {decided}
    assert notice not in await ids(db, sales, business)
    assert await ids(db, records, business) == {"fresh"}
    assert pruned["events"] >= 5  # other tests' rows are young: only ours are this old
    assert pruned["webhook_messages"] >= 2


async def test_the_daily_run_is_claimed_by_one_of_many_workers(db: Database) -> None:
    job = f"test-{uuid.uuid4()}"
    now = utcnow().replace(hour=1)  # an hour later is the same day, whenever the test runs
    runs = await asyncio.gather(*(Retention(db, SETTINGS, job=job).run_due(now) for _ in range(5)))
    assert sum(1 for pruned in runs if pruned) == 1  # the others found the day claimed
    again = await Retention(db, SETTINGS, job=job).run_due(now + timedelta(hours=1))
    assert again == {}  # the same day: done already
    tomorrow = await Retention(db, SETTINGS, job=job).run_due(now + timedelta(days=1))
    assert tomorrow != {}


async def test_retention_prunes_referral_refusals_older_than_their_period(
    tenant: Tenant, db: Database
) -> None:
    business = tenant.business_id
    aged = {"old": OLD, "recent": timedelta(days=10)}
    async with db.transaction() as session:
        await session.execute(
            insert(refusals),
            [
                {
                    "business_id": business,
                    "id": new_id("rfl"),
                    "code": code,
                    "reason": "unknown_code",
                    "detail": "No referral program has this code.",
                    "via": "api",
                    "at": utcnow() - age,
                }
                for code, age in aged.items()
            ],
        )

    await Retention(db, SETTINGS, job=f"test-{uuid.uuid4()}").run_due(utcnow())

    async with db.transaction() as session:
        left = await session.scalars(
            select(refusals.c.code).where(refusals.c.business_id == business)
        )
        assert set(left) == {"recent"}
