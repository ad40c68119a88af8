"""Run a job once per period across any number of workers: the first to insert the period's
row runs it (``INSERT ... ON CONFLICT DO NOTHING`` on job + period decides, never a prior
read). A worker that was down claims the period when it comes back, so nothing is skipped; a
claim whose worker died before finishing can be taken over once its lease has run out.

Automations reuse it for "once per customer per period": ``business_id`` is the business and
``job`` names the rule and the customer."""

from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.jobs.models import JobClaim
from punchcard.kit.sql import insert_ignoring_conflicts

claims = table_of(JobClaim)
INSTALLATION = ""  # business_id of jobs that span every business


def daily(at: datetime) -> str:
    """The period key of a day (UTC)."""
    return date.isoformat(at.date())


async def claim_period(
    session: AsyncSession,
    job: str,
    period: str,
    now: datetime,
    *,
    lease: timedelta,
    business_id: str = INSTALLATION,
) -> bool:
    """True if this caller runs the period now: it inserted the row, or took over a claim
    left unfinished for longer than ``lease``. Commit before running the work."""
    values = {
        "business_id": business_id,
        "job": job,
        "period": period,
        "claimed_at": now,
        "finished_at": None,
    }
    dialect = session.get_bind().dialect.name
    inserted = await session.execute(
        insert_ignoring_conflicts(claims, dialect, values).returning(claims.c.job)
    )
    if inserted.first() is not None:
        return True
    taken_over = await session.execute(
        update(claims)
        .where(_key(business_id, job, period))
        .where(claims.c.finished_at.is_(None), claims.c.claimed_at <= now - lease)
        .values(claimed_at=now)
        .returning(claims.c.job)
    )
    return taken_over.first() is not None


async def finish_period(
    session: AsyncSession,
    job: str,
    period: str,
    now: datetime,
    *,
    business_id: str = INSTALLATION,
) -> None:
    await session.execute(
        update(claims).where(_key(business_id, job, period)).values(finished_at=now)
    )


def _key(business_id: str, job: str, period: str) -> ColumnElement[bool]:
    return and_(claims.c.business_id == business_id, claims.c.job == job, claims.c.period == period)
