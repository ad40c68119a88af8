"""PostgreSQL plans queries by table statistics, which autovacuum refreshes about once a
minute. A table that has grown well past them (a fresh install's first import or CRM sync)
is planned as if it were tiny: every look-up by identity a scan of the business's rows, each
batch slower than the last. Writers of large batches call ``refresh_if_grown`` first: a
catalog read, and an ANALYZE once a table has been changed more than it holds (so a table
filled from empty is analyzed about log2(rows) times). SQLite has no such planner."""

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

MIN_CHANGES = 1000  # below this a table is cheap to scan whatever the plan

_GROWN = text(
    """SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.relname IN :names AND s.n_mod_since_analyze > greatest(:least, c.reltuples)"""
).bindparams(bindparam("names", expanding=True))


async def refresh_if_grown(session: AsyncSession, *tables: str) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    grown = await session.scalars(_GROWN, {"names": list(tables), "least": MIN_CHANGES})
    for name in grown.all():
        await session.execute(text(f'ANALYZE "{name}"'))
