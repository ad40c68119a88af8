"""CSV exports of customers, cards, vouchers and redemptions, streamed in constant memory:
rows are read through a server-side cursor a chunk at a time and written out as they come,
in a read-only transaction (one consistent snapshot; on SQLite it holds no write lock)."""

import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.db.engine import Database
from punchcard.exports import queries
from punchcard.exports.queries import Export, Filters
from punchcard.kit.clock import utcnow
from punchcard.staff.actor import Actor, Permission

CHUNK_ROWS = 5000  # rows fetched and written at a time: the memory an export holds


def _instant(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if value is not None else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _flag(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


def _document(value: Any) -> str | None:
    return None if value is None else json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _formatter(column_type: Any) -> Callable[[Any], Any] | None:
    """How a column's values are written: times in UTC with a Z, dates ISO, booleans
    true/false, JSON compact; text and numbers as they are (None: empty)."""
    for kind, format_value in (
        (DateTime, _instant),
        (Date, _day),
        (Boolean, _flag),
        (JSON, _document),
    ):
        if isinstance(column_type, kind) or isinstance(getattr(column_type, "impl", None), kind):
            return format_value
    return None


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
    return queries.export(kind, filters)


async def stream(db: Database, export: Export) -> AsyncIterator[bytes]:
    """The CSV, header first, a chunk of rows at a time."""
    formats = [
        (index, formatter)
        for index, column in enumerate(export.query.selected_columns)
        if (formatter := _formatter(column.type)) is not None
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(export.columns)
    async with db.reading() as connection:
        result = await connection.stream(export.query.execution_options(yield_per=CHUNK_ROWS))
        async for rows in result.partitions():
            for row in rows:
                cells = list(row)
                for index, formatter in formats:
                    cells[index] = formatter(cells[index])
                writer.writerow(cells)
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():  # no rows: the header alone
        yield buffer.getvalue().encode()
