"""The campaign sender: one loop object (``run(stop)``) in every worker and, like the webhook
dispatcher, in every server process. Any number run at once on PostgreSQL: they share the
work through ``sending``'s claims and never send a delivery twice.

A step: start due campaigns, recover deliveries of dead workers, claim a batch of deliveries
(reach, vouchers, messages: one transaction), send them at the providers' pace (``pace``:
shared by all workers) with no transaction open, record the outcomes, finish campaigns. The
next batch is claimed and prepared, and more recipients are added, while one is being sent, so
the database's work and the provider's overlap; and a batch starts sending while the last
messages of the one before are still in flight.

Email goes a batch at a time over several pipelined connections (``send_batch``) and its
outcomes are recorded with one statement. Messengers cannot recognise a resend, so each of
their messages is marked handed over just before it goes and recorded right after: those
marks and records are group-committed (one transaction writes the records and the marks of
all the messages that came while the last one was being written), so a crash still leaves
only the messages in flight unknown.
"""

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Generic, Protocol, TypeVar, runtime_checkable

from punchcard.campaigns import sending
from punchcard.campaigns.pace import Pace
from punchcard.campaigns.sending import Job, Verdict
from punchcard.channels.adapter import (
    ChannelType,
    Context,
    Keys,
    Message,
    Recipient,
    RetryLater,
    SendResult,
)
from punchcard.channels.registry import adapter_for
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog
from punchcard.observability.metrics import CAMPAIGN_DELIVERIES

log = logging.getLogger("punchcard.campaigns")
ERROR_BACKOFF_SECONDS = 1.0
# Sends in flight per channel type, for channels sent one message at a time (their rate,
# max_per_second, is the real limit). Email batches use ``smtp_connections`` instead.
# Telegram (up to 1000/s with paid broadcasts): a message waits for its hand-over's group
# commit while in flight, so more in flight makes bigger groups (fewer transactions a
# message); a message is handed over only once its send slot came, so a crash still leaves
# only the messages actually sending unknown, not all 128.
IN_FLIGHT: dict[ChannelType, int] = {
    "email": 8,
    "telegram": 128,
    "whatsapp": 32,
    "viber": 32,
    "wallet": 4,
}
MATERIALISE_FACTOR = 10  # recipients added per step, in claim batches
Item = TypeVar("Item")
Claim = tuple[str, str, int]  # a claimed delivery: business_id, id, attempts


@runtime_checkable
class BatchChannel(Protocol):
    """A channel that sends many messages of one account better together (email)."""

    async def send_batch(
        self, context: Context, keys: Keys, items: Sequence[tuple[Recipient, Message]]
    ) -> list[SendResult]: ...


@dataclass
class GroupCommit(Generic[Item]):
    """Items written by ``flush`` in groups: whatever arrived while the last group was being
    written goes in the next one. ``submit`` returns once its item is committed: whether
    ``flush`` took it (flush returns the items it did not take)."""

    flush: Callable[[list[Item]], Awaitable[set[Item]]]
    pending: list[tuple[Item, "asyncio.Future[bool]"]] = field(default_factory=list)
    writer: "asyncio.Task[None] | None" = None

    async def submit(self, item: Item) -> bool:
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.pending.append((item, done))
        if self.writer is None:
            self.writer = asyncio.create_task(self._drain())
        return await done

    async def _drain(self) -> None:
        try:
            while self.pending:
                group, self.pending = self.pending, []
                try:
                    refused = await self.flush([item for item, _ in group])
                except Exception as exc:
                    for _, done in group:
                        done.set_exception(exc)
                else:
                    for item, done in group:
                        done.set_result(item not in refused)
        finally:
            self.writer = None


