"""Core statements run on asyncpg itself (PostgreSQL), for the loops and hot paths where
SQLAlchemy's execution of a statement (its compiled-cache look-up, parameter and result
processing, its cursor, result and Row objects) costs more CPU than PostgreSQL's own work.

A statement is compiled once (statements run this way are built once, at import or in an
``lru_cache``); the types' processors still apply, so values are bound and read as an execute
would bind and read them, and a driver error is raised as SQLAlchemy raises it."""

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    # Per $n: the parameter's key and its type's processor, or (None, value) for a value the
    # statement holds itself (a literal), processed once here.
    binds: tuple[tuple[str | None, Any], ...]
    processors: tuple[Callable[[Any], Any] | None, ...]  # per result column
    row: Any  # a namedtuple of the result columns: read by name or position, as SQLAlchemy's

    @classmethod
    def of(cls, statement: Any, dialect: Dialect) -> "_Compiled":
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
        columns = compiled._result_columns
        return cls(
            compiled.string,
            tuple(binds),
            tuple(column.type._cached_result_processor(dialect, None) for column in columns),
            namedtuple("Row", [column.keyname for column in columns]),
        )

    def arguments(self, params: dict[str, Any]) -> list[Any]:
        return [
            held if key is None else params[key] if held is None else held(params[key])
            for key, held in self.binds
        ]

    def rows(self, records: list[Any]) -> list[Any]:
        make = self.row._make
        if not any(self.processors):
            return [make(record) for record in records]
        return [
            make(
                value if process is None else process(value)
                for process, value in zip(self.processors, record, strict=True)
            )
            for record in records
        ]


_compiled: dict[Any, _Compiled] = {}  # statement -> compiled


async def fetch(
    adapted: Any, dialect: Dialect, statement: Any, params: dict[str, Any]
) -> list[Any]:
    """``statement``'s rows, run with ``params`` on ``adapted`` (SQLAlchemy's adapted asyncpg
    connection, as the pool hands it out) in whatever transaction that connection is in."""
    compiled = _compiled.get(statement)
    if compiled is None:
        compiled = _compiled[statement] = _Compiled.of(statement, dialect)
    try:
        # fetch, never fetchrow: a row limit leaves PostgreSQL's portal suspended until Sync,
        # where SQLAlchemy's execute runs it to completion.
        records = await adapted.driver_connection.fetch(compiled.sql, *compiled.arguments(params))
    except Exception as error:
        raise _database_error(adapted, compiled.sql, error) from error
    return compiled.rows(records)


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
