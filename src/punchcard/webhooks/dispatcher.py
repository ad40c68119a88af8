"""The webhook worker: fans committed events out and sends them at once, claims due messages,
and records outcomes in batches. It never gives up on an error: it logs, waits, and resumes.

Leases are short and renewed while held (a heartbeat), so messages of a worker that died are
due again within a lease; a worker that stops gracefully finishes its sends within the grace
period and hands back the rest at once."""

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

from sqlalchemy.exc import InterfaceError, OperationalError

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog, database_unavailable
from punchcard.observability.metrics import webhook_results
from punchcard.webhooks import queue, retry
from punchcard.webhooks.sender import Outcome, Sender

log = logging.getLogger("punchcard.webhooks")
FAN_OUT_BATCH = 500
COMPLETE_BATCH = 500
ERROR_BACKOFF_SECONDS = 1.0
FOLLOW_UP_SECONDS = 0.02
# On PostgreSQL, while there is a backlog, up to this many steps are under way at once, each its
# own transaction (SKIP LOCKED keeps them apart, as it keeps workers apart): the next step's
# round trips and its commit overlap the last one's instead of leaving the senders idle.
STEPS_AT_ONCE = 3
# While sends are in flight, the recorder waits this long after an outcome for others to
# join it: fewer, larger record transactions (the attempt log lags by as much, no delivery).
GATHER_SECONDS = 0.01
RENEWALS_PER_LEASE = 3
HeldKey = tuple[str, str]  # (business_id, message id)


