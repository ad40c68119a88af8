"""Small session helpers shared by services."""

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.util import greenlet_spawn

from punchcard.db.base import Base, TenantMixin
from punchcard.kit import driver
from punchcard.kit.errors import ProblemError, Unprocessable, not_found
from punchcard.kit.pagination import PageParams, newest_first, to_page

Owned = TypeVar("Owned", bound=TenantMixin)


async def add_unique(session: AsyncSession, row: Base, conflict: ProblemError) -> None:
    """Insert; a unique constraint (not a prior read) decides, and a clash becomes ``conflict``."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError as exc:
        raise conflict from exc


async def get_owned(
    session: AsyncSession, model: type[Owned], business_id: str, ref: str, kind: str
) -> Owned:
    """A row of this business by id; another business's id is as unknown as a made-up one."""
    row = await session.get(model, (business_id, ref))
    if row is None:
        raise not_found(kind, ref)
    return row


async def owned_page(
    session: AsyncSession, model: type[Owned], business_id: str, params: PageParams, *where: Any
) -> tuple[list[Owned], str | None]:
    """One page of this business's rows, newest first, narrowed by ``where``."""
    query = select(model).where(model.business_id == business_id, *where)
    rows = list((await session.scalars(newest_first(query, model.id, params))).all())
    return to_page(rows, params, lambda row: row.id)


async def owned_live(
    session: AsyncSession, model: Any, business_id: str, refs: dict[str, str], kind: str
) -> dict[str, Any]:
    """Rows of this business, not archived, that request fields name (field path -> id), by
    id; a 422 ``{kind}_not_found`` naming every field whose row is unknown or archived."""
    if not refs:
        return {}
    ids = set(refs.values())
    found = {
        row.id: row
        for row in await session.scalars(
            select(model).where(
                model.business_id == business_id, model.id.in_(ids), model.archived_at.is_(None)
            )
        )
    }
    if missing := sorted(ids - found.keys()):
        noun = kind.replace("_", " ")
        raise Unprocessable(
            f"{kind}_not_found",
            f"Unknown or archived {noun}: {', '.join(missing)}.",
            errors=[
                {"field": field, "message": f"unknown or archived {noun}"}
                for field, ref in refs.items()
                if ref in missing
            ],
        )
    return found


async def first_and_only_write(
    session: AsyncSession, statement: Any, params: dict[str, Any]
) -> Any:
    """PostgreSQL: ``statement``'s one row (or None), run on the driver itself (``kit.driver``).
    As the transaction's first statement it runs in a transaction of its own, on a pooled
    connection of its own when the session has none yet: no BEGIN and COMMIT round trips, the
    statement commits as it returns. The caller promises that, if it wrote anything, nothing
    after it in this transaction must be atomic with it; if it wrote nothing, the transaction
    carries on as usual (the next statement begins it). Later in a transaction, it runs in it."""
    dialect = session.get_bind().dialect
    if not session.in_transaction() and isinstance(session.bind, AsyncEngine):
        pooled = await session.bind.raw_connection()
        try:
            return _one(await driver.fetch(pooled.dbapi_connection, dialect, statement, params))
        finally:
            await greenlet_spawn(pooled.close)
    connection = await session.connection()
    # The asyncpg adapter begins its transaction at its first statement: until then, the
    # driver's connection is outside any transaction (autocommit).
    pooled = await connection.get_raw_connection()
    return _one(await driver.fetch(pooled.dbapi_connection, dialect, statement, params))


def _one(rows: list[Any]) -> Any:
    [row] = rows or [None]
    return row
