"""An upload becomes rows of ``import_rows`` (one per record, by line), in chunks: the file
never has to fit in memory, and any worker on any machine can apply it. The identities each
line names go to a temporary table of the upload's transaction, where one query per identity
finds the lines naming one that an earlier line named; they are gone once it commits."""

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.customers.schemas import IDENTITY
from punchcard.db.base import table_of
from punchcard.imports.columns import Columns
from punchcard.imports.models import ImportRow
from punchcard.imports.reading import Record
from punchcard.imports.results import row_error
from punchcard.kit.sql import rows_table

import_rows = table_of(ImportRow)
NAMES = ("business_id", "import_id", "line", "status", "data", "errors")
# Not part of the schema: made per upload, on its transaction's own connection.
keys = Table(
    "staged_keys",
    MetaData(),
    Column("line", Integer),
    *(Column(name, String(600)) for name in IDENTITY),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
KEY_NAMES = ("line", *IDENTITY)
NOT_PHONE = re.compile(r"[^0-9+]")
CHUNK = 1000  # rows per INSERT (SQLite allows 32,766 parameters a statement)


def _key(name: str, value: str | None, program_id: str | None) -> str | None:
    """An identity as the upsert will compare it, near enough: emails in lower case, phones
    as their digits (the upsert itself still refuses two rows of a batch naming one
    customer however they spell it)."""
    if not value:
        return None
    if name == "email":
        value = value.lower()
    elif name == "phone":
        value = NOT_PHONE.sub("", value)
    return f"{program_id}/{value}" if program_id else value


def _staged(
    columns: Columns, width: int, record: Record, program_id: str | None
) -> tuple[tuple[Any, ...], tuple[Any, ...] | None]:
    """The row (the record's cells by field, blank ones left out, and what is wrong with it
    already) and the identities it names."""
    cells = record.cells
    data: dict[str, str] = {}
    errors = []
    if len(cells) > width:
        message = f"The line has {len(cells)} cells; the header has {width}."
        errors.append(row_error("csv_extra_cells", message))
    for index, field in columns.by_index.items():
        value = cells[index].strip() if index < len(cells) and not errors else ""
        if "\x00" in value:  # PostgreSQL cannot store it; nobody means it
            errors.append(row_error("invalid_character", "The cell holds a NUL byte.", field))
        elif value:
            data[field] = value
    if errors:
        return (record.line, "pending", {}, errors), None
    program = data.get("program_id", program_id) if columns.kind == "cards" else None
    named = tuple(_key(name, data.get(name), program) for name in IDENTITY)
    return (record.line, "pending", data, []), (record.line, *named)


async def stage(
    session: AsyncSession,
    business_id: str,
    import_id: str,
    columns: Columns,
    width: int,
    records: Iterable[Record],
    program_id: str | None,
) -> int:
    """Write the records as pending rows, then refuse the later lines naming an identity an
    earlier line named; returns how many rows."""
    connection = await session.connection()
    await connection.run_sync(keys.create)
    total = 0
    rows: list[tuple[Any, ...]] = []
    named: list[tuple[Any, ...]] = []
    for record in records:
        row, identities = _staged(columns, width, record, program_id)
        rows.append((business_id, import_id, *row))
        if identities is not None:
            named.append(identities)
        if len(rows) == CHUNK:
            await _insert(session, import_rows, NAMES, rows)
            await _insert(session, keys, KEY_NAMES, named)
            total, rows, named = total + len(rows), [], []
    await _insert(session, import_rows, NAMES, rows)
    await _insert(session, keys, KEY_NAMES, named)
    await _refuse_repeats(session, business_id, import_id)
    if connection.dialect.name != "postgresql":  # which drops it at commit
        await connection.run_sync(keys.drop)
    return total + len(rows)


async def _insert(
    session: AsyncSession, table: Table, names: tuple[str, ...], rows: list[Any]
) -> None:
    if rows:
        given = rows_table(session, table, names, rows)
        await session.execute(insert(table).from_select(names, select(*given.c)))


async def _refuse_repeats(session: AsyncSession, business_id: str, import_id: str) -> None:
    of_job = (import_rows.c.business_id == business_id) & (import_rows.c.import_id == import_id)
    refused: dict[int, dict[str, Any]] = {}
    for name in IDENTITY:
        key = keys.c[name]
        first = func.min(keys.c.line).over(partition_by=key).label("first")
        ranked = select(keys.c.line, first).where(key.isnot(None)).subquery()
        later = select(ranked).where(ranked.c.line > ranked.c.first)
        for line, first_line in await session.execute(later):
            # The value is left out: reports outlive the customers they name (erasure).
            message = f"The same {name} as line {first_line} of the file."
            refused.setdefault(line, row_error("duplicate_in_file", message, name))
    if refused:
        given = rows_table(
            session,
            import_rows,
            ("line", "data", "errors"),
            [(line, {}, [error]) for line, error in sorted(refused.items())],
        )
        await session.execute(
            update(import_rows)
            .where(of_job, import_rows.c.line == given.c.line)
            .values(data=given.c.data, errors=given.c.errors)
        )
