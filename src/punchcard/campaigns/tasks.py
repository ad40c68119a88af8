"""The campaign sender: one loop object (``run(stop)``) in every worker and, like the webhook
dispatcher, in every server process. Any number run at once on PostgreSQL: they share the
work through ``sending``'s claims and never send a delivery twice.

A step: start due campaigns, recover deliveries of dead workers, add a batch of recipients,
claim a batch of deliveries (reach, vouchers, messages: one transaction), send them at the
providers' pace with no transaction open, record the outcomes, finish campaigns."""

import asyncio
import contextlib
import logging
import time
from datetime import timedelta

from punchcard.campaigns import sending
from punchcard.campaigns.sending import Job, Verdict
from punchcard.channels.adapter import ChannelType, Context, RetryLater, SendResult
from punchcard.channels.registry import CHANNELS
from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog

log = logging.getLogger("punchcard.campaigns")
ERROR_BACKOFF_SECONDS = 1.0
# Sends in flight per channel type: the SMTP pool keeps 8 connections per account; HTTP
# providers take more (their rate, max_per_second, is the real limit).
IN_FLIGHT: dict[ChannelType, int] = {
    "email": 8,
    "telegram": 32,
    "whatsapp": 32,
    "viber": 32,
    "wallet": 4,
}
MATERIALISE_FACTOR = 10  # recipients added per step, in claim batches


class Pace:
    """At most ``rate`` sends a second from this process (a provider's limit per account),
    and none at all while the provider asked us to wait (429 ``retry_after``)."""

    def __init__(self, rate: float | None) -> None:
        self.interval = 1.0 / rate if rate else 0.0
        self.next = 0.0

    async def slot(self) -> None:
        now = time.monotonic()
        at = max(now, self.next)
        self.next = at + self.interval
        if at > now:
            await asyncio.sleep(at - now)

    def hold(self, seconds: float) -> None:
        self.next = max(self.next, time.monotonic() + seconds)


class CampaignSender:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.batch = settings.campaign_batch_size
        self.poll = settings.campaign_poll_seconds
        self.lease = timedelta(seconds=settings.campaign_lease_seconds)
        self.paces: dict[str, Pace] = {}
        self.rates = settings.campaign_max_per_second
        self.in_flight = {channel: asyncio.Semaphore(n) for channel, n in IN_FLIGHT.items()}
        self.outage = QuietLog(log, "campaign sender")

    async def run(self, stop: asyncio.Event) -> None:
        """Work until ``stop`` is set; a step under way finishes (its sends are recorded)."""
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

    async def step(self) -> bool:
        """One round; whether it found work (recipients to add or deliveries to send)."""
        now = utcnow()
        async with self.db.transaction() as session:
            await sending.start_due(session, now)
            await sending.recover(session, now)
            await sending.finish(session, now)
            open_ids = await sending.open_campaigns(session, now)
        async with self.db.transaction() as session:
            added = await sending.materialise(session, now, self.batch * MATERIALISE_FACTOR)
        async with self.db.transaction() as session:
            claimed = await sending.claim(session, now, self.batch, self.lease, open_ids)
            prepared = await sending.prepare(session, claimed, now)
            await sending.record(session, prepared.skipped, now)
            await sending.release(session, prepared.released)
        outcomes = await asyncio.gather(*(self._send(job) for job in prepared.jobs))
        if claimed:
            async with self.db.transaction() as session:
                recorded = [verdict for verdict in outcomes if verdict is not None]
                await sending.record(session, recorded, utcnow())
                await sending.finish(session, utcnow())
        return bool(added or claimed)

    async def until_idle(self) -> None:
        """Step until a step finds nothing (tests, the CLI's send)."""
        while await self.step():
            pass

    def _pace(self, job: Job) -> Pace:
        key = job.keys.channel_id
        if key not in self.paces:
            rate = self.rates.get(job.channel, CHANNELS[job.channel].max_per_second)
            self.paces[key] = Pace(rate)
        return self.paces[key]

    async def _send(self, job: Job) -> Verdict | None:
        """Send one job; its outcome, to record with the batch. A provider that cannot tell a
        resend (messengers) gets each message marked before and recorded right after it, so a
        crash leaves only the messages in flight unknown: None then."""
        pace = self._pace(job)
        once = job.channel not in sending.RESENDABLE
        async with self.in_flight[job.channel]:
            await pace.slot()
            if once:
                async with self.db.transaction() as session:
                    await sending.hand_over(session, job.business_id, job.delivery_id, utcnow())
            result: SendResult
            try:
                result = await CHANNELS[job.channel].send(
                    Context(self.db), job.keys, job.recipient, job.message
                )
            except Exception as exc:  # an adapter's bug must not lose the delivery's record
                log.exception("sending delivery %s failed", job.delivery_id)
                result = RetryLater("network_error", f"{type(exc).__name__}: {exc}")
        if isinstance(result, RetryLater) and result.retry_after:
            pace.hold(result.retry_after)
        verdict = Verdict(
            job.business_id,
            job.delivery_id,
            job.attempts,
            result,
            job.channel,
            job.recipient.address,
        )
        if not once:
            return verdict
        async with self.db.transaction() as session:
            await sending.record(session, [verdict], utcnow())
        return None
