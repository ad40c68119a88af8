"""An event about one voucher, with its holder (customer and card) as payloads describe them."""

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.repository import load_holder
from punchcard.events.payloads import event_row, voucher_part


async def voucher_event(
    session: AsyncSession,
    event_type: str,
    voucher: Any,
    *,
    at: datetime,
    location_id: str | None,
    staff_id: str | None,
    **details: Any,
) -> dict[str, Any]:
    holder = await load_holder(session, voucher.business_id, voucher.customer_id, voucher.card_id)
    return event_row(
        event_type,
        business_id=voucher.business_id,
        at=at,
        location_id=location_id,
        staff_id=staff_id,
        customer=holder.customer,
        card=holder.card,
        voucher=voucher_part(voucher),
        **details,
    )
