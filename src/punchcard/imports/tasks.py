"""The import runner, in every worker (and server process with a worker): claims an open job
(``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so any number of workers share the queue) and
applies it batch by batch. A worker that dies leaves its lease to run out; one that stops
lets it go at once."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy import update

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.imports import batches
from punchcard.kit.clock import utcnow
from punchcard.kit.statistics import refresh_if_grown
from punchcard.kit.unavailable import QuietLog

log = logging.getLogger("punchcard.imports")

GIVE_UP_AFTER = 5  # unexpected failures of one batch in a row before the job is failed
STAGED = "import_rows"
FILLED = {"customers": ("customers",), "cards": ("customers", "cards")}  # by the job's kind


def _log(lease: batches.Lease, done: batches.Step) -> None:
    """Logged once the step's transaction committed: what the log says, the API shows."""
    if done.last_line is not None:
        log.info("import %s: lines to %d done", lease.import_id, done.last_line)
    if done.ended is not None:
        log.info("import %s: %s", lease.import_id, done.ended)


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
        self.outage = QuietLog(log, "import runner")
        self.on_batch = on_batch

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                worked = await self.work_once(stop)
            except Exception as exc:  # a database hiccup must not end the loop
                self.outage.step_failed(exc, "import runner step failed; retrying")
                worked = False
            else:
                self.outage.recovered()
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
        await self._refresh(STAGED, written=lease.rows)  # the file was staged since
        if await self._apply(lease, stop):
            await self._release(lease)
        return True

    async def _apply(self, lease: batches.Lease, stop: asyncio.Event | None) -> bool:
        """Batch after batch to the job's end (False) or to ``stop`` (True)."""
        filled = FILLED[lease.kind]
        written = 0
        done = batches.Step()
        try:
            while stop is None or not stop.is_set():
                try:
                    async with self.db.transaction() as session:
                        # The batch the last step parsed while it was applied.
                        done = await batches.step(
                            session, lease, self.lease_for, self.batch, done.ahead
                        )
                except Exception as exc:
                    log.exception("import %s: a batch failed", lease.import_id)
                    async with self.db.transaction() as session:
                        done = await batches.fail(
                            session, lease, repr(exc)[:2000], give_up_after=GIVE_UP_AFTER
                        )
                    _log(lease, done)
                    return False
                _log(lease, done)
                written += self.batch
                if await self._refresh(*filled, written=written):
                    written = 0
                if self.on_batch is not None:
                    await self.on_batch(lease)
                if done.last_line is None:
                    return False
            return True
        finally:
            if done.ahead is not None:  # stopped (or failed) before its turn
                done.ahead.cancel()

    async def _refresh(self, *tables: str, written: int) -> bool:
        """Statistics of tables the import grew (kit.statistics): in a transaction of its
        own, so ANALYZE's lock is let go at once."""
        async with self.db.transaction() as session:
            return await refresh_if_grown(session, *tables, written=written)

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
