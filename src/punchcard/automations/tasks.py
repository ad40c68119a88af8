"""The automation runner: one loop object (``run(stop)``) in every worker. Any number run at
once on PostgreSQL and each customer is still acted on at most once per period:

- the automations due are found with one indexed query (``next_scan_at``; a welcome rule only
  when a card was issued since its last scan), so a pass with nothing to do is one statement;
- each due period is looked at first (a cheap probe): with nothing to do, the watermark moves
  on with a conditional UPDATE; else the period is claimed (``jobs.periods``: one worker
  scans it; one that died is taken over after the lease) and scanned in batches, each batch
  one transaction that inserts its run rows with ``INSERT ... SELECT ... ON CONFLICT DO
  NOTHING`` and acts on exactly the rows inserted (batches walk the kind's index from where
  the last stopped, so each costs what it holds);
- periods are scanned in order, so a worker back from downtime catches up day by day (up to
  ``automation_catch_up_days``); the watermark only moves past a period once it is done.

``clock`` is injectable: tests run the schedule at any instant without sleeping."""

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Interval,
    String,
    and_,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy import update as sql_update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.automations import actions, rules
from punchcard.automations.models import Automation, cards
from punchcard.automations.schedule import Period, due_period, next_scan
from punchcard.campaigns.service import business_zone
from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.jobs.periods import claim_period, claims, finish_period
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog

log = logging.getLogger("punchcard.automations")
automations = table_of(Automation)
WELCOME = literal_column("'welcome'", String)
DUE_LIMIT = 100  # automations looked at per pass (the next pass takes the rest)


@dataclass(frozen=True)
class Scanned:
    automation_id: str
    period: str
    runs: int


@dataclass
class Tally:
    scanned: list[Scanned] = field(default_factory=list)

    @property
    def runs(self) -> int:
        return sum(scan.runs for scan in self.scanned)


