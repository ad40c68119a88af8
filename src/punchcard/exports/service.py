"""CSV exports of customers, cards, vouchers and redemptions, streamed in constant memory, in a
read-only transaction (one consistent snapshot; on SQLite it holds no write lock). The
database formats every cell (exports.cells); PostgreSQL then streams the CSV itself with
``COPY ... TO STDOUT``, and SQLite's rows are read through a cursor a chunk at a time."""

import asyncio
import contextlib
import csv
import io
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.db.engine import Database
from punchcard.exports import queries
from punchcard.exports.queries import Export, Filters
from punchcard.kit.clock import utcnow
from punchcard.staff.actor import Actor, Permission

CHUNK_ROWS = 5000  # SQLite: rows fetched and written at a time
CHUNKS_AHEAD = 8  # PostgreSQL: COPY data read ahead of a slow client, then COPY waits


async def prepare(
    session: AsyncSession,
    actor: Actor,
    kind: str,
    *,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
    location_id: str | None = None,
) -> Export:
    """The export ``actor`` may have: managers and owners; staff bound to a location get
    that location's rows only (naming another is 403 location_forbidden)."""
    actor.require(Permission.DATA_EXPORT)
    location = await acting_location(session, actor, location_id)
    filters = Filters(actor.business_id, created_after, created_before, location, utcnow())
    return queries.export(kind, filters, session.get_bind().dialect.name)


async def stream(db: Database, export: Export) -> AsyncIterator[bytes]:
    """The CSV, header first, as the database produces it."""
    async with db.reading() as connection:
        if connection.dialect.name != "postgresql":
            async for chunk in _fetched(connection, export):
                yield chunk
            return
        driver = (await connection.get_raw_connection()).driver_connection
        assert driver is not None
        chunks: asyncio.Queue[bytes | None] = asyncio.Queue(CHUNKS_AHEAD)
        copying = asyncio.create_task(_copy(connection.dialect, driver, export, chunks))
        try:
            while (copied := await chunks.get()) is not None:
                yield copied
            await copying  # how it ended: its error, if any
        finally:
            if not copying.done():  # the client went away mid-way: stop COPY
                # A COPY cannot be stopped and the connection used again (not even to roll
                # back): close it first, so no more data arrives, and the pool replaces it.
                driver.terminate()
                copying.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await copying
                await connection.invalidate()


async def _copy(
    dialect: Dialect, driver: Any, export: Export, chunks: asyncio.Queue[bytes | None]
) -> None:
    """``COPY (the export's query) TO STDOUT`` into ``chunks``, then None."""
    compiled = export.query.compile(dialect=dialect)
    arguments = [compiled.params[name] for name in compiled.positiontup or ()]

    async def keep(data: bytes | bytearray | memoryview) -> None:
        await chunks.put(bytes(data))  # the driver may reuse its buffer

    try:
        await driver.copy_from_query(
            compiled.string, *arguments, output=keep, format="csv", header=True
        )
    finally:
        await chunks.put(None)


async def _fetched(connection: AsyncConnection, export: Export) -> AsyncIterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export.columns)
    result = await connection.stream(export.query.execution_options(yield_per=CHUNK_ROWS))
    async for rows in result.partitions():
        writer.writerows(rows)
        yield buffer.getvalue().encode()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # no rows: the header alone
        yield buffer.getvalue().encode()
