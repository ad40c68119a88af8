"""The SQL an engine runs meanwhile, for tests of what a use case asks the database."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import Tenant

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK")
# asyncpg's look-up of types it has not seen on a connection (arrays of JSONB, say): its own,
# once per connection, not the use case's.
DRIVER_INTROSPECTION = ("typeinfo_tree", "current_setting('jit')", "set_config('jit'")


@asynccontextmanager
async def statements(engine: AsyncEngine, ignoring: str | None = None) -> AsyncIterator[list[str]]:
    """Every statement's text, but those containing ``ignoring`` (and transaction control and
    the driver's type introspection):
    those SQLAlchemy executes and, on PostgreSQL, those run on the driver directly, past
    SQLAlchemy's events (kit.db.first_and_only_write), which asyncpg's query log shows (it
    leaves out executions of prepared statements: SQLAlchemy's own)."""
    seen: list[str] = []

    def keep(sql: str) -> None:
        if ignoring is not None and ignoring in sql:
            return
        if sql.lstrip().upper().startswith(TRANSACTION_CONTROL):
            return
        if not any(part in sql for part in DRIVER_INTROSPECTION):
            seen.append(sql)

    def record(*args: Any) -> None:
        keep(args[2])

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        if engine.dialect.name == "postgresql":
            with _at_the_driver(engine, keep):
                yield seen
                # asyncpg calls its query loggers soon after each query, not during it
                await asyncio.sleep(0)
        else:
            yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


@contextmanager
def _at_the_driver(engine: AsyncEngine, keep: Any) -> Iterator[None]:
    """asyncpg's query log of every connection checked out meanwhile."""
    logging: list[Any] = []

    def log(query: Any) -> None:
        keep(query.query)

    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        driver = dbapi_connection.driver_connection
        if driver not in logging:
            driver.add_query_logger(log)
            logging.append(driver)

    event.listen(engine.sync_engine, "checkout", on_checkout)
    try:
        yield
    finally:
        event.remove(engine.sync_engine, "checkout", on_checkout)
        for driver in logging:
            driver.remove_query_logger(log)


def server_statements(tenant: Tenant) -> AbstractAsyncContextManager[list[str]]:
    """The SQL the test server runs meanwhile (one request at a time), but the expiry
    sweep's, which runs on its own schedule."""
    engine = tenant.client._transport.app.state.db.engine  # type: ignore[attr-defined]
    return statements(engine, ignoring="expires_at <=")
