"""An upload becomes rows of ``import_rows`` (one per record, by line), in chunks: the file
never has to fit in memory, and any worker on any machine can apply it."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.imports.columns import Columns
from punchcard.imports.models import ImportRow
from punchcard.imports.reading import Record
from punchcard.imports.results import row_error
from punchcard.kit.sql import rows_table

import_rows = table_of(ImportRow)
NAMES = ("business_id", "import_id", "line", "status", "data", "errors")
CHUNK = 1000  # rows per INSERT (SQLite allows 32,766 parameters a statement)


def _staged(columns: Columns, width: int, record: Record) -> tuple[dict[str, str], list[Any]]:
    """The record's cells by field (blank cells left out), and what is wrong with it already."""
    cells = record.cells
    if len(cells) > width:
        message = f"The line has {len(cells)} cells; the header has {width}."
        return {}, [row_error("csv_extra_cells", message)]
    data = {}
    for index, field in columns.by_index.items():
        value = cells[index].strip() if index < len(cells) else ""
        if "\x00" in value:  # PostgreSQL cannot store it; nobody means it
            return {}, [row_error("invalid_character", "The cell holds a NUL byte.", field)]
        if value:
            data[field] = value
    return data, []


async def stage(
    session: AsyncSession,
    business_id: str,
    import_id: str,
    columns: Columns,
    width: int,
    records: Iterable[Record],
) -> int:
    """Write the records as pending rows; returns how many."""
    total = 0
    chunk: list[tuple[Any, ...]] = []
    for record in records:
        data, errors = _staged(columns, width, record)
        chunk.append((business_id, import_id, record.line, "pending", data, errors))
        if len(chunk) == CHUNK:
            await _insert(session, chunk)
            total, chunk = total + len(chunk), []
    if chunk:
        await _insert(session, chunk)
    return total + len(chunk)


async def _insert(session: AsyncSession, rows: list[tuple[Any, ...]]) -> None:
    given = rows_table(session, import_rows, NAMES, rows)
    await session.execute(insert(import_rows).from_select(NAMES, select(*given.c)))
