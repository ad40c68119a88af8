"""The webhook worker: fans committed events out, delivers due messages concurrently, and
records outcomes in batches. It never gives up on an error: it logs, waits, and resumes."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.webhooks import queue
from punchcard.webhooks.sender import Outcome, Sender

log = logging.getLogger("punchcard.webhooks")
FAN_OUT_BATCH = 500
COMPLETE_BATCH = 500
ERROR_BACKOFF_SECONDS = 1.0


class Dispatcher:
    """Construct it inside the running event loop (it opens the sender's connection pool)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.capacity = settings.webhook_max_in_flight
        # The lease must outlast a send (timeout) by a margin, or a slow send gets a twin.
        self.lease = timedelta(seconds=settings.webhook_timeout_seconds * 4)
        self.sender = Sender(
            timeout_seconds=settings.webhook_timeout_seconds,
            connections=self.capacity,
            allow_private=settings.webhook_allow_private_networks,
        )
        self.outcomes: asyncio.Queue[tuple[queue.Claim, Outcome]] = asyncio.Queue()
        self.new_messages = asyncio.Event()
        self.sending: set[asyncio.Task[None]] = set()
        # Attempts recorded so far, with a condition to await them (metrics, tests).
        self.recorded = 0
        self.progress = asyncio.Condition()

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set, then finish the sends under way and record them."""
        sends_done = asyncio.Event()
        recorder = asyncio.create_task(self._record_until(sends_done))
        try:
            await asyncio.gather(
                self._forever(stop, self._fan_out, asyncio.Event()),
                self._forever(stop, self._deliver, self.new_messages),
            )
            if self.sending:
                await asyncio.wait(self.sending)
            sends_done.set()
            await recorder
        finally:
            recorder.cancel()
            await self.sender.close()

    async def _forever(
        self, stop: asyncio.Event, step: Callable[[], Awaitable[bool]], wake: asyncio.Event
    ) -> None:
        """Repeat ``step``; when it found no work, wait for ``wake``, the poll interval or stop."""
        while not stop.is_set():
            try:
                busy = await step()
            except Exception:
                log.exception("webhook worker step failed; retrying")
                busy, wait = False, ERROR_BACKOFF_SECONDS
            else:
                wait = self.settings.webhook_poll_seconds
            if not busy:
                await _wait_any(stop, wake, patience=wait)

    async def _fan_out(self) -> bool:
        async with self.db.transaction() as session:
            count = await queue.fan_out(session, utcnow(), FAN_OUT_BATCH)
        if count:
            self.new_messages.set()
        return count == FAN_OUT_BATCH

    async def _deliver(self) -> bool:
        self.new_messages.clear()
        free = self.capacity - len(self.sending)
        if free <= 0:
            await asyncio.wait(self.sending, return_when=asyncio.FIRST_COMPLETED)
            return True
        async with self.db.transaction() as session:
            claims = await queue.claim(session, utcnow(), free, self.lease)
        for claim in claims:
            task = asyncio.create_task(self._send(claim))
            self.sending.add(task)
            task.add_done_callback(self.sending.discard)
        return len(claims) == free

    async def _send(self, claim: queue.Claim) -> None:
        delay = claim.send_at - time.time()
        if delay > 0:  # a rate-limit slot a little ahead
            await asyncio.sleep(delay)
        outcome = await self.sender.send(
            claim.url,
            claim.secrets,
            claim.event_id,
            claim.payload,
            utcnow(),
            max_seconds=self.settings.webhook_timeout_seconds,
        )
        await self.outcomes.put((claim, outcome))

    async def _record_until(self, sends_done: asyncio.Event) -> None:
        """Record outcomes in batches until every send has finished and been recorded."""
        while not (sends_done.is_set() and self.outcomes.empty()):
            await self._record(await self._next_outcomes(sends_done))

    async def _record(self, batch: list[tuple[queue.Claim, Outcome]]) -> None:
        """Record a batch; while the database is unreachable, keep trying. A batch the
        database refuses is split so one bad outcome cannot block the others; an outcome
        refused alone is dropped, and its lease expiry redelivers it (same webhook-id)."""
        pending = [batch] if batch else []
        while pending:
            part = pending.pop()
            try:
                async with self.db.transaction() as session:
                    await queue.complete(session, part, utcnow())
            except Exception as exc:
                if not _transient(exc):
                    if len(part) > 1:
                        pending += [part[: len(part) // 2], part[len(part) // 2 :]]
                    else:
                        log.exception(
                            "dropping the record of one webhook attempt: %s", part[0][0].id
                        )
                    continue
                log.warning("database unavailable while recording attempts; retrying")
                pending.append(part)
                await asyncio.sleep(ERROR_BACKOFF_SECONDS)
                continue
            async with self.progress:
                self.recorded += len(part)
                self.progress.notify_all()

    async def _next_outcomes(self, sends_done: asyncio.Event) -> list[tuple[queue.Claim, Outcome]]:
        """The next outcome and whatever else is waiting (up to a batch)."""
        getter = asyncio.ensure_future(self.outcomes.get())
        finished = asyncio.ensure_future(sends_done.wait())
        done, _ = await asyncio.wait({getter, finished}, return_when=asyncio.FIRST_COMPLETED)
        finished.cancel()
        if getter not in done:
            getter.cancel()
            return _drain(self.outcomes, COMPLETE_BATCH)
        return [getter.result(), *_drain(self.outcomes, COMPLETE_BATCH - 1)]


def _transient(exc: Exception) -> bool:
    """The database is down or the connection broke: waiting is the cure, not splitting."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OperationalError | InterfaceError | OSError | TimeoutError)


def _drain(
    outcomes: asyncio.Queue[tuple[queue.Claim, Outcome]], limit: int
) -> list[tuple[queue.Claim, Outcome]]:
    batch: list[tuple[queue.Claim, Outcome]] = []
    while len(batch) < limit and not outcomes.empty():
        batch.append(outcomes.get_nowait())
    return batch


async def _wait_any(stop: asyncio.Event, wake: asyncio.Event, patience: float) -> None:
    waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(wake.wait())]
    try:
        await asyncio.wait(waiters, timeout=patience, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for waiter in waiters:
            waiter.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await waiter
