"""The import runner, in every worker (and server process with a worker): claims an open job
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so any number of workers share the queue) and
applies it batch by batch. A worker that dies leaves its lease to run out; one that stops
lets it go at once."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, update

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.imports import batches
from punchcard.kit.clock import utcnow
from punchcard.kit.statistics import refresh_if_grown

log = logging.getLogger("punchcard.imports")
GIVE_UP_AFTER = 5  # unexpected failures of one batch in a row before the job is failed
PRUNE_EVERY_SECONDS = 3600
STAGED = "import_rows"
FILLED = {"customers": ("customers",), "cards": ("customers", "cards")}  # by the job's kind


class ImportRunner:
    def __init__(
        self,
        db: Database,
        settings: Settings,
        on_batch: Callable[[batches.Lease], Awaitable[object]] | None = None,
    ) -> None:
        self.db = db
        self.lease_for = timedelta(seconds=settings.import_lease_seconds)
        self.batch = settings.import_batch_size
        self.poll = settings.import_poll_seconds
        self.keep = timedelta(days=settings.import_retention_days)
        self.on_batch = on_batch

    async def run(self, stop: asyncio.Event) -> None:
        pruned_at = 0.0
        while not stop.is_set():
            try:
                if time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS:
                    await self.prune(utcnow())
                    pruned_at = time.monotonic()
                worked = await self.work_once(stop)
            except Exception:  # a database hiccup must not end the loop
                log.exception("import runner step failed; retrying")
                worked = False
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.poll)

    async def work_once(
        self, stop: asyncio.Event | None = None, only: tuple[str, str] | None = None
    ) -> bool:
        """Claim an open job (or ``only`` that one) and apply it to its end (or to ``stop``);
        False if there was none to claim."""
        async with self.db.transaction() as session:
            lease = await batches.claim(session, utcnow(), self.lease_for, only)
        if lease is None:
            return False
        filled = FILLED[lease.kind]
        await self._refresh(STAGED, written=lease.rows)  # the file was staged since
        written = 0
        while stop is None or not stop.is_set():
            try:
                async with self.db.transaction() as session:
                    more = await batches.step(session, lease, self.lease_for, self.batch)
            except Exception as exc:
                log.exception("import %s: a batch failed", lease.import_id)
                async with self.db.transaction() as session:
                    await batches.fail(
                        session, lease, repr(exc)[:2000], give_up_after=GIVE_UP_AFTER
                    )
                return True
            written += self.batch
            if await self._refresh(*filled, written=written):
                written = 0
            if self.on_batch is not None:
                await self.on_batch(lease)
            if not more:
                return True
        await self._release(lease)
        return True

    async def _refresh(self, *tables: str, written: int) -> bool:
        """Statistics of tables the import grew (kit.statistics): in a transaction of its
        own, so ANALYZE's lock is let go at once."""
        async with self.db.transaction() as session:
            return await refresh_if_grown(session, *tables, written=written)

    async def prune(self, now: datetime) -> int:
        """Forget imports finished more than the retention ago: their staged lines hold
        personal data nobody needs once the report has been read. Any worker may run it."""
        jobs = batches.jobs
        async with self.db.transaction() as session:
            gone = await session.execute(
                delete(jobs).where(jobs.c.finished_at < now - self.keep)  # rows: ON DELETE CASCADE
            )
        return int(getattr(gone, "rowcount", 0) or 0)

    async def drain(self) -> None:
        """Apply every open job nobody holds, then return (tests, the CLI)."""
        while await self.work_once():
            pass

    async def _release(self, lease: batches.Lease) -> None:
        """Stopping between batches: another worker may take the job at once."""
        jobs = batches.jobs
        async with self.db.transaction() as session:
            await session.execute(
                update(jobs)
                .where(
                    jobs.c.business_id == lease.business_id,
                    jobs.c.id == lease.import_id,
                    jobs.c.lease_token == lease.token,
                )
                .values(lease_token=None, lease_until=None)
            )
