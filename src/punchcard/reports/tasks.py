"""The rollup job: every worker, every few minutes, rolls each business's settled hours up
into ``HourFigures`` (reports.rollup), so the overview reads a few hundred rows however long
the business has been open. A backlog (a year, after an upgrade or downtime) goes in chunks of
``CHUNK`` of raw rows, each its own short transaction that moves the business's mark, so a
crash resumes where it stopped. Any number of workers run it at once: a business whose mark is
locked is skipped (SKIP LOCKED), and each chunk starts at the mark it locked, so no hour is
counted twice. Once a business is rolled up, its active and lapsing customers are counted
and stored beside its mark (the overview shows them; counting every card is the costly part
of the page for a big business)."""

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update

from punchcard.businesses.models import Business
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog
from punchcard.reports.rollup import filled, roll_up, settled
from punchcard.reports.service import count_activity

log = logging.getLogger("punchcard.reports")
CHECK_SECONDS = 300.0  # an hour settles five minutes after it closed; look that often
CHUNK = timedelta(days=3)  # raw rows read per transaction
RECOUNT = timedelta(minutes=30)  # active and lapsing customers are counted this often at most


async def behind(db: Database, now: datetime) -> list[str]:
    """The businesses with settled hours not rolled up yet."""
    async with db.transaction() as session:
        found = await session.scalars(
            select(Business.id)
            .outerjoin(filled, filled.c.business_id == Business.id)
            .where(or_(filled.c.until.is_(None), filled.c.until < settled(now)))
            .order_by(Business.id)
        )
        return list(found)


class Rollup:
    def __init__(self, db: Database, chunk: timedelta = CHUNK) -> None:
        self.db, self.chunk = db, chunk
        self.outage = QuietLog(log, "rollup")

    async def catch_up(
        self, business_id: str, now: datetime, stop: asyncio.Event | None = None
    ) -> int:
        """Chunk after chunk until the business is rolled up to ``now``, another worker is at
        it, or ``stop``; the chunks this call rolled up."""
        chunks = 0
        while stop is None or not stop.is_set():
            async with self.db.transaction() as session:
                rolled = await roll_up(session, business_id, now, most=self.chunk)
            if rolled is None or rolled[0] == rolled[1]:
                break
            chunks += 1
            if rolled[1] >= settled(now):
                break
        return chunks

    async def run_due(self, now: datetime, stop: asyncio.Event | None = None) -> int:
        """Every business that is behind; the chunks rolled up."""
        chunks = 0
        for business_id in await behind(self.db, now):
            chunks += await self.catch_up(business_id, now, stop)
            await self.count_activity(business_id, now)
        return chunks

    async def count_activity(self, business_id: str, now: datetime) -> None:
        """Store the active and lapsing customers the overview shows, unless counted lately."""
        mine = filled.c.business_id == business_id
        async with self.db.transaction() as session:
            counted = await session.scalar(select(filled.c.activity_at).where(mine))
            if counted is not None and counted > now - RECOUNT:
                return
            active, lapsing = await count_activity(session, business_id, now)
            await session.execute(
                update(filled).where(mine).values(active=active, lapsing=lapsing, activity_at=now)
            )

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_due(utcnow(), stop)
            except Exception as exc:  # a database hiccup must not end the loop
                self.outage.step_failed(exc, "rollup failed; will retry")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), CHECK_SECONDS)
