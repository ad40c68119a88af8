"""What both sides of a referral share: issuing a side's reward voucher, the referral as event
payloads describe it, and writing a side's event."""

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.repository import Holder
from punchcard.codes.pool import CodePoolEmpty, record_pool_empty
from punchcard.events import service as events
from punchcard.events.payloads import Part, event_row, voucher_part
from punchcard.kit.clock import isoformat_z
from punchcard.kit.errors import Conflict
from punchcard.vouchers.models import Voucher
from punchcard.vouchers.service import issue_from_template, templates_by_id


async def issue_reward(
    session: AsyncSession,
    *,
    business_id: str,
    template_id: str,
    customer_id: str,
    card_id: str | None,
    referral_id: str,
    now: datetime,
) -> tuple[Voucher | None, str | None]:
    """(voucher, None), or (None, why not) when the template cannot issue now (its code pool
    is empty, its code space full): the referral itself still stands, so the voucher gets a
    savepoint of its own instead of failing the stamp, join or redemption it rides on."""
    templates = await templates_by_id(session, business_id, {template_id}, archived=True)
    try:
        async with session.begin_nested():
            voucher = await issue_from_template(
                session,
                business_id=business_id,
                template=templates[template_id],
                customer_id=customer_id,
                card_id=card_id,
                goal_index=None,
                now=now,
                metadata={"referral_id": referral_id},
            )
    except CodePoolEmpty as empty:
        await record_pool_empty(session, empty, now)
        return None, empty.detail
    except Conflict as refused:
        return None, refused.detail
    return voucher, None


def referral_part(
    referral: Any, program_name: str, referrer: Part, referee: Part, status: str
) -> Part:
    """The ``referral`` key of referral events: who brought whom, in which program."""
    return {
        "id": referral.id,
        "referral_program": {"id": referral.referral_program_id, "name": program_name},
        "code": referral.code,
        "via": referral.via,
        "status": status,
        "joined_at": isoformat_z(referral.joined_at),
        "referrer": referrer,
        "referee": referee,
        "referee_card_id": referral.referee_card_id,
    }


async def record_event(
    session: AsyncSession,
    event_type: str,
    *,
    business_id: str,
    at: datetime,
    location_id: str | None,
    staff_id: str | None,
    side: Holder,
    voucher: Voucher | None,
    **details: Any,
) -> None:
    """A side's referral event (``side``: who it is about) with their reward, and the
    reward's own ``voucher_issued``."""
    common: dict[str, Any] = {
        "business_id": business_id,
        "at": at,
        "location_id": location_id,
        "staff_id": staff_id,
        "customer": side.customer,
        "card": side.card,
    }
    part = voucher_part(voucher) if voucher else None
    rows = [event_row(event_type, **common, voucher=part, **details)]
    if part is not None:
        rows.append(event_row("voucher_issued", **common, voucher=part))
    await events.record(session, rows)
