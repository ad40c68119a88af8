"""``Statements``: statements built once, run in the session's transaction (on PostgreSQL
straight on the driver, ``kit.driver``), rows sent as one array per column."""

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import bindparam, func, literal_column, select

from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.kit.sql import Statements, _array_statement

events = table_of(Event)
NAMES = ("business_id", "id", "created_at")
EMPTY = literal_column("'{}'")
COUNT = select(func.count()).select_from(events).where(events.c.business_id == bindparam("b"))


def _echo(given: Any) -> Any:
    return select(given.c.business_id, given.c.id, given.c.created_at).order_by(given.c.id)


def _store(given: Any) -> Any:
    return events.insert().from_select(
        ["business_id", "id", "type", "payload", "created_at"],
        # The driver takes no JSON parameter: the payload is SQL.
        select(given.c.business_id, given.c.id, given.c.type, EMPTY, given.c.created_at),
    )


async def test_rows_come_back_as_given_whatever_their_number(db: Database) -> None:
    now = utcnow()
    batches = [
        [("biz_a", "evt_1", now), ("biz_a", "evt_2", now - timedelta(days=1))],
        [("biz_b", "evt_3", now), ("biz_b", "evt_4", now), ("biz_c", "evt_5", now)],
    ]
    async with db.transaction() as session:
        statements = await Statements.of(session)
        for rows in batches:
            echoed = await statements.rows(events, NAMES, rows, _echo)
            assert [(r.business_id, r.id, r.created_at) for r in echoed] == rows
    # One statement object whatever the rows: its SQL is compiled once.
    assert _array_statement(events, NAMES, _echo) is _array_statement(events, NAMES, _echo)


async def _store_then_fail(db: Database, names: tuple[str, ...], row: tuple[Any, ...]) -> None:
    async with db.transaction() as session:
        await (await Statements.of(session)).rows(events, names, [row], _store)
        raise RuntimeError("roll back")


async def test_statements_run_in_the_sessions_transaction(db: Database) -> None:
    """What such a statement writes commits and rolls back with the session's own work."""
    row = ("biz_tx", "evt_tx", "stamp_added", utcnow())
    names = ("business_id", "id", "type", "created_at")
    async with db.transaction() as session:
        await session.execute(select(1))  # the session's transaction began first
        statements = await Statements.of(session)
        await statements.rows(events, names, [row], _store)
        assert (await statements.fetch(COUNT, b="biz_tx"))[0][0] == 1
    with pytest.raises(RuntimeError):
        await _store_then_fail(db, names, ("biz_tx", "evt_rolled_back", *row[2:]))
    async with db.transaction() as session:
        assert (await (await Statements.of(session)).fetch(COUNT, b="biz_tx"))[0][0] == 1
