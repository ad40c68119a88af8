"""The webhook worker: fans committed events out and sends them at once, claims due messages,
and records outcomes in batches. It never gives up on an error: it logs, waits, and resumes."""

import asyncio
import collections
import contextlib
import logging
import time
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
FOLLOW_UP_SECONDS = 0.02


class Dispatcher:
    """Construct it inside the running event loop (it opens the sender's connection pool)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.capacity = settings.webhook_max_in_flight
        # Claims leased beyond the sends in flight wait here for a slot, so sending goes on
        # while the next step's transaction runs. At most ``capacity`` wait: each gets a slot
        # within one send timeout, and is sent within a second one, well inside its lease.
        self.waiting: collections.deque[queue.Claim] = collections.deque()
        self.room = 2 * self.capacity
        # Wait for this much room before the next step, so steps come in batches.
        self.refill = max(1, self.capacity // 4)
        # The lease must outlast a send (timeout) by a margin, or a slow send gets a twin.
        self.lease = timedelta(seconds=settings.webhook_timeout_seconds * 4)
        self.sender = Sender(
            timeout_seconds=settings.webhook_timeout_seconds,
            connections=self.capacity,
            allow_private=settings.webhook_allow_private_networks,
        )
        self.outcomes: asyncio.Queue[tuple[queue.Claim, Outcome]] = asyncio.Queue()
        self.sending: set[asyncio.Task[None]] = set()
        self.sent = asyncio.Event()  # a send finished: maybe there is room for a step now
        # Attempts recorded so far, with a condition to await them (metrics, tests).
        self.recorded = 0
        self.progress = asyncio.Condition()

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set, then finish the sends under way and record them."""
        sends_done = asyncio.Event()
        recorder = asyncio.create_task(self._record_until(sends_done))
        try:
            await self._forever(stop)
            while self.sending:  # each one that ends starts a waiting one
                await asyncio.wait(self.sending)
            sends_done.set()
            await recorder
        finally:
            recorder.cancel()
            await self.sender.close()

    async def _forever(self, stop: asyncio.Event) -> None:
        """Repeat a step: at once while a limit cut it short, soon while it found deliveries
        (more are likely on their way), else after the poll interval (or on stop)."""
        poll = self.settings.webhook_poll_seconds
        while not stop.is_set():
            await self._room()
            if stop.is_set():  # while waiting for room: lease nothing more
                break
            try:
                started, cut_short = await self._step()
            except Exception:
                log.exception("webhook worker step failed; retrying")
                started, cut_short, wait = 0, False, ERROR_BACKOFF_SECONDS
            else:
                wait = min(poll, FOLLOW_UP_SECONDS) if started else poll
            if not cut_short:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)

    async def _step(self) -> tuple[int, bool]:
        """One transaction: fan new events out, then claim due messages, up to the room; the
        sends start once it commits. Returns how many, and whether a limit (the batch, the
        room) cut it short."""
        free = self._free()
        batch = min(free, FAN_OUT_BATCH)
        now = utcnow()
        async with self.db.transaction() as session:
            fanned = await queue.fan_out(session, now, batch, lease=self.lease, room=free)
            claims = fanned.claims
            if len(claims) < free:
                claims += await queue.claim(session, now, free - len(claims), self.lease)
        self.waiting += claims
        self._start_sends()
        return len(claims), fanned.events == batch or len(claims) == free

    def _free(self) -> int:
        return self.room - len(self.sending) - len(self.waiting)

    def _start_sends(self) -> None:
        while self.waiting and len(self.sending) < self.capacity:
            task = asyncio.create_task(self._send(self.waiting.popleft()))
            self.sending.add(task)
            task.add_done_callback(self._sent)

    def _sent(self, task: asyncio.Task[None]) -> None:
        self.sending.discard(task)
        self._start_sends()
        self.sent.set()

    async def _room(self) -> None:
        """Wait for a batch of room; after a poll interval, settle for one."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.settings.webhook_poll_seconds):
                await self._room_for(self.refill)
        await self._room_for(1)

    async def _room_for(self, slots: int) -> None:
        while self._free() < slots:
            self.sent.clear()
            await self.sent.wait()

    async def _send(self, claim: queue.Claim) -> None:
        delay = claim.send_at - time.time()
        if delay > 0:  # a rate-limit slot a little ahead
            await asyncio.sleep(delay)
        outcome = await self.sender.send(
            claim.url, claim.secrets, claim.event_id, claim.payload, utcnow()
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
