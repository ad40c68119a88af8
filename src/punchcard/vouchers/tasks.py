"""The expiry sweep: each voucher past its expiry is marked expired and `voucher_expired` is
emitted once, however many processes sweep at the same time."""

import asyncio
import logging
from datetime import datetime

from sqlalchemy import select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.db.engine import Database
from punchcard.events import service as events
from punchcard.kit.clock import utcnow
from punchcard.kit.unavailable import QuietLog
from punchcard.vouchers.service import vouchers
from punchcard.vouchers.voucher_events import voucher_event

log = logging.getLogger("punchcard")


async def expire_due(session: AsyncSession, now: datetime, batch_size: int) -> int:
    """Expire one batch; the conditional UPDATE decides, SKIP LOCKED keeps sweepers apart."""
    due = (
        select(vouchers.c.business_id, vouchers.c.id)
        .where(vouchers.c.status == "issued", vouchers.c.expires_at <= now)
        .limit(batch_size)
        .with_for_update(skip_locked=True)
    )
    statement = (
        update(vouchers)
        .where(tuple_(vouchers.c.business_id, vouchers.c.id).in_(due))
        .where(vouchers.c.status == "issued")
        .values(status="expired")
        .returning(*vouchers.c)
    )
    rows = (await session.execute(statement)).all()
    expired = [
        await voucher_event(
            session, "voucher_expired", row, at=now, location_id=None, staff_id=None
        )
        for row in rows
    ]
    await events.record(session, expired)
    return len(rows)


async def sweep(db: Database, batch_size: int) -> int:
    """Every voucher due now, one transaction per batch; returns how many this sweeper expired."""
    total = 0
    while True:
        async with db.transaction() as session:
            done = await expire_due(session, utcnow(), batch_size)
        total += done
        if done < batch_size:
            return total


async def sweep_forever(db: Database, settings: Settings) -> None:
    outage = QuietLog(log, "voucher expiry sweep")
    while True:
        try:
            await sweep(db, settings.voucher_expiry_batch_size)
        except Exception as exc:  # a database hiccup must not end the loop
            outage.step_failed(exc, "voucher expiry sweep failed; will retry")
        else:
            outage.recovered()
        await asyncio.sleep(settings.voucher_expiry_sweep_seconds)