class CampaignSender:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.batch = settings.campaign_batch_size
        self.poll = settings.campaign_poll_seconds
        self.lease = timedelta(seconds=settings.campaign_lease_seconds)
        self.paces: dict[str, Pace | None] = {}
        self.rates = settings.campaign_max_per_second
        self.in_flight = {channel: asyncio.Semaphore(n) for channel, n in IN_FLIGHT.items()}
        # One batch of an account at a time (two batches overlap, see ``step``): a batch is
        # spread over the account's connections, which a second would double.
        self.batching: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self.outage = QuietLog(log, "campaign sender")
        self.ahead: sending.Prepared | None = None  # claimed while the last batch went out
        # The last batch's sends, still finishing while the next batch starts.
        self.delivering: asyncio.Task[None] | None = None
        self.ledger = GroupCommit[Claim | Verdict](self._write_ledger)

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; the sends under way finish (and are recorded) and a
        batch claimed ahead is put back."""
        try:
            while not stop.is_set():
                try:
                    busy = await self.step()
                except Exception as exc:
                    self.outage.step_failed(exc, "campaign sender step failed; retrying")
                    busy, wait = False, ERROR_BACKOFF_SECONDS
                else:
                    self.outage.recovered()
                    wait = self.poll
                if not busy:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), wait)
        finally:
            try:
                await self._settle()
            finally:
                await self._put_back()

    async def step(self) -> bool:
        """One round; whether it found work (recipients to add or deliveries to send). A
        batch's sends go on after its step: the next step starts the next batch while the
        last messages of this one are still in flight, so the sends in flight do not run dry
        at every batch's end (at most two batches send at once)."""
        now = utcnow()
        if self.ahead is None and self.delivering is None:
            async with self.db.reading() as connection:
                if not await sending.anything_due(connection, now):
                    return False
        async with self.db.transaction() as session:
            await sending.start_due(session, now)
            await sending.recover(session, now)
            await sending.finish(session, now)
            open_ids = await sending.open_campaigns(session, now)
        current, self.ahead = self.ahead, None
        if current is None or not current.claimed:
            added = await self._materialise(now)
            current = await self._claim(now, open_ids)
            if not current.claimed:
                # Busy while the last batch still sent: its records may finish a campaign.
                return await self._settle() or bool(added)
        previous, self.delivering = (
            self.delivering,
            asyncio.create_task(self._deliver(current.jobs)),
        )
        # The next batch's reads and writes, and more recipients, overlap this one's sends.
        _, self.ahead, _ = await asyncio.gather(
            _finished(previous),
            self._claim(utcnow(), open_ids),
            self._materialise(utcnow()),
        )
        async with self.db.transaction() as session:
            await sending.finish(session, utcnow())
        return True

    async def until_idle(self) -> None:
        """Step until a step finds nothing (tests, the CLI's send)."""
        while await self.step():
            pass

    async def _settle(self) -> bool:
        """Wait for the last batch's sends to be recorded; whether there was one."""
        delivering, self.delivering = self.delivering, None
        await _finished(delivering)
        return delivering is not None

    async def _materialise(self, now: datetime) -> int:
        async with self.db.transaction() as session:
            return await sending.materialise(session, now, self.batch * MATERIALISE_FACTOR)

    async def _claim(self, now: datetime, open_ids: list[str]) -> sending.Prepared:
        async with self.db.transaction() as session:
            claimed = await sending.claim(session, now, self.batch, self.lease, open_ids)
            prepared = await sending.prepare(session, claimed, now)
            await sending.record(session, prepared.skipped, now)
            await sending.release(session, prepared.released)
        _count(prepared.skipped)
        return prepared

    async def _put_back(self) -> None:
        """The batch claimed ahead goes back to the queue (its claims would otherwise wait for
        their lease to run out)."""
        ahead, self.ahead = self.ahead, None
        if ahead is not None and ahead.jobs:
            async with self.db.transaction() as session:
                await sending.release(
                    session,
                    [(job.business_id, job.delivery_id, job.attempts) for job in ahead.jobs],
                )

    async def _deliver(self, jobs: list[Job]) -> None:
        """Send the batch: email a batch per account, the rest one by one."""
        batches: dict[str, list[Job]] = defaultdict(list)
        singles = []
        for job in jobs:
            channel = adapter_for(job.channel)
            if isinstance(channel, BatchChannel) and job.channel not in self.rates:
                batches[job.keys.channel_id].append(job)
            else:
                singles.append(job)
        outcomes = await asyncio.gather(
            *(self._send_batch(group) for group in batches.values()),
            *(self._send(job) for job in singles),
        )
        recorded: list[Verdict] = []
        for outcome in outcomes:
            if isinstance(outcome, list):
                recorded += outcome
            elif outcome is not None:
                recorded.append(outcome)
        await self._record(recorded)

    async def _record(self, verdicts: list[Verdict]) -> None:
        if not verdicts:
            return
        async with self.db.transaction() as session:
            await sending.record(session, verdicts, utcnow())
        _count(verdicts)

    async def _write_ledger(self, items: list[Claim | Verdict]) -> set[Claim | Verdict]:
        """Messengers' outcomes recorded and claims marked handed over, in one transaction;
        the claims no longer ours come back (not to be sent)."""
        verdicts = [item for item in items if isinstance(item, Verdict)]
        claims = [item for item in items if not isinstance(item, Verdict)]
        now = utcnow()
        async with self.db.transaction() as session:
            await sending.record(session, verdicts, now)
            handed = await sending.hand_over(session, claims, now, self.lease)
        _count(verdicts)
        return {claim for claim in claims if claim[:2] not in handed}

    def _pace(self, job: Job) -> Pace | None:
        """The account's pace (shared with every other worker), None: no limit."""
        key = job.keys.channel_id
        if key not in self.paces:
            rate = self.rates.get(job.channel, adapter_for(job.channel).max_per_second)
            self.paces[key] = Pace(self.db, job.business_id, key, rate) if rate else None
        return self.paces[key]

    async def _send_batch(self, jobs: list[Job]) -> list[Verdict]:
        """One account's messages together (``BatchChannel``); outcomes to record."""
        channel = adapter_for(jobs[0].channel)
        assert isinstance(channel, BatchChannel)
        items = [(job.recipient, job.message) for job in jobs]
        results: list[SendResult]
        try:
            async with self.batching[jobs[0].keys.channel_id]:
                results = await channel.send_batch(Context(self.db), jobs[0].keys, items)
        except Exception as exc:  # an adapter's bug must not lose the deliveries' records
            log.exception("sending %d deliveries failed", len(jobs))
            results = [RetryLater("network_error", f"{type(exc).__name__}: {exc}")] * len(jobs)
        return [_verdict(job, result) for job, result in zip(jobs, results, strict=True)]

    async def _send(self, job: Job) -> Verdict | None:
        """Send one job; its outcome, to record with the batch. A provider that cannot tell a
        resend (messengers) gets each message marked before and recorded right after it, so a
        crash leaves only the messages in flight unknown: None then."""
        pace = self._pace(job)
        once = job.channel not in sending.RESENDABLE
        async with self.in_flight[job.channel]:
            if pace is not None:
                await pace.slot()
            claim = (job.business_id, job.delivery_id, job.attempts)
            if once and not await self.ledger.submit(claim):
                return None  # its lease ran out before it went: another worker's now
            result: SendResult
            try:
                result = await adapter_for(job.channel).send(
                    Context(self.db), job.keys, job.recipient, job.message
                )
            except Exception as exc:  # an adapter's bug must not lose the delivery's record
                log.exception("sending delivery %s failed", job.delivery_id)
                result = RetryLater("network_error", f"{type(exc).__name__}: {exc}")
        if pace is not None and isinstance(result, RetryLater) and result.retry_after:
            await pace.hold(result.retry_after)
        verdict = _verdict(job, result)
        if not once:
            return verdict
        await self.ledger.submit(verdict)
        return None


async def _finished(task: "asyncio.Task[None] | None") -> None:
    if task is not None:
        await task


def _verdict(job: Job, result: SendResult) -> Verdict:
    return Verdict(
        job.business_id, job.delivery_id, job.attempts, result, job.channel, job.recipient.address
    )


def _count(recorded: list[Verdict]) -> None:
    """Deliveries by channel and what became of them, once their record is committed."""
    for verdict in recorded:
        status = verdict.result.status
        if status == "retry" and verdict.attempts >= sending.MAX_ATTEMPTS:
            status = "failed"  # no retry is left: ``record`` marked it failed
        CAMPAIGN_DELIVERIES.labels(verdict.channel, status).inc()
