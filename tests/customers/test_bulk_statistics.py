"""A bulk upsert that fills a fresh customers table refreshes the table's statistics itself:
PostgreSQL counts the rows only after commit (and a second or so late), and the next batch,
planned as if the table were empty, would look every identity up by scanning the business's
customers. Once the statistics describe a table of some size, growth does not refresh them
again (the planner scales them by the table's size; autovacuum keeps them current).
PostgreSQL only (SQLite has no such planner); skipped unless PUNCHCARD_TEST_DATABASE_URL names
a server."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql

from punchcard.businesses.onboarding import onboard
from punchcard.config import Settings
from punchcard.customers import repository, service
from punchcard.customers.schemas import CustomerUpsert
from punchcard.db.engine import Database
from punchcard.kit.statistics import refresh_if_grown
from punchcard.staff.actor import Actor
from tests.support.statements import statements

ESTIMATE = text("SELECT reltuples FROM pg_class WHERE relname = 'customers'")


@pytest.fixture
async def db(postgres_url: str) -> AsyncIterator[Database]:
    database = Database(Settings(database_url=postgres_url))
    yield database
    await database.dispose()


def _rows(start: int, count: int) -> list[CustomerUpsert]:
    return [
        CustomerUpsert(source_id=f"crm-{i}", email=f"user{i}@example.com", name=f"User {i}")
        for i in range(start, start + count)
    ]


async def test_a_batch_that_fills_the_table_leaves_statistics_to_plan_the_next_by(
    db: Database,
) -> None:
    async with db.transaction() as session:
        actor = Actor.system((await onboard(session, name="Fresh Café", location=None)).business_id)
    async with db.transaction() as session:
        assert (await session.scalar(ESTIMATE) or 0) < 1000
        await service.bulk_upsert(session, actor, rows=_rows(0, 1000))
    async with db.transaction() as session:
        assert await session.scalar(ESTIMATE) == 1000
        wanted = [f"crm-{i}" for i in range(1000, 2000)]
        query = repository._holders_query(("source_id",), lock=True, postgres=True).params(
            business_id=actor.business_id, source_id_values=wanted
        )
        sql = query.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
        plan = "\n".join(row[0] for row in await session.execute(text(f"EXPLAIN {sql}")))
    assert "uq_customers_business_id_source_id" in plan, plan


async def test_a_table_analyzed_once_filled_is_not_analyzed_again_as_it_grows(
    db: Database,
) -> None:
    async with db.transaction() as session:
        actor = Actor.system((await onboard(session, name="Grown Café", location=None)).business_id)
    async with db.transaction() as session:
        await service.bulk_upsert(session, actor, rows=_rows(10_000, 1000))
    async with statements(db.engine) as seen:
        for start in (11_000, 12_000, 13_000):
            async with db.transaction() as session:
                await service.bulk_upsert(session, actor, rows=_rows(start, 1000))
        async with db.transaction() as session:  # grown a thousandfold by a writer's count
            assert not await refresh_if_grown(session, "customers", written=1000 * 1000)
    assert not [sql for sql in seen if "ANALYZE" in sql]
