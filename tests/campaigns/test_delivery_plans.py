"""While a campaign sends, its rows fill ix_message_deliveries_due (every queued and sending
row); the statements that record outcomes, mark hand-overs and put claims back name their rows
by key and must find them by primary key, not by reading that index whole (PostgreSQL's plans,
read with EXPLAIN, statistics taken before the campaign as they usually are). Skipped unless
PUNCHCARD_TEST_DATABASE_URL names a server."""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from asyncpg.connection import LoggedQuery
from sqlalchemy import event, insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.onboarding import onboard
from punchcard.campaigns import sending
from punchcard.campaigns.models import Delivery
from punchcard.channels.adapter import Sent
from punchcard.config import Settings
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow

SENDING = 20_000  # a campaign's rows, claimed and in the due index
GIVEN = 40  # the rows one statement names


@pytest.fixture
async def db(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(Settings(database_url=postgres_url))
    yield database
    await database.dispose()


async def _plans(
    db: Database, write: Callable[[AsyncSession, list[Any]], Awaitable[object]]
) -> list[str]:
    """EXPLAIN of each statement ``write`` runs for GIVEN claimed rows (then rolled back),
    whether through SQLAlchemy or straight on the driver (``kit.sql.Statements``)."""
    captured: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:
        captured.append((args[2], args[3]))  # statement, parameters

    def capture_driver(query: LoggedQuery) -> None:
        # Not the driver's own: its BEGIN, and its look-ups of the array types' codecs.
        if "message_deliveries" in query.query:
            captured.append((query.query, query.args))

    async with db.transaction() as session:
        claims = (
            await session.execute(
                text("SELECT business_id, id, attempts FROM message_deliveries LIMIT :n"),
                {"n": GIVEN},
            )
        ).all()
        connection = await session.connection()
        raw = (await connection.get_raw_connection()).driver_connection
        assert raw is not None
        event.listen(connection.sync_connection, "before_cursor_execute", capture)
        try:
            with raw.query_logger(capture_driver):
                await write(session, claims)
                await asyncio.sleep(0)  # the driver calls its loggers soon after, not at once
        finally:
            event.remove(connection.sync_connection, "before_cursor_execute", capture)
        plans = []
        for statement, parameters in captured:
            rows = await raw.fetch(f"EXPLAIN {statement}", *parameters)
            plans.append("\n".join(row[0] for row in rows))
        await session.rollback()
    return plans


async def test_claimed_rows_are_written_by_primary_key(db: Database) -> None:
    now = utcnow()
    async with db.transaction() as session:
        business_id = (await onboard(session, name="Plan Café", location=None)).business_id
    async with db.transaction() as session:
        await session.execute(text("ANALYZE message_deliveries"))  # before the campaign
        await session.execute(
            insert(Customer.__table__),
            [
                {
                    "business_id": business_id,
                    "id": f"cus_{n:022d}",
                    "name": f"Fan {n}",
                    "metadata": {},
                    "created_at": now,
                    "updated_at": now,
                }
                for n in range(SENDING)
            ],
        )
        await session.execute(
            insert(Delivery.__table__),
            [
                {
                    "business_id": business_id,
                    "id": f"dlv_{n:022d}",
                    "campaign_id": "cmp_plan",
                    "purpose": "campaign",
                    "customer_id": f"cus_{n:022d}",
                    "channel": "telegram",
                    "status": "sending",
                    "attempts": 1,
                    "next_attempt_at": now,
                    "lease_until": now + timedelta(minutes=2),
                    "created_at": now,
                }
                for n in range(SENDING)
            ],
        )

    async def record(session: AsyncSession, claims: list[Any]) -> None:
        verdicts = [
            sending.Verdict(c.business_id, c.id, c.attempts, Sent("1"), "telegram") for c in claims
        ]
        await sending.record(session, verdicts, utcnow())

    async def hand_over(session: AsyncSession, claims: list[Any]) -> None:
        await sending.hand_over(session, [tuple(c) for c in claims], utcnow(), timedelta(1))

    async def release(session: AsyncSession, claims: list[Any]) -> None:
        await sending.release(session, [tuple(c) for c in claims])

    for write in (record, hand_over, release):
        (plan,) = await _plans(db, write)
        assert "pk_message_deliveries" in plan, plan
        assert "ix_message_deliveries_due" not in plan, plan
