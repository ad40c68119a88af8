"""``rows_statement``: rows sent with a statement, which PostgreSQL builds once and reuses."""

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.events.models import Event
from punchcard.kit.clock import utcnow
from punchcard.kit.sql import rows_statement

events = table_of(Event)
NAMES = ("business_id", "id", "created_at")


def _echo(given: Any) -> Any:
    return select(given.c.business_id, given.c.id, given.c.created_at).order_by(given.c.id)


async def test_rows_come_back_as_given_whatever_their_number(db: Database) -> None:
    now = utcnow()
    batches = [
        [("biz_a", "evt_1", now), ("biz_a", "evt_2", now - timedelta(days=1))],
        [("biz_b", "evt_3", now), ("biz_b", "evt_4", now), ("biz_c", "evt_5", now)],
    ]
    statements = []
    async with db.transaction() as session:
        for rows in batches:
            statement, parameters = rows_statement(session, events, NAMES, rows, _echo)
            assert [tuple(row) for row in await session.execute(statement, parameters)] == rows
            statements.append(statement)
        postgres = session.get_bind().dialect.name == "postgresql"
    # PostgreSQL: one statement object, so its cache key and compilation are made once.
    assert (statements[0] is statements[1]) == postgres
