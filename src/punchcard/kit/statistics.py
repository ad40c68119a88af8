"""PostgreSQL plans queries by table statistics, which autovacuum refreshes about once a
minute. A table that has grown well past them (a fresh install's first import or CRM sync)
is planned as if it were tiny: every look-up by identity a scan of the business's rows, each
batch slower than the last. Writers of large batches call ``refresh_if_grown``: a catalog
read, and an ANALYZE once a table has been changed as much as it held (so a table filled
from empty is analyzed about log2(rows) times). SQLite has no such planner."""

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

MIN_CHANGES = 1000  # below this a table is cheap to scan whatever the plan

# Changes counted by PostgreSQL (reported at commit, within about a second). The counter's
# own function, not the pg_stat_user_tables view, which works out every other figure of every
# table (a millisecond or two of each bulk upsert).
_CHANGED = text(
    """SELECT relname FROM pg_class WHERE relkind = 'r' AND relname IN :names
    AND pg_stat_get_mod_since_analyze(oid) >= greatest(:least, reltuples)"""
).bindparams(bindparam("names", expanding=True))
# Changes counted by the writer itself.
_SMALLER = text(
    """SELECT relname FROM pg_class WHERE relkind = 'r' AND relname IN :names
    AND :written >= greatest(:least, reltuples)"""
).bindparams(bindparam("names", expanding=True))


async def refresh_if_grown(session: AsyncSession, *tables: str, written: int | None = None) -> bool:
    """ANALYZE the tables that changed as much as they held: by PostgreSQL's count, or by
    ``written``, the rows the caller changed since it last refreshed them. Whether any was."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    given = {"names": list(tables), "least": MIN_CHANGES}
    if written is None:
        grown = await session.scalars(_CHANGED, given)
    else:
        grown = await session.scalars(_SMALLER, {**given, "written": written})
    names = grown.all()
    for name in names:
        await session.execute(text(f'ANALYZE "{name}"'))
    return bool(names)
