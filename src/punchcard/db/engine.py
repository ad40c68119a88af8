"""Engine and sessions for SQLite (embedded default) and PostgreSQL (production)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import AsyncAdaptedQueuePool

from punchcard.config import Settings

READ_ONLY = "punchcard_read_only"
ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}


class UnsupportedDatabaseURL(ValueError):
    """A URL of a database Punchcard does not run on."""


def async_url(url: str) -> str:
    """Accept plain ``postgresql://`` / ``sqlite://`` URLs and pick the async driver."""
    parsed = make_url(url)
    driver = ASYNC_DRIVERS.get(parsed.get_backend_name())
    if driver is None:
        raise UnsupportedDatabaseURL(
            f"{parsed.get_backend_name()}:// is not supported: use sqlite:// or postgresql://"
        )
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN IMMEDIATE is ours to issue.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # The timeout first: even setting the journal mode waits for other connections' locks.
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def on_begin(connection: Any) -> None:
        # Writers queue on the lock up front instead of failing to upgrade a read lock later;
        # long reads (``Database.reading``) take no lock, so writers carry on meanwhile (WAL).
        reading = connection.get_execution_options().get(READ_ONLY)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _drop_closed_connections(engine: AsyncEngine) -> None:
    """A pooled connection whose server went away (PostgreSQL restarted, the connection was
    killed) is replaced when checked out, instead of failing the request that drew it. The
    driver saw the socket close, so this costs no round trip (unlike a pre-ping)."""

    @event.listens_for(engine.sync_engine, "checkout")
    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if dbapi_connection.driver_connection.is_closed():
            raise DisconnectionError("the pooled connection was closed by the server")


class WaitCountingPool(AsyncAdaptedQueuePool):
    """A queue pool that counts who is waiting for a connection (a metric of its pressure):
    a checkout that finds none free waits inside ``_do_get``, the pool's override point."""

    waiting = 0
    # SQLAlchemy names a pool's logger after its class: keep the pool's own (quiet) logger.
    _sqla_logger_namespace = "sqlalchemy.pool.impl.AsyncAdaptedQueuePool"

    def _do_get(self) -> Any:
        self.waiting += 1
        try:
            return super()._do_get()
        finally:
            self.waiting -= 1


class Database:
    def __init__(self, settings: Settings) -> None:
        url = async_url(settings.database_url)
        self.dialect = make_url(url).get_backend_name()
        # Every connection busy for this long: a 503 with Retry-After (kit.http), not a 500.
        options: dict[str, Any] = {"pool_timeout": settings.db_pool_timeout_seconds}
        if self.dialect == "postgresql":
            # A fixed pool: overflow connections are closed as soon as they are returned, so
            # bursts would pay a reconnect each; requests beyond the pool wait for a connection.
            options |= {
                "poolclass": WaitCountingPool,
                "pool_size": settings.db_pool_size,
                "max_overflow": 0,
                # Last in, first out: the few connections the load needs carry it, and stay
                # warm, instead of every statement waking the longest idle of the pool's
                # backends (measured: PostgreSQL CPU per stamp grows with the backends used).
                "pool_use_lifo": True,
                # Unreachable: fail (503) within seconds rather than hang for asyncpg's 60 s.
                "connect_args": {"timeout": settings.db_connect_timeout_seconds},
            }
        # Statement parameters are customers' details (emails, names): never in an error's
        # message, so never in a logged traceback.
        self.engine = create_async_engine(url, hide_parameters=True, **options)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        else:
            _drop_closed_connections(self.engine)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commit on success, roll back on any error."""
        async with self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncConnection]:
        """A transaction for a long read (an export streamed for minutes): one consistent
        snapshot, and on SQLite no write lock held while it lasts."""
        async with self.engine.connect() as connection:
            reader = await connection.execution_options(**{READ_ONLY: True})
            async with reader.begin():
                yield reader

    async def dispose(self) -> None:
        await self.engine.dispose()
