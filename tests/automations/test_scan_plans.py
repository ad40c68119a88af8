"""Each scan reads its index (so it stays fast with a million cards): the database's own query
plan names it, over a business of a few thousand customers with fresh statistics (the
benchmark times the same scans over a million cards)."""

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from punchcard.automations import rules
from punchcard.automations.models import Automation
from punchcard.automations.schedule import Period
from punchcard.cards.models import Card
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.programs.models import Program
from punchcard.vouchers.models import Voucher
from tests.automations.conftest import insert_rows, program_row

NOW = utcnow()
PERIOD = Period("2027-05-11", NOW - timedelta(days=1), NOW, date(2027, 5, 11))
SIZE = 2000
KINDS: dict[str, tuple[dict[str, Any], str]] = {
    "birthday": ({"days_before": 0}, "ix_customers_birthday"),
    "inactivity": ({"days": 30}, "ix_cards_last_activity"),
    "welcome": ({}, "ix_cards_issued"),
    "reward_reminder": ({"days": 7, "reminder": "unredeemed"}, "ix_vouchers_open_issued"),
}


@pytest.fixture(scope="module")
async def business(db: Database) -> str:
    """SIZE customers with birthdays, cards and open vouchers spread over the years."""
    business_id = new_id("biz")
    program_id = new_id("prg")
    now = utcnow()
    people, held, given = [], [], []
    for n in range(SIZE):
        customer_id, card_id = new_id("cus"), new_id("card")
        people.append(
            {
                "business_id": business_id,
                "id": customer_id,
                "email": f"plan{n}@example.com",
                "birthday": date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
                "metadata": {},
                "created_at": now,
                "updated_at": now,
            }
        )
        issued = now - timedelta(days=n % 700)
        held.append(
            {
                "business_id": business_id,
                "id": card_id,
                "program_id": program_id,
                "customer_id": customer_id,
                "scan_code": f"P{n:07d}",
                "status": "active",
                "stamps": 1,
                "lifetime_stamps": 1,
                "rounds_completed": 0,
                "issued_at": issued,
                "last_stamp_at": issued + timedelta(hours=n % 300),
            }
        )
        given.append(
            {
                "business_id": business_id,
                "id": new_id("vch"),
                "customer_id": customer_id,
                "card_id": card_id,
                "title": "Gift",
                "redeem_code": f"PLAN{n}",
                "code_unique": True,
                "formats": ["text"],
                "status": "issued",
                "issued_at": issued,
                "expires_at": now + timedelta(days=n % 90),
                "metadata": {},
            }
        )
    program = program_row(business_id, program_id, now)
    await insert_rows(db, {Program: [program], Customer: people, Card: held, Voucher: given})
    async with db.engine.connect() as connection:  # statistics, outside a transaction
        await connection.execute(text("ANALYZE"))
        await connection.commit()
    return business_id


async def _plan(db: Database, automation: Automation) -> str:
    async with db.transaction() as session:
        dialect = session.get_bind().dialect
        statement = rules.matches(automation, PERIOD, NOW, dialect.name)
        compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        params = tuple(compiled.params[name] for name in compiled.positiontup or ())
        explain = "EXPLAIN " if dialect.name == "postgresql" else "EXPLAIN QUERY PLAN "
        connection = await session.connection()
        rows = await connection.exec_driver_sql(explain + str(compiled), params)
        return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_scan_reads_its_index(db: Database, business: str, kind: str) -> None:
    settings, index = KINDS[kind]
    automation = Automation(
        business_id=business,
        id="aut_plan",
        kind=kind,
        hour=9,
        program_id=None,
        audience={},
        started_at=NOW - timedelta(days=2),
        **settings,
    )
    plan = await _plan(db, automation)
    assert index in plan, plan
