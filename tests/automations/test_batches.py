"""A period with more customers than a batch (7 in these tests) is walked to its end, each
customer once, whatever the kind's order: customers (birthday), issue times (welcome), last
activities (inactivity)."""

from datetime import timedelta

from sqlalchemy import update

from punchcard.cards.models import Card
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from tests.automations.conftest import Runner, automation, customer, local, runs, today_in
from tests.conftest import Tenant
from tests.support.factories import coffee_program

MANY = 17


async def test_every_kind_walks_a_period_larger_than_a_batch_once(
    runner: Runner, tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    assert runner.runner.batch < MANY
    birthday = today_in("UTC") + timedelta(days=1)
    rules = {
        kind: await automation(api, kind=kind, **settings)
        for kind, settings in {
            "welcome": {},
            "birthday": {"hour": 9},
            "inactivity": {"days": 1, "hour": 9},
        }.items()
    }
    program = await coffee_program(api)
    held = [
        await customer(api, program["id"], birthday=birthday.replace(year=1980 + n).isoformat())
        for n in range(MANY)
    ]
    stamped = utcnow() - timedelta(hours=1)
    async with db.transaction() as session:  # last stamps a second apart, some at once
        for n, card in enumerate(held):
            await session.execute(
                update(Card)
                .where(Card.business_id == tenant.business_id, Card.id == card["id"])
                .values(last_stamp_at=stamped + timedelta(seconds=n // 2))
            )

    await runner.at(utcnow())
    await runner.at(local(birthday, 10, "UTC"))
    await runner.at(local(birthday + timedelta(days=1), 10, "UTC"))  # a day after the stamps
    expected = sorted(card["id"] for card in held)
    for kind, rule in rules.items():
        found = await runs(api, rule["id"], limit=100)
        assert sorted(run["card_id"] for run in found) == expected, kind
