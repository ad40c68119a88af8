"""``first_and_only_write`` (PostgreSQL): a hot path's one statement, run on the driver as the
transaction's first statement, commits on its own and answers as an execute would; later in a
transaction it is part of it."""

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.kit.db import first_and_only_write
from punchcard.kit.ids import new_id

events = table_of(Event)
WRITTEN = (events.c.id, events.c.created_at, events.c.payload)
WRITE = (
    insert(events)
    .values(
        {
            name: bindparam(name, type_=events.c[name].type)
            for name in ("business_id", "id", "type", "created_at", "payload")
        }
    )
    .returning(*WRITTEN)
)
RENAME = (
    update(events)
    .where(events.c.business_id == bindparam("tenant"), events.c.id == bindparam("ref"))
    .values(type="renamed")
    .returning(events.c.id)
)


@pytest.fixture
async def db(postgres_url: str) -> AsyncIterator[Database]:
    """PostgreSQL only: on SQLite the hot paths take the longer way (no statement of their own)."""
    database = Database(Settings(database_url=postgres_url))
    yield database
    await database.dispose()


@pytest.fixture
def event() -> dict[str, object]:
    return {
        "business_id": new_id("biz"),
        "id": new_id("evt"),
        "type": "stamp_added",
        "created_at": utcnow(),
        "payload": {"stamp": {"count": 1, "note": None}},
    }


async def _stored(db: Database, event: dict[str, object]) -> tuple[object, ...] | None:
    async with db.transaction() as session:
        where = (events.c.business_id == event["business_id"], events.c.id == event["id"])
        row = (await session.execute(select(*WRITTEN).where(*where))).one_or_none()
    return None if row is None else tuple(row)


async def test_a_first_write_commits_on_its_own_and_reads_as_an_execute(
    db: Database, event: dict[str, object]
) -> None:
    async with db.sessions() as session:  # never committed
        row = await first_and_only_write(session, WRITE, event)
        assert not session.in_transaction()

    assert (row.id, row.created_at, row.payload) == await _stored(db, event)
    assert row.created_at == event["created_at"]  # aware UTC, as UTCDateTime reads it


async def test_later_in_a_transaction_it_is_part_of_it(
    db: Database, event: dict[str, object]
) -> None:
    async with db.sessions() as session:
        await session.execute(select(1))
        await first_and_only_write(session, WRITE, event)
        await session.rollback()

    assert await _stored(db, event) is None


async def test_a_statement_that_matches_nothing_answers_none(
    db: Database, event: dict[str, object]
) -> None:
    async with db.sessions() as session:
        assert await first_and_only_write(session, RENAME, {"tenant": "biz_x", "ref": "x"}) is None


async def test_a_driver_error_is_raised_as_sqlalchemys(
    db: Database, event: dict[str, object]
) -> None:
    async with db.sessions() as session:
        await first_and_only_write(session, WRITE, event)
        with pytest.raises(IntegrityError):
            await first_and_only_write(session, WRITE, event)
