"""Wallet cards update themselves: after a change commits, every wallet holding the card is told.

The webhook fan-out reads each committed event once; in that transaction ``mark_changed``
bumps the card's ``wallet_passes`` row (new version, push due). ``PassSync`` in the worker
claims due rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL), runs every configured pusher
(APNs, Google Wallet) and clears the row, or retries it with backoff. A worker killed midway
leaves the row leased: the lease runs out and another worker pushes it again.
"""

import asyncio
import contextlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import bindparam, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.db.base import table_of
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.sql import Statements
from punchcard.kit.unavailable import QuietLog
from punchcard.wallet.models import WalletPass

log = logging.getLogger("punchcard.wallet")
passes = table_of(WalletPass)
# Events that do not change what the card shows (and would otherwise push in a loop).
QUIET = frozenset({"card_saved", "card_opened"})
LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 20  # about a day of retries with the backoff below
BATCH = 100
KEY = ("business_id", "id")
ERROR_BACKOFF_SECONDS = 1.0


@dataclass(frozen=True)
class PassRef:
    business_id: str
    card_id: str
    updated_at: datetime  # the version being pushed


class PassPusher(Protocol):
    """One wallet's update channel. Raise to have the pass retried later."""

    async def push(self, db: Database, ref: PassRef) -> None: ...

    async def close(self) -> None:
        """Release connections; called once when the worker stops."""


def next_version(previous: datetime, now: datetime) -> datetime:
    """A version in a later whole second than ``previous``: Wallet asks for a pass with
    If-Modified-Since, an HTTP date in whole seconds, so two versions in one second would
    look alike and the newer one would never be fetched."""
    return max(now, previous.replace(microsecond=0) + timedelta(seconds=1))


_BUMP = (
    update(passes)
    .where(passes.c.business_id == bindparam("b"), passes.c.id == bindparam("i"))
    .values(
        updated_at=bindparam("version", type_=passes.c.updated_at.type),
        push_due_at=bindparam("due", type_=passes.c.push_due_at.type),
        push_attempts=0,
        push_error=None,
    )
)


async def bump_versions(session: AsyncSession, condition: Any) -> None:
    """New versions, due for a push, of the wallet passes that match ``condition``.

    Call it once the transaction holds its locks: the version is read from the clock then,
    so it is later than that of every change committed before."""
    await _bump(session, (await session.execute(_locked(condition))).all())


def _locked(condition: Any) -> Any:
    return (
        select(passes.c.business_id, passes.c.id, passes.c.updated_at)
        .where(condition)
        .order_by(passes.c.business_id, passes.c.id)  # one lock order: no deadlocks
        .with_for_update()
    )


def _cards_locked(given: Any) -> Any:
    return _locked(
        tuple_(passes.c.business_id, passes.c.id).in_(select(given.c.business_id, given.c.id))
    )


async def _bump(session: AsyncSession, held: Sequence[Any]) -> None:
    if held:
        now = utcnow()
        rows = [
            {"b": row.business_id, "i": row.id, "version": next_version(row.updated_at, now)}
            for row in held
        ]
        await session.execute(_BUMP, [{**row, "due": now} for row in rows])


async def mark_changed(session: AsyncSession, events: Iterable[Any]) -> None:
    """New versions of the wallet cards these committed events are about (rows with
    ``business_id``, ``card_id`` and ``type``); cards no wallet holds have no row."""
    keys = {(e.business_id, e.card_id) for e in events if e.card_id and e.type not in QUIET}
    if keys:
        # Every fan-out step runs it, whatever its size: a statement built once (building
        # one and its cache key took most of the CPU of a 20-event step).
        statements = await Statements.of(session)
        await _bump(session, await statements.rows(passes, KEY, list(keys), _cards_locked))


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(2**attempts, 3600))


def _claim_statement() -> Any:
    """Lease the passes due for a push (SKIP LOCKED: workers share them). Built once: the
    loop runs it five times a second, and building it cost more than running it."""
    due = (
        select(passes.c.business_id, passes.c.id)
        .where(passes.c.push_due_at <= bindparam("now", type_=passes.c.push_due_at.type))
        .order_by(passes.c.push_due_at)
        .limit(BATCH)
        .with_for_update(skip_locked=True)
    )
    return (
        update(passes)
        .where(tuple_(passes.c.business_id, passes.c.id).in_(due))
        .values(push_due_at=bindparam("leased_until", type_=passes.c.push_due_at.type))
        .returning(passes.c.business_id, passes.c.id, passes.c.updated_at)
    )


_CLAIM = _claim_statement()


class PassSync:
    def __init__(self, db: Database, settings: Settings, pushers: Sequence[PassPusher]) -> None:
        self.db = db
        self.poll = settings.wallet_poll_seconds
        self.pushers = pushers
        self.outage = QuietLog(log, "wallet push")
        # Pushes finished so far, with a condition to await them (tests).
        self.pushed = 0
        self.progress = asyncio.Condition()

    async def run(self, stop: asyncio.Event) -> None:
        try:
            await self._forever(stop)
        finally:
            for pusher in self.pushers:
                await pusher.close()

    async def _forever(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            wait = self.poll
            try:
                claimed = await self._claim()
                if claimed:
                    await asyncio.gather(*(self._push(ref) for ref in claimed))
            except Exception as exc:  # an outage is one line per kind, not a traceback per poll
                self.outage.step_failed(exc, "wallet push step failed; retrying")
                claimed, wait = [], max(self.poll, ERROR_BACKOFF_SECONDS)
            else:
                self.outage.recovered()
            if len(claimed) < BATCH:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), wait)

    async def _claim(self) -> list[PassRef]:
        now = utcnow()
        async with self.db.transaction() as session:
            rows = await session.execute(_CLAIM, {"now": now, "leased_until": now + LEASE})
            return [PassRef(*row) for row in rows]

    async def _push(self, ref: PassRef) -> None:
        # Here: customers' erasure imports this module into server processes, which count
        # nothing for Prometheus unless they run this loop (prometheus-client is 1 MB).
        from punchcard.observability.metrics import WALLET_PUSHES

        errors = []
        for pusher in self.pushers:
            wallet = type(pusher).__name__.removesuffix("Pusher").lower()  # apple, google
            try:
                await pusher.push(self.db, ref)
            except Exception as exc:
                log.warning("wallet push of %s failed: %r", ref.card_id, exc)
                errors.append(f"{type(pusher).__name__}: {exc!r}")
                WALLET_PUSHES.labels(wallet, "failed").inc()
            else:
                WALLET_PUSHES.labels(wallet, "succeeded").inc()
        await self._settle(ref, "; ".join(errors) or None)
        async with self.progress:
            self.pushed += 1
            self.progress.notify_all()

    async def _settle(self, ref: PassRef, error: str | None) -> None:
        """Done, or due again later; a newer version (changed while pushing) stays due now."""
        same_version = (
            (passes.c.business_id == ref.business_id)
            & (passes.c.id == ref.card_id)
            & (passes.c.updated_at == ref.updated_at)
        )
        async with self.db.transaction() as session:
            if error is None:
                values: dict[str, Any] = {
                    "push_due_at": None,
                    "push_attempts": 0,
                    "push_error": None,
                }
            else:
                attempts = (
                    await session.scalar(select(passes.c.push_attempts).where(same_version))
                ) or 0
                gave_up = attempts + 1 >= MAX_ATTEMPTS
                values = {
                    "push_due_at": None if gave_up else utcnow() + backoff(attempts),
                    "push_attempts": attempts + 1,
                    "push_error": error[:2000],
                }
            await session.execute(update(passes).where(same_version).values(**values))
