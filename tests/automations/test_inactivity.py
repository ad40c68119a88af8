"""Inactivity automations: no stamp on any of the customer's cards for N days fires once per
spell; the next stamp starts a new spell (its period is the last activity)."""

from datetime import datetime, timedelta

from sqlalchemy import update

from punchcard.cards.models import Card
from punchcard.db.engine import Database
from punchcard.kit.clock import isoformat_z
from tests.automations.conftest import Runner, automation, customer, days, events, runs
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok, stamp


async def _stamped_at(db: Database, tenant: Tenant, card_id: str, at: datetime) -> None:
    """A stamp at ``at`` (the clock of these tests is not the till's)."""
    async with db.transaction() as session:
        await session.execute(
            update(Card)
            .where(Card.business_id == tenant.business_id, Card.id == card_id)
            .values(last_stamp_at=at)
        )


async def _walk(runner: Runner, start: datetime, end: datetime) -> None:
    """The runner passing twice a day from ``start`` to ``end``, as workers would."""
    moment = start
    while moment < end:
        await runner.at(moment)
        moment += timedelta(hours=12)
    await runner.at(end)


def _when(card: dict[str, object]) -> datetime:
    return datetime.fromisoformat(str(card["last_stamp_at"] or card["issued_at"]))


async def test_once_per_spell_and_the_next_stamp_starts_another(
    runner: Runner, tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    card = await customer(api, (await coffee_program(api))["id"])
    await stamp(api, card["id"])
    first = _when(ok(await api.get(f"/v1/cards/{card['id']}")))
    rule = await automation(api, kind="inactivity", days=30, hour=10)

    await _walk(runner, first, first + days(29))
    assert await events(api, "inactivity_trigger") == []
    await _walk(runner, first + days(29), first + days(35))
    (event,) = await events(api, "inactivity_trigger")
    assert event["last_stamp_at"] == isoformat_z(first)
    assert event["days_inactive"] == 30
    assert event["card"]["id"] == card["id"]

    again = first + days(35)  # the customer comes back
    await _stamped_at(db, tenant, card["id"], again)
    await _walk(runner, first + days(35), again + days(29))
    assert len(await events(api, "inactivity_trigger")) == 1
    await _walk(runner, again + days(29), again + days(40))
    latest = (await events(api, "inactivity_trigger"))[0]
    assert latest["last_stamp_at"] == isoformat_z(again)
    periods = [run["period"] for run in await runs(api, rule["id"])]
    assert [datetime.fromisoformat(p) for p in periods] == [again, first]


async def test_a_later_stamp_on_another_card_keeps_the_customer_active(
    runner: Runner, tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    coffee = await customer(api, (await coffee_program(api))["id"])
    made = ok(await api.get(f"/v1/customers/{coffee['customer_id']}"))
    tea_program = await coffee_program(api, name="Tea card")
    tea = ok(
        await api.post(
            "/v1/cards", json={"program_id": tea_program["id"], "customer_id": made["id"]}
        ),
        201,
    )
    start = _when(coffee)
    await _stamped_at(db, tenant, tea["id"], start + days(20))
    rule = await automation(api, kind="inactivity", days=30)

    await _walk(runner, start, start + days(49))
    assert await events(api, "inactivity_trigger") == []
    await _walk(runner, start + days(49), start + days(52))
    (run,) = await runs(api, rule["id"])
    assert run["card_id"] == tea["id"]


async def test_a_card_never_stamped_counts_from_its_issue(runner: Runner, tenant: Tenant) -> None:
    api = tenant.client
    card = await customer(api, (await coffee_program(api))["id"])
    await automation(api, kind="inactivity", days=14)
    issued = _when(card)

    await _walk(runner, issued, issued + days(16))
    (event,) = await events(api, "inactivity_trigger")
    assert event["last_stamp_at"] is None
    assert event["days_inactive"] >= 14
