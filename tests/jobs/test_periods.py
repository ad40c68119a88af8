"""A period is claimed by exactly one caller however many race for it; an unfinished claim
whose worker died is taken over after its lease, a finished one never."""

import asyncio
import uuid
from datetime import timedelta

from punchcard.db.engine import Database
from punchcard.jobs.periods import claim_period, daily, finish_period
from punchcard.kit.clock import utcnow

LEASE = timedelta(minutes=10)


async def claim(db: Database, job: str, period: str, at_minutes: float = 0) -> bool:
    async with db.transaction() as session:
        now = utcnow() + timedelta(minutes=at_minutes)
        return await claim_period(session, job, period, now, lease=LEASE)


async def test_a_period_is_claimed_once_however_many_race(db: Database) -> None:
    job = f"test-{uuid.uuid4()}"
    won = await asyncio.gather(*(claim(db, job, daily(utcnow())) for _ in range(10)))
    assert won.count(True) == 1


async def test_an_unfinished_claim_is_taken_over_after_its_lease(db: Database) -> None:
    job, period = f"test-{uuid.uuid4()}", "2026-12-01"
    assert await claim(db, job, period)
    assert not await claim(db, job, period, at_minutes=5)  # its worker may still be at it
    assert await claim(db, job, period, at_minutes=11)  # it died: taken over
    assert not await claim(db, job, period, at_minutes=12)


async def test_a_finished_period_is_never_run_again(db: Database) -> None:
    job, period = f"test-{uuid.uuid4()}", "2026-12-01"
    assert await claim(db, job, period)
    async with db.transaction() as session:
        await finish_period(session, job, period, utcnow())
    assert not await claim(db, job, period, at_minutes=60 * 24)


async def test_periods_of_one_job_are_claimed_per_business(db: Database) -> None:
    job, period = f"test-{uuid.uuid4()}", "2026-12"
    async with db.transaction() as session:
        first = await claim_period(session, job, period, utcnow(), lease=LEASE, business_id="biz_a")
        other = await claim_period(session, job, period, utcnow(), lease=LEASE, business_id="biz_b")
        again = await claim_period(session, job, period, utcnow(), lease=LEASE, business_id="biz_a")
    assert (first, other, again) == (True, True, False)
