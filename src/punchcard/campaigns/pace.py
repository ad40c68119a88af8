"""A provider's send rate per account (Telegram: 30 messages a second per bot), shared by every
worker process, so that two workers together never exceed it.

Each account's pace is one row: when its next free send slot starts, on the database's clock
(the workers' own clocks may disagree). A sender needing slots takes a block of them with one
upsert, which moves the row on by the block's length, then spaces its sends over that block:
blocks never overlap, whoever takes them. A 429's ``retry_after`` moves the row on for
everyone. A slot missed by more than one interval is dropped (another worker may own that time
by now): an unused slot slows sending down, it never speeds it up.
"""

import asyncio
import time
from collections import deque

from sqlalchemy import Float, String, cast, extract, func
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement

from punchcard.db.base import Base, table_of
from punchcard.db.engine import Database
from punchcard.kit.sql import upsert

BLOCK_SECONDS = 0.25  # slots taken per round trip to the database: a quarter second's worth
UNIX_EPOCH_JULIAN_DAY = 2440587.5


class SendPace(Base):
    """The start of one account's next free send slot, in seconds since 1970 (database clock)."""

    __tablename__ = "send_paces"

    business_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_at: Mapped[float] = mapped_column(Float)


paces = table_of(SendPace)


def _clock(dialect: str) -> ColumnElement[float]:
    """The database's time in seconds since 1970, the same throughout one statement."""
    if dialect == "postgresql":
        return cast(extract("epoch", func.statement_timestamp()), Float)
    return (func.julianday("now") - UNIX_EPOCH_JULIAN_DAY) * 86400.0


class Pace:
    """At most ``rate`` sends a second for one account, across every process that sends for it."""

    def __init__(self, db: Database, business_id: str, channel_id: str, rate: float) -> None:
        self.db = db
        self.key = {"business_id": business_id, "channel_id": channel_id}
        self.interval = 1.0 / rate
        self.block = max(1, round(rate * BLOCK_SECONDS))
        self.slots: deque[float] = deque()  # ours, in time.monotonic()
        self.lock = asyncio.Lock()

    async def slot(self) -> None:
        """Wait for this process's next slot (taking a block from the database when out)."""
        async with self.lock:
            missed = time.monotonic() - self.interval
            while self.slots and self.slots[0] < missed:
                self.slots.popleft()
            if not self.slots:
                await self._take()
            at = self.slots.popleft()
        delay = at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    async def hold(self, seconds: float) -> None:
        """The provider asked to wait (429 ``retry_after``): nobody sends before then."""
        async with self.lock:  # no block taken before the hold is handed out after it
            self.slots.clear()
            await self._move(seconds, 0.0)

    async def _take(self) -> None:
        span = self.block * self.interval
        start_in = await self._move(0.0, span)
        base = time.monotonic() + start_in
        self.slots.extend(base + n * self.interval for n in range(self.block))

    async def _move(self, wait: float, span: float) -> float:
        """The row moves on to ``max(its time, now + wait) + span``; returns in how many
        seconds the ``span`` taken starts."""
        async with self.db.transaction() as session:
            dialect = session.get_bind().dialect.name
            now = _clock(dialect)
            latest = func.greatest if dialect == "postgresql" else func.max
            free = latest(paces.c.next_at, now + wait)
            statement = upsert(
                paces,
                dialect,
                {**self.key, "next_at": now + wait + span},
                key=["business_id", "channel_id"],
                changes={"next_at": free + span},
            ).returning(paces.c.next_at - span - now)
            return float((await session.execute(statement)).scalar_one())