def _fresh_cards(dialect: str) -> ColumnElement[bool]:
    """A card was issued since the welcome rule's last scan (with its look-back)."""
    if dialect == "postgresql":
        since = automations.c.scanned_until - literal(rules.WELCOME_OVERLAP, Interval())
    else:
        minutes = int(rules.WELCOME_OVERLAP.total_seconds() // 60)
        since = func.datetime(automations.c.scanned_until, f"-{minutes} minutes")
    return exists().where(
        cards.c.business_id == automations.c.business_id,
        cards.c.status == rules.ACTIVE,
        cards.c.issued_at > since,
    )


class AutomationRunner:
    def __init__(
        self, db: Database, settings: Settings, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.db, self.clock = db, clock
        self.poll = settings.automation_poll_seconds
        self.batch = settings.automation_batch_size
        self.lease = timedelta(seconds=settings.automation_lease_seconds)
        self.catch_up = timedelta(days=settings.automation_catch_up_days)
        self.outage = QuietLog(log, "automations")

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.run_due(stop=stop)
            except Exception as exc:  # a database hiccup must not end the loop
                self.outage.step_failed(exc, "automation pass failed; will retry")
            else:
                self.outage.recovered()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.poll)

    async def run_due(
        self, business_id: str | None = None, stop: asyncio.Event | None = None
    ) -> Tally:
        """Scan every period due now (of one business's automations, or all), in order."""
        now = self.clock()
        tally = Tally()
        for owner, automation_id in await self._due(now, business_id):
            while stop is None or not stop.is_set():
                scanned = await self.scan_next(owner, automation_id, now, stop)
                if scanned is None:
                    break
                tally.scanned.append(scanned)
        return tally

    async def _due(self, now: datetime, business_id: str | None) -> list[tuple[str, str]]:
        async with self.db.transaction() as session:
            dialect = session.get_bind().dialect.name
            query = (
                select(automations.c.business_id, automations.c.id)
                .where(
                    automations.c.next_scan_at <= now,
                    or_(automations.c.kind != WELCOME, _fresh_cards(dialect)),
                )
                .order_by(automations.c.next_scan_at)
                .limit(DUE_LIMIT)
            )
            if business_id is not None:
                query = query.where(automations.c.business_id == business_id)
            return [(row.business_id, row.id) for row in await session.execute(query)]

    async def scan_next(
        self,
        business_id: str,
        automation_id: str,
        now: datetime,
        stop: asyncio.Event | None = None,
    ) -> Scanned | None:
        """Scan the automation's next due period; None when none is due or another worker
        has it (or it was switched off, or ``stop`` came, mid-scan)."""
        async with self.db.transaction() as session:
            automation = await session.get(Automation, (business_id, automation_id))
            if automation is None or not automation.enabled:
                return None
            zone = await business_zone(session, business_id)
            watermark = automation.scanned_until
            start = max(watermark, now - self.catch_up)
            period = due_period(automation.kind, automation.hour, zone, start, now)
            if period is None:  # next_scan_at was early (the hour or the zone changed)
                await _advance(session, automation, watermark, start, zone)
                return None
            if not await rules.any_match(session, automation, period, now):
                if automation.kind == "welcome":
                    return None  # nothing new: no write (it is looked at again next pass)
                await _advance(session, automation, watermark, period.end, zone)
                return Scanned(automation_id, period.key, 0)
            job = f"automation:{automation_id}"
            claimed = await claim_period(
                session, job, period.key, now, lease=self.lease, business_id=business_id
            )
            if not claimed and await _finished(session, business_id, job, period.key):
                # Done already (a time zone change can name a local date twice): move on.
                await _advance(session, automation, watermark, period.end, zone)
                return Scanned(automation_id, period.key, 0)
        if not claimed:
            return None
        made = await self._scan(business_id, automation_id, period, now, stop)
        if made is None:
            return None
        async with self.db.transaction() as session:
            await finish_period(session, job, period.key, utcnow(), business_id=business_id)
            automation = await session.get(Automation, (business_id, automation_id))
            if automation is not None:
                await _advance(session, automation, watermark, period.end, zone)
        if made:
            log.info("automation %s scanned %s: %d run(s)", automation_id, period.key, made)
        return Scanned(automation_id, period.key, made)

    async def _scan(
        self,
        business_id: str,
        automation_id: str,
        period: Period,
        now: datetime,
        stop: asyncio.Event | None,
    ) -> int | None:
        """Batch after batch, each from where the last stopped, until the period has no one
        left; None if it stopped early (the claim's lease lets a worker take the rest over;
        runs recorded stay recorded)."""
        made, cursor = 0, None
        while True:
            if stop is not None and stop.is_set():
                return None
            async with self.db.transaction() as session:
                automation = await session.get(Automation, (business_id, automation_id))
                if automation is None or not automation.enabled:
                    return None
                batch = await rules.record_batch(
                    session, automation, period, now, self.batch, cursor
                )
                await actions.act(session, automation, batch.recorded, period, now)
            made += len(batch.recorded)
            if batch.cursor is None:
                return made
            cursor = batch.cursor


async def _finished(session: AsyncSession, business_id: str, job: str, period: str) -> bool:
    done = await session.scalar(
        select(claims.c.finished_at).where(
            claims.c.business_id == business_id, claims.c.job == job, claims.c.period == period
        )
    )
    return done is not None


async def _advance(
    session: AsyncSession,
    automation: Automation,
    watermark: datetime,
    until: datetime,
    zone: ZoneInfo,
) -> None:
    """Scans up to ``until`` are done: the watermark moves there and the next scan is set.
    Conditional on the watermark read before, so two workers cannot both move it."""
    await session.execute(
        sql_update(automations)
        .where(
            and_(
                automations.c.business_id == automation.business_id,
                automations.c.id == automation.id,
                automations.c.scanned_until == watermark,
                automations.c.enabled.is_(True),
            )
        )
        .values(
            scanned_until=until,
            next_scan_at=next_scan(automation.kind, automation.hour, zone, until),
        )
    )
