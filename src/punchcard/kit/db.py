"""Small session helpers shared by services."""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.util import greenlet_spawn

from punchcard.db.base import Base, TenantMixin
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


@dataclass(frozen=True, slots=True)
class _OnDriver:
    """A Core statement compiled once for asyncpg, run on the driver's connection itself: per
    statement, SQLAlchemy's execution (compiled-cache look-up, parameter and result processing,
    its cursor and result objects) costs more CPU than PostgreSQL's work. The same types'
    processors still apply, so values are as an execute would bind and return them."""

    sql: str
    # Per $n: the parameter's key and its type's processor, or (None, value) for a value the
    # statement holds itself (a literal), processed once here.
    binds: tuple[tuple[str | None, Any], ...]
    columns: tuple[tuple[str, Callable[[Any], Any] | None], ...]  # name, processor

    @classmethod
    def compile(cls, statement: Any, dialect: Dialect) -> "_OnDriver":
        compiled = statement.compile(dialect=dialect)
        if compiled.literal_execute_params or compiled.post_compile_params:
            raise ValueError("a statement run on the driver binds every value as a parameter")
        processors = compiled._bind_processors
        by_name = {name: bind for bind, name in compiled.bind_names.items()}
        binds: list[tuple[str | None, Any]] = []
        for name in compiled.positiontup or ():
            bind, process = by_name[name], processors.get(name)
            if bind.required:
                binds.append((bind.key, process))
            else:
                value = bind.effective_value
                binds.append((None, value if process is None else process(value)))
        columns = tuple(
            (column.keyname, column.type._cached_result_processor(dialect, None))
            for column in compiled._result_columns
        )
        return cls(compiled.string, tuple(binds), columns)

    async def one(self, adapted: Any, params: dict[str, Any]) -> Any:
        """The statement's one row (its columns as attributes) or None, on ``adapted`` (the
        pool's adapted connection); a driver error raised as SQLAlchemy's, as an execute would."""
        args = [
            held if key is None else params[key] if held is None else held(params[key])
            for key, held in self.binds
        ]
        try:
            # fetch, not fetchrow: no row limit, so PostgreSQL runs the portal to completion
            # as it does for SQLAlchemy's execute (a limit leaves it suspended until Sync).
            records = await adapted.driver_connection.fetch(self.sql, *args)
        except Exception as error:
            raise _database_error(adapted, self.sql, error) from error
        if not records:
            return None
        [record] = records
        return SimpleNamespace(
            **{
                name: value if process is None else process(value)
                for (name, process), value in zip(self.columns, record.values(), strict=True)
            }
        )


def _database_error(adapted: Any, sql: str, error: Exception) -> Exception:
    """The driver's error as SQLAlchemy raises it (``DBAPIError``: a lost connection is a 503
    to kit.http); one SQLAlchemy does not adapt (a socket error) is raised as it is."""
    try:
        adapted._handle_exception(error)  # raises the DB-API adaptation of the driver's error
    except adapted.dbapi.Error as adaptation:
        wrapped: Exception = DBAPIError.instance(
            sql,
            None,
            adaptation,
            adapted.dbapi.Error,
            hide_parameters=True,
            connection_invalidated=adapted.driver_connection.is_closed(),
        )
        return wrapped
    except Exception as other:
        return other
    return error


_on_driver: dict[Any, _OnDriver] = {}  # statement -> compiled (hot statements are built once)


async def first_and_only_write(
    session: AsyncSession, statement: Any, params: dict[str, Any]
) -> Any:
    """PostgreSQL: ``statement``'s one row (or None), run on the driver itself (``_OnDriver``).
    As the transaction's first statement it runs in a transaction of its own, on a pooled
    connection of its own when the session has none yet: no BEGIN and COMMIT round trips, the
    statement commits as it returns. The caller promises that, if it wrote anything, nothing
    after it in this transaction must be atomic with it; if it wrote nothing, the transaction
    carries on as usual (the next statement begins it). Later in a transaction, it runs in it."""
    on_driver = _on_driver.get(statement)
    if on_driver is None:
        on_driver = _on_driver[statement] = _OnDriver.compile(statement, session.get_bind().dialect)
    if not session.in_transaction() and isinstance(session.bind, AsyncEngine):
        pooled = await session.bind.raw_connection()
        try:
            return await on_driver.one(pooled.dbapi_connection, params)
        finally:
            await greenlet_spawn(pooled.close)
    connection = await session.connection()
    # The asyncpg adapter begins its transaction at its first statement: until then, the
    # driver's connection is outside any transaction (autocommit).
    pooled = await connection.get_raw_connection()
    return await on_driver.one(pooled.dbapi_connection, params)
