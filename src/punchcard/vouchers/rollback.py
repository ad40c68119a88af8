"""Undo a redemption (a wrong scan, a cancelled order) within a window: exactly once."""

from datetime import timedelta
from typing import Any

from sqlalchemy import Row, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.config import get_settings
from punchcard.events import service as events
from punchcard.kit.clock import isoformat_z, utcnow
from punchcard.kit.errors import Conflict, Forbidden
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers.code_schemas import RollbackIn
from punchcard.vouchers.service import get_voucher, vouchers
from punchcard.vouchers.voucher_events import voucher_event

_CLEARED = {
    "status": "issued",
    "redeemed_at": None,
    "redeemed_location_id": None,
    "redeemed_staff_id": None,
    "redeemed_via": None,
}


async def rollback_redemption(
    session: AsyncSession, actor: Actor, voucher_id: str, *, data: RollbackIn
) -> Row[Any]:
    actor.require(Permission.VOUCHERS_REDEEM)
    location_id = await acting_location(session, actor, data.location_id)
    # Locked: the redemption read here is the one undone, however many requests race for it.
    old = await get_voucher(session, actor, voucher_id, lock=True)
    if old.status != "redeemed":
        raise Conflict(
            "voucher_not_redeemed", f"Voucher '{voucher_id}' is not redeemed: nothing to roll back."
        )
    if actor.location_id is not None and old.redeemed_location_id != actor.location_id:
        raise Forbidden(
            "location_forbidden", "Staff bound to a location undo redemptions made there only."
        )
    now = utcnow()
    minutes = get_settings().redemption_rollback_minutes
    if old.redeemed_at <= now - timedelta(minutes=minutes):
        raise Conflict(
            "rollback_window_passed",
            f"Voucher '{voucher_id}' was redeemed more than {minutes} minutes ago.",
            redeemed_at=isoformat_z(old.redeemed_at),
            window_minutes=minutes,
        )
    statement = (
        update(vouchers)
        .where(vouchers.c.business_id == actor.business_id, vouchers.c.id == voucher_id)
        .values(_CLEARED)
        .returning(*vouchers.c)
    )
    row = (await session.execute(statement)).one()
    undone = {
        "redeemed_at": isoformat_z(old.redeemed_at),
        "redeemed_via": old.redeemed_via,
        "location_id": old.redeemed_location_id,
        "staff_id": old.redeemed_staff_id,
        "reason": data.reason,
    }
    event = await voucher_event(
        session,
        "voucher_redemption_rolled_back",
        row,
        at=now,
        location_id=location_id,
        staff_id=actor.staff_id,
        redemption=undone,
    )
    await events.record(session, [event])
    return row
