"""Column types and statements that behave the same on SQLite and PostgreSQL."""

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    Table,
    TypeDecorator,
    bindparam,
    column,
    func,
    literal,
    select,
    true,
    tuple_,
    values,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.elements import ColumnClause

from punchcard.kit import driver


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONDoc = JSON().with_variant(postgresql.JSONB(), "postgresql")


def insert_ignoring_conflicts(table: Table, dialect_name: str, values: dict[str, Any]) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING: constraints decide uniqueness, never a prior read."""
    if dialect_name == "postgresql":
        return postgresql.insert(table).values(**values).on_conflict_do_nothing()
    return sqlite.insert(table).values(**values).on_conflict_do_nothing()


def upsert(
    table: Table,
    dialect_name: str,
    values: dict[str, Any],
    key: list[str],
    changes: dict[str, Any] | None = None,
) -> Insert:
    """INSERT ... ON CONFLICT (key) DO UPDATE: concurrent writers of one row never collide.
    The conflicting row takes the new values, or ``changes`` (expressions over its columns)."""
    dml = postgresql.insert if dialect_name == "postgresql" else sqlite.insert
    statement = dml(table).values(**values)
    if changes is None:
        changes = {name: statement.excluded[name] for name in values if name not in key}
    return statement.on_conflict_do_update(index_elements=key, set_=changes)


def rows_table(
    session: AsyncSession, table: Any, names: Sequence[str], rows: list[tuple[Any, ...]]
) -> Any:
    """Rows for ``table``'s columns ``names``, sent with a statement as a table ``v`` to join
    or select from. PostgreSQL gets one array per column: one statement text whatever the
    number of rows (prepared once) and one execution, not one per row. SQLite: a VALUES list
    (named in a WITH: it has no column names otherwise)."""
    columns = _columns(table, names)
    if session.get_bind().dialect.name != "postgresql":
        return values(*columns, name="v").data(rows).cte("v")
    arrays = [literal([row[i] for row in rows], _array(c)) for i, c in enumerate(columns)]
    return func.unnest(*arrays).table_valued(*columns).render_derived(name="v")


class Statements:
    """Statements a loop runs over and over, built once, run in a session's transaction
    (``of``: once per transaction). On PostgreSQL they run on the asyncpg connection of that
    transaction itself (``kit.driver``); on SQLite through the session. Rows are read by name
    or position on both."""

    def __init__(self, session: AsyncSession, adapted: Any) -> None:
        self.session = session
        self.adapted = adapted  # SQLAlchemy's adapted asyncpg connection, None on SQLite

    @classmethod
    async def of(cls, session: AsyncSession) -> "Statements":
        connection = await session.connection()
        if connection.dialect.name != "postgresql":
            return cls(session, None)
        adapted: Any = (await connection.get_raw_connection()).dbapi_connection
        # SQLAlchemy's adapter begins the transaction at its first statement; begin it as it
        # would, so what runs on the driver is in the session's transaction (and its commit).
        if adapted._transaction is None:
            await adapted._start_transaction()
        return cls(session, adapted)

    async def fetch(self, statement: Executable, **params: Any) -> list[Any]:
        if self.adapted is None:
            return _rows(await self.session.execute(statement, params))
        dialect = self.session.get_bind().dialect
        return await driver.fetch(self.adapted, dialect, statement, params)

    async def rows(
        self,
        table: Table,
        names: Sequence[str],
        rows: list[tuple[Any, ...]],
        build: Callable[[Any], Executable],
        **params: Any,
    ) -> list[Any]:
        """``build(rows_table(...))`` run with these rows (and ``params``, for the statement's
        own bind parameters). On PostgreSQL the statement is built once per (table, names,
        build), with the rows as one array parameter per column: one statement text whatever
        the number of rows. ``build`` must depend on nothing but its argument. SQLite: built
        around these rows' VALUES, as ``rows_table``."""
        if self.adapted is None:
            given = rows_table(self.session, table, names, rows)
            return _rows(await self.session.execute(build(given), params))
        built, columns = array_rows(table, names, rows, build)
        return await self.fetch(built, **columns, **params)


def array_rows(
    table: Table,
    names: Sequence[str],
    rows: list[tuple[Any, ...]],
    build: Callable[[Any], Executable],
) -> tuple[Executable, dict[str, Any]]:
    """PostgreSQL: ``Statements.rows``'s statement (built once) and its array parameters, for
    a caller that runs it itself (``kit.db.first_and_only_write``)."""
    built = _array_statement(table, tuple(names), build)
    return built, {f"rows_{name}": [row[i] for row in rows] for i, name in enumerate(names)}


def _rows(result: Any) -> list[Any]:
    return list(result.all()) if result.returns_rows else []


@lru_cache(maxsize=256)
def _array_statement(
    table: Table, names: tuple[str, ...], build: Callable[[Any], Executable]
) -> Executable:
    columns = _columns(table, names)
    arrays = [bindparam(f"rows_{c.name}", type_=_array(c)) for c in columns]
    return build(func.unnest(*arrays).table_valued(*columns).render_derived(name="v"))


def _columns(table: Table, names: Sequence[str]) -> list[ColumnClause[Any]]:
    return [column(name, table.c[name].type) for name in names]


def _array(element: ColumnClause[Any]) -> ARRAY[Any]:
    # One dimension: a JSON value that is itself a list is an element, not a nested array.
    return ARRAY(element.type, dimensions=1)


def insert_rows(
    session: AsyncSession,
    table: Table,
    names: Sequence[str],
    rows: list[tuple[Any, ...]],
    same: Mapping[str, Any] | None = None,
) -> postgresql.Insert | sqlite.Insert:
    """INSERT ... SELECT of many rows (``rows_table``): one statement whatever their number.
    ``same``: columns with one value for every row, sent once rather than once a row. Add
    ``.on_conflict_do_nothing()`` to let constraints decide which rows are new, and RETURNING
    to learn which went in."""
    given = rows_table(session, table, names, rows)
    same = same or {}
    dml = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    # SQLite needs a WHERE before ON CONFLICT to parse INSERT ... SELECT.
    source = select(
        *(given.c[name] for name in names),
        *(literal(value, table.c[name].type) for name, value in same.items()),
    ).where(true())
    return dml(table).from_select([*names, *same], source)


def any_of(session: AsyncSession, column: Any, values: Sequence[Any]) -> Any:
    """``column IN values``; on PostgreSQL ``= ANY(array)``: one statement text whatever the
    number of values (prepared once)."""
    if session.get_bind().dialect.name != "postgresql":
        return column.in_(values)
    return column == func.any(literal(list(values), ARRAY(column.type)))


def keyed(session: AsyncSession, table: Any, keys: Collection[tuple[str, str]]) -> Any:
    """Rows by primary key: (business_id, id) pairs, so the key's index is used."""
    given = rows_table(session, table, ("business_id", "id"), list(keys))
    return tuple_(table.c.business_id, table.c.id).in_(select(given.c.business_id, given.c.id))
