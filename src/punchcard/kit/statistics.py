"""PostgreSQL plans queries by table statistics, which autovacuum refreshes about once a
minute. It scales a table's row count by the table's current size, so statistics of a
smaller table still plan a grown one well; statistics taken while the table was (nearly)
empty do not: such a table is planned as tiny, and each look-up by identity filters every
row of the business through whichever of its indexes is smallest (0.9 s for a bulk call of
1,000 on a table of 2,000 customers). Writers of large batches call ``refresh_if_grown``: a
catalog read, and an ANALYZE only of a table whose statistics predate its first
``MIN_CHANGES`` rows and that has changed by that many since: once per table, when a fresh
install's first import or CRM sync fills it. (Analyzing it again each time it doubled cost
the later calls 0.1 to 0.8 s each and told the planner nothing it did not know: identity
columns stay unique as the table grows.) SQLite has no such planner."""

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncSession

MIN_CHANGES = 1000  # below this a table is cheap to scan whatever the plan

# Statistics of fewer rows than that: never analyzed (-1), or analyzed (nearly) empty.
# Changes counted by PostgreSQL (reported at commit, within about a second). The counter's
# own function, not the pg_stat_user_tables view, which works out every other figure of every
# table (a millisecond or two of each bulk upsert).
_CHANGED = text(
    """SELECT relname FROM pg_class WHERE relkind = 'r' AND relname IN :names
    AND reltuples < :least AND pg_stat_get_mod_since_analyze(oid) >= :least"""
).bindparams(bindparam("names", expanding=True))
# Changes counted by the writer itself.
_SMALLER = text(
    """SELECT relname FROM pg_class WHERE relkind = 'r' AND relname IN :names
    AND reltuples < :least AND :written >= :least"""
).bindparams(bindparam("names", expanding=True))


async def refresh_if_grown(session: AsyncSession, *tables: str, written: int | None = None) -> bool:
    """ANALYZE the tables whose statistics predate their first ``MIN_CHANGES`` rows and that
    changed by that many since: by PostgreSQL's count, or by ``written``, the rows the caller
    changed since it last refreshed them. Whether any was."""
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