class Dispatcher:
    """Construct it inside the running event loop (it opens the sender's connection pool)."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.capacity = settings.webhook_max_in_flight
        # Claims leased beyond the sends in flight wait here for a sender, so sending goes on
        # while the next step's transaction runs. At most ``capacity`` wait: each gets a
        # sender within one send timeout, and is sent within a second one, inside its lease.
        self.waiting: asyncio.Queue[queue.Claim] = asyncio.Queue()
        self.in_flight = 0  # claims a sender took and has not finished
        self.room = 2 * self.capacity
        self.reserved = 0  # room promised to steps whose transaction is still open
        # SQLite's write lock serialises steps anyway: one at a time there.
        self.steps_at_once = STEPS_AT_ONCE if db.dialect == "postgresql" else 1
        self.pace = 0.0  # how long the last step to end says to wait before the next
        self.steps: set[asyncio.Task[None]] = set()  # under way
        # Wait for this much room before the next step, so steps come in batches.
        self.refill = max(1, self.capacity // 4)
        self.lease = settings.webhook_lease
        self.delays = retry.schedule(settings)
        # Every claim from its lease until its attempt is recorded (attempt count: the fence).
        self.held: dict[HeldKey, int] = {}
        self.outage = QuietLog(log, "webhook worker")
        self.sender = Sender(
            timeout_seconds=settings.webhook_timeout_seconds,
            connections=self.capacity,
            allow_private=settings.webhook_allow_private_networks,
        )
        self.outcomes: asyncio.Queue[tuple[queue.Claim, Outcome]] = asyncio.Queue()
        self.sent = asyncio.Event()  # a send finished: maybe there is room for a step now
        # Attempts recorded so far, with a condition to await them (metrics, tests).
        self.recorded = 0
        self.progress = asyncio.Condition()

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; then finish the sends under way and record them within
        the grace period, and release whatever is still leased."""
        sends_done = asyncio.Event()
        recorder = asyncio.create_task(self._record_until(sends_done))
        heartbeat = asyncio.create_task(self._renew_forever())
        # A sender per slot, each taking the next waiting claim: no task per delivery.
        senders = [asyncio.create_task(self._send_forever()) for _ in range(self.capacity)]
        try:
            await self._forever(stop)
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self.settings.shutdown_grace_seconds
            await self._finish_sends(deadline, senders)
            sends_done.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(recorder), max(0.0, deadline - loop.time()))
            await self._release()
        finally:
            heartbeat.cancel()
            recorder.cancel()
            for task in senders:
                task.cancel()
            await self.sender.close()

    async def _finish_sends(self, deadline: float, senders: list[asyncio.Task[None]]) -> None:
        """Sends under way (and those waiting for a sender) until the deadline; then the rest
        are cancelled: their messages stay held and are released."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout_at(deadline):
                while self.in_flight or not self.waiting.empty():
                    self.sent.clear()
                    await self.sent.wait()
        for task in senders:
            task.cancel()
        await asyncio.gather(*senders, return_exceptions=True)

    def _held_rows(self) -> list[tuple[str, str, int]]:
        return [(business_id, id_, n) for (business_id, id_), n in self.held.items()]

    async def _renew_forever(self) -> None:
        """The heartbeat: leases of held messages are renewed a few times per lease."""
        every = self.lease.total_seconds() / RENEWALS_PER_LEASE
        while True:
            await asyncio.sleep(every)
            if not self.held:
                continue
            try:
                async with self.db.transaction() as session:
                    await queue.renew(session, self._held_rows(), utcnow(), self.lease)
            except Exception as exc:
                self._failed(exc, "renewing leases failed")

    async def _release(self) -> None:
        """Hand back at once what this worker leased but did not get to send or record."""
        if not self.held:
            return
        try:
            async with self.db.transaction() as session:
                await queue.release(session, self._held_rows(), utcnow())
        except Exception as exc:  # their leases run out instead
            self._failed(exc, "releasing leases failed")
        else:
            log.info("released %d leased webhook messages", len(self.held))
        self.held.clear()

    def _failed(self, exc: Exception, what: str) -> None:
        """One line per kind while the database is down; a traceback for anything else."""
        if _transient(exc):
            self.outage.failed(exc)
        else:
            log.exception("webhook worker: %s", what)

    async def _forever(self, stop: asyncio.Event) -> None:
        """Repeat a step. While the last one to end was cut short by a limit (a backlog), the
        next starts as soon as there is room, without waiting for the commit of those under way
        (up to ``steps_at_once``). Otherwise that step sets the pace: soon while it found
        deliveries (more are likely on their way), else after the poll interval (or on stop)."""
        steps = self.steps
        try:
            while not stop.is_set():
                await self._room()
                if stop.is_set():  # while waiting for room: lease nothing more
                    break
                # Reserved before the task runs: the loop may look for room again first.
                free = self._free()
                self.reserved += free
                step = asyncio.create_task(self._paced_step(free))
                steps.add(step)
                step.add_done_callback(self._step_ended)
                if self.pace == 0 and len(steps) < self.steps_at_once:
                    continue
                await asyncio.wait(steps, return_when=asyncio.FIRST_COMPLETED)
                if self.pace:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.pace)
        finally:
            # What a step under way leases is sent, or released at the end, like the rest.
            await asyncio.gather(*steps, return_exceptions=True)

    def _step_ended(self, step: asyncio.Task[None]) -> None:
        self.steps.discard(step)
        self.sent.set()  # its room, and one step fewer under way: maybe time for the next

    async def _paced_step(self, free: int) -> None:
        """A step, and the pace it sets: at once if a limit (the batch, the room) cut it short,
        soon if it found deliveries, else after the poll interval; after a failure, a pause."""
        poll = self.settings.webhook_poll_seconds
        try:
            started, cut_short = await self._step(free)
        except Exception as exc:
            self._failed(exc, "step failed; retrying")
            self.pace = ERROR_BACKOFF_SECONDS
            return
        self.outage.recovered()
        self.pace = 0.0 if cut_short else min(poll, FOLLOW_UP_SECONDS) if started else poll

    async def _step(self, free: int) -> tuple[int, bool]:
        """One transaction: fan new events out, then claim due messages, up to ``free``, the
        room reserved for it (the next step may begin before this one commits); the sends
        start once it commits. Returns how many, and whether a limit (the batch, the room) cut
        it short."""
        batch = min(free, FAN_OUT_BATCH)
        now = utcnow()
        try:
            async with self.db.transaction() as session:
                fanned = await queue.fan_out(session, now, batch, lease=self.lease, room=free)
                claims = fanned.claims
                if len(claims) < free:
                    claims += await queue.claim(session, now, free - len(claims), self.lease)
        finally:
            self.reserved -= free  # what it did not fill is room again
        for claim in claims:
            self.held[(claim.business_id, claim.id)] = claim.attempts
            self.waiting.put_nowait(claim)
        return len(claims), fanned.events == batch or len(claims) == free

    def _free(self) -> int:
        return self.room - self.in_flight - self.waiting.qsize() - self.reserved

    async def _room(self) -> None:
        """Wait for a batch of room; after a poll interval, settle for one. Beside steps under
        way, a step waits for half the room (the senders are running dry): overlapping steps
        stay as large as one after the other, not one transaction per quarter of the room."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(self.settings.webhook_poll_seconds):
                await self._room_for(lambda: self.capacity if self.steps else self.refill)
        await self._room_for(lambda: 1)

    async def _room_for(self, slots: Callable[[], int]) -> None:
        while self._free() < slots():
            self.sent.clear()
            await self.sent.wait()

    async def _send_forever(self) -> None:
        while True:
            claim = await self.waiting.get()
            self.in_flight += 1
            try:
                await self._send(claim)
            except Exception:  # a bug; the sender goes on, the lease redelivers the message
                log.exception("webhook send of %s failed", claim.id)
                self.held.pop((claim.business_id, claim.id), None)
            finally:
                self.in_flight -= 1
                self.sent.set()  # maybe there is room for a step now

    async def _send(self, claim: queue.Claim) -> None:
        delay = claim.send_at - time.time()
        if delay > 0:  # a rate-limit slot a little ahead
            await asyncio.sleep(delay)
        outcome = await self.sender.send(
            claim.url, claim.secrets, claim.event_id, claim.body, utcnow()
        )
        _log_attempt(claim, outcome)
        self.outcomes.put_nowait((claim, outcome))

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
                    statuses = await queue.complete(session, part, utcnow(), self.delays)
            except Exception as exc:
                if not _transient(exc):
                    if len(part) > 1:
                        pending += [part[: len(part) // 2], part[len(part) // 2 :]]
                    else:
                        log.exception(
                            "dropping the record of one webhook attempt: %s", part[0][0].id
                        )
                        self.held.pop((part[0][0].business_id, part[0][0].id), None)
                    continue
                self.outage.failed(exc)
                pending.append(part)
                await asyncio.sleep(ERROR_BACKOFF_SECONDS)
                continue
            webhook_results(statuses)
            for claim, _ in part:
                if self.held.get((claim.business_id, claim.id)) == claim.attempts:
                    del self.held[(claim.business_id, claim.id)]
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
        if self.in_flight and self.outcomes.qsize() < COMPLETE_BATCH - 1:
            await asyncio.sleep(GATHER_SECONDS)
        return [getter.result(), *_drain(self.outcomes, COMPLETE_BATCH - 1)]


def _log_attempt(claim: queue.Claim, outcome: Outcome) -> None:
    """One line per attempt, naming its attempt, message, event and the request that wrote
    the event: a delivery is found in the log by any of them."""
    result = "succeeded" if outcome.succeeded else "failed"
    answer = outcome.status_code if outcome.status_code is not None else outcome.error
    log.info(
        "webhook attempt %s (#%d) of %s to %s: %s, %s in %.0f ms (event %s, request %s)",
        claim.attempt_id,
        claim.attempts,
        claim.id,
        claim.endpoint_id,
        result,
        answer,
        outcome.latency_ms,
        claim.event_id,
        claim.request_id,
        extra={
            "fields": {
                "attempt_id": claim.attempt_id,
                "attempt": claim.attempts,
                "message_id": claim.id,
                "endpoint_id": claim.endpoint_id,
                "business_id": claim.business_id,
                "event_id": claim.event_id,
                "request_id": claim.request_id,
                "result": result,
                "status_code": outcome.status_code,
                "error": outcome.error,
                "latency_ms": round(outcome.latency_ms, 2),
            }
        },
    )


def _transient(exc: Exception) -> bool:
    """The database is down or the connection broke: waiting is the cure, not splitting."""
    if database_unavailable(exc):
        return True
    return isinstance(exc, OperationalError | InterfaceError | OSError | TimeoutError)


def _drain(
    outcomes: asyncio.Queue[tuple[queue.Claim, Outcome]], limit: int
) -> list[tuple[queue.Claim, Outcome]]:
    batch: list[tuple[queue.Claim, Outcome]] = []
    while len(batch) < limit and not outcomes.empty():
        batch.append(outcomes.get_nowait())
    return batch
