"""The event table is the outbox: services append rows in their own transaction."""

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.db.base import table_of
from punchcard.events.models import Event
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff.actor import Actor, Permission

_events = table_of(Event)


async def record(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Append events in one round trip, inside the caller's transaction."""
    if rows:
        await session.execute(insert(_events), rows)


async def page_of(
    session: AsyncSession,
    business_id: str,
    params: PageParams,
    *,
    event_type: str | None = None,
    card_id: str | None = None,
    customer_id: str | None = None,
    voucher_id: str | None = None,
    location_id: str | None = None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Payloads newest first; the card history is this list filtered by card."""
    query = select(_events.c.id, _events.c.payload).where(_events.c.business_id == business_id)
    filters = {
        _events.c.type: event_type,
        _events.c.card_id: card_id,
        _events.c.customer_id: customer_id,
        _events.c.voucher_id: voucher_id,
        _events.c.location_id: location_id,
    }
    for column, value in filters.items():
        if value is not None:
            query = query.where(column == value)
    rows = list((await session.execute(newest_first(query, _events.c.id, params))).all())
    page, cursor = to_page(rows, params, lambda row: row.id)
    return [row.payload for row in page], cursor


async def list_events(
    session: AsyncSession, actor: Actor, params: PageParams, **filters: str | None
) -> tuple[list[dict[str, Any]], str | None]:
    actor.require(Permission.EVENTS_READ)
    # Staff bound to a location see what happened there (an event of the business as a whole,
    # or of another location, may name other locations' customers, staff and sales).
    return await page_of(
        session, actor.business_id, params, location_id=actor.location_id, **filters
    )
