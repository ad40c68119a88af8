"""Loading many codes into a pool in one statement: the codes go to a temporary table (COPY
on PostgreSQL, batched inserts on SQLite), then one INSERT ... SELECT keeps those that are
new to the business. Uniqueness is the unique index's job, never a prior read."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    String,
    Table,
    exists,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.codes.models import VoucherCode
from punchcard.db.base import table_of
from punchcard.kit.sql import UTCDateTime
from punchcard.vouchers.models import Voucher

codes_t = table_of(VoucherCode)
vouchers_t = table_of(Voucher)
# Not part of the schema: created per transaction, on the transaction's own connection.
upload = Table("code_upload", MetaData(), Column("id", String(40)), Column("code", String(64)))
SQLITE_BATCH = 5_000


class Upload:
    """A temporary table of codes in the caller's transaction; drop it with ``close``."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    async def open(self) -> "Upload":
        drop = " ON COMMIT DROP" if self.dialect == "postgresql" else ""
        await self.session.execute(
            text(f"CREATE TEMPORARY TABLE code_upload (id VARCHAR(40), code VARCHAR(64)){drop}")
        )
        return self

    async def close(self) -> None:
        await self.session.execute(text("DROP TABLE code_upload"))

    async def replace(self, rows: Sequence[tuple[str, str]]) -> None:
        """Make ``rows`` (id, code) the table's content."""
        empty = (
            "TRUNCATE code_upload" if self.dialect == "postgresql" else "DELETE FROM code_upload"
        )
        await self.session.execute(text(empty))
        if self.dialect == "postgresql":
            connection = await (await self.session.connection()).get_raw_connection()
            driver = connection.driver_connection
            assert driver is not None
            await driver.copy_records_to_table("code_upload", records=rows, columns=["id", "code"])
            return
        for start in range(0, len(rows), SQLITE_BATCH):
            batch = rows[start : start + SQLITE_BATCH]
            await self.session.execute(upload.insert(), [{"id": i, "code": c} for i, c in batch])

    def _in_a_pool(self, business_id: str) -> ColumnElement[bool]:
        return exists().where(codes_t.c.business_id == business_id, codes_t.c.code == upload.c.code)

    def _on_a_voucher(self, business_id: str) -> ColumnElement[bool]:
        return exists().where(
            vouchers_t.c.business_id == business_id, vouchers_t.c.redeem_code == upload.c.code
        )

    async def taken(self, business_id: str) -> list[str]:
        """Codes of the table the business already has (in a pool or on a voucher)."""
        taken = or_(self._in_a_pool(business_id), self._on_a_voucher(business_id))
        query = select(upload.c.code).where(taken).order_by(upload.c.id)
        return list((await self.session.scalars(query)).all())

    async def insert_new(
        self, *, business_id: str, template_id: str, batch_id: str, now: datetime
    ) -> int:
        """Add the table's codes the business does not have yet to the pool; how many.

        The unique index drops codes already in a pool (probing it is part of inserting
        anyway; an anti-join would hash every code of the business for each chunk). Codes on
        a voucher are left out by a look-up, as the pool could never hand them out."""
        rows = select(
            literal(business_id),
            upload.c.id,
            literal(template_id),
            upload.c.code,
            literal("available"),
            literal(batch_id),
            literal(now, UTCDateTime()),
        ).where(~self._on_a_voucher(business_id))
        columns = ["business_id", "id", "template_id", "code", "status", "batch_id", "created_at"]
        insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        statement = insert(codes_t).from_select(columns, rows).on_conflict_do_nothing()
        return int((await self.session.execute(statement)).rowcount)  # type: ignore[attr-defined]
