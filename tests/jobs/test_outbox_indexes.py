"""As the tables age (many delivered messages, many fanned-out events), the outbox's hot
queries and retention's batches stay index-backed (PostgreSQL's plans, read with EXPLAIN, on a
database of their own: SQLite runs the same statements, but its plans are not what production
runs). Skipped unless PUNCHCARD_TEST_DATABASE_URL names a server."""

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import insert, text
from sqlalchemy.dialects import postgresql

from punchcard.businesses.onboarding import onboard
from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.events.payloads import event_row
from punchcard.jobs.retention import KINDS, victims
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.staff.actor import Actor
from punchcard.webhooks import queue
from punchcard.webhooks.models import WebhookMessage
from punchcard.webhooks.schemas import EndpointCreate
from punchcard.webhooks.service import create_endpoint

AGED = 20_000


async def plan(db: Database, statement: Any) -> str:
    sql = statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    async with db.transaction() as session:
        rows = await session.execute(text(f"EXPLAIN {sql}"))
        return "\n".join(row[0] for row in rows)


@pytest.fixture
async def db(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(Settings(database_url=postgres_url))
    yield database
    await database.dispose()


async def test_outbox_queries_stay_index_backed_as_tables_age(db: Database) -> None:
    async with db.transaction() as session:
        business_id = (await onboard(session, name="Aged Café", location=None)).business_id
        endpoint, _ = await create_endpoint(
            session, Actor.system(business_id), data=EndpointCreate(url="http://127.0.0.1:9/")
        )
        hook = {"id": endpoint.id}
    at = utcnow() - timedelta(days=2)
    aged_events, aged_messages = [], []
    for _ in range(AGED):
        row = event_row(
            "card_issued",
            business_id=business_id,
            at=at,
            location_id=None,
            staff_id=None,
            customer=None,
        )
        aged_events.append(row | {"dispatched_at": at})
        aged_messages.append(
            {
                "business_id": business_id,
                "id": new_id("msg"),
                "endpoint_id": hook["id"],
                "event_id": row["id"],
                "event_type": "card_issued",
                "card_id": None,
                "status": "succeeded",
                "attempts": 1,
                "next_attempt_at": at,
                "event_created_at": at,
                "created_at": at,
                "delivered_at": at,
            }
        )
    async with db.transaction() as session:
        await session.execute(insert(table_of(Event)), aged_events)
        await session.execute(insert(table_of(WebhookMessage)), aged_messages)
    async with db.transaction() as session:  # statistics are transactional: commit them
        await session.execute(text("ANALYZE events, webhook_messages"))

    plans = {
        "fan-out": await plan(db, queue.undispatched_events(500)),
        "claim": await plan(db, queue.due_messages(utcnow(), 256)),
    }
    for kind in KINDS[:2]:  # messages, events: the tables the outbox reads
        # A daily run finds a day's worth past the cutoff: the age index finds it, not a scan.
        cutoff = utcnow() - timedelta(days=30)
        plans[kind.name] = await plan(db, victims(kind, cutoff, 1000))
    for name, text_of_plan in plans.items():
        print(f"--- {name}\n{text_of_plan}")  # the benchmark note: pytest -s shows the plans
        assert "Seq Scan on events" not in text_of_plan, name
        assert "Seq Scan on webhook_messages" not in text_of_plan, name
