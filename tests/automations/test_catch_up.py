"""Workers that were down catch up: each missed day's scan happens once, in order, when the
next pass comes (up to PUNCHCARD_AUTOMATION_CATCH_UP_DAYS back); a scan whose worker died is
taken over once its lease has run out."""

from datetime import timedelta

from sqlalchemy import insert, select

from punchcard.db.engine import Database
from punchcard.jobs.models import JobClaim
from punchcard.kit.clock import utcnow
from tests.automations.conftest import (
    Runner,
    automation,
    customer,
    days,
    events,
    local,
    today_in,
)
from tests.conftest import Tenant
from tests.support.factories import coffee_program


async def _claims(db: Database, tenant: Tenant, automation_id: str) -> list[tuple[str, bool]]:
    async with db.transaction() as session:
        rows = await session.execute(
            select(JobClaim.period, JobClaim.finished_at)
            .where(
                JobClaim.business_id == tenant.business_id,
                JobClaim.job == f"automation:{automation_id}",
            )
            .order_by(JobClaim.period)
        )
        return [(period, finished is not None) for period, finished in rows]


async def test_each_day_missed_while_no_worker_ran_is_scanned_once(
    runner: Runner, tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    program = await coffee_program(api)
    today = today_in("UTC")
    missed = [today + days(n) for n in (1, 2, 3)]
    for day in missed:
        await customer(api, program["id"], birthday=day.replace(year=1990).isoformat())
    rule = await automation(api, kind="birthday", hour=9)

    tally = await runner.at(local(today + days(4), 12, "UTC"))  # the first pass after downtime
    assert [scan.runs for scan in tally.scanned][-4:] == [1, 1, 1, 0]
    await runner.at(local(today + days(4), 13, "UTC"))
    await runner.at(local(today + days(5), 8, "UTC"))
    found = await events(api, "birthday_reached")
    assert sorted(event["birthday_on"] for event in found) == [d.isoformat() for d in missed]
    assert await _claims(db, tenant, rule["id"]) == [(d.isoformat(), True) for d in missed]


async def test_days_beyond_the_catch_up_window_are_not_caught_up(
    runner: Runner, tenant: Tenant
) -> None:
    api = tenant.client
    program = await coffee_program(api)
    today = today_in("UTC")
    await customer(api, program["id"], birthday=(today + days(2)).replace(year=1990).isoformat())
    late = await customer(
        api, program["id"], birthday=(today + days(9)).replace(year=1990).isoformat()
    )
    await automation(api, kind="birthday", hour=9)

    await runner.at(local(today + days(12), 10, "UTC"))  # 7 days back: from today + 5
    (event,) = await events(api, "birthday_reached")
    assert event["card"]["id"] == late["id"]


async def test_a_scan_left_by_a_dead_worker_is_taken_over_after_its_lease(
    runner: Runner, tenant: Tenant, db: Database
) -> None:
    api = tenant.client
    program = await coffee_program(api)
    day = today_in("UTC") + days(1)
    await customer(api, program["id"], birthday=day.replace(year=1990).isoformat())
    rule = await automation(api, kind="birthday", hour=9)
    nine = local(day, 9, "UTC")
    async with db.transaction() as session:  # another worker claimed the day, then died
        await session.execute(
            insert(JobClaim).values(
                business_id=tenant.business_id,
                job=f"automation:{rule['id']}",
                period=day.isoformat(),
                claimed_at=nine,
                finished_at=None,
            )
        )

    await runner.at(nine + timedelta(minutes=5))
    assert await events(api, "birthday_reached") == []
    await runner.at(nine + runner.runner.lease + timedelta(seconds=1))
    assert len(await events(api, "birthday_reached")) == 1
    assert await _claims(db, tenant, rule["id"]) == [(day.isoformat(), True)]
    assert utcnow() < nine  # nothing here waited for real time
