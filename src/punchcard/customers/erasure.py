"""GDPR erasure: everything that identifies a customer goes; what they did stays, anonymous.

The customer row stays as an anonymous shell (its id keeps cards, stamps, vouchers and
redemptions counting in every total), without source_id, email, phone, name, birthday,
metadata or consent. Copies of those elsewhere go too: the customer parts of past events
(source_id, and whole profiles in customer_updated), the identifiers POS sales were matched
by, the staged rows of CSV imports that named them, and their channel addresses (email,
messenger accounts). Wallet passes of their cards are
pushed again, so a pass no longer shows their name."""

from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.channels.models import CustomerChannel, LinkToken
from punchcard.customers.repository import BLANK, customers
from punchcard.db.base import table_of
from punchcard.events.models import Event
from punchcard.imports.models import ImportRow
from punchcard.kit.sql import rows_table
from punchcard.pos.models import PosSale
from punchcard.wallet.sync import bump_versions, passes

cards = table_of(Card)
events = table_of(Event)
sales = table_of(PosSale)
import_rows = table_of(ImportRow)
channel_rows = table_of(CustomerChannel)
link_tokens = table_of(LinkToken)
ERASED_PROFILE = ("source_id", "email", "phone", "name", "birthday", "marketing_consent_at")


def erased_values(now: datetime) -> dict[str, Any]:
    # Their channel rows go (below), and so does what channels.flags mirrors of them.
    return {**BLANK, "channel_flags": 0, "updated_at": now, "erased_at": now}


def _scrubbed(payload: dict[str, Any]) -> dict[str, Any]:
    payload = {**payload}
    if payload.get("customer"):
        payload["customer"] = {**payload["customer"], "source_id": None}
    if payload.get("profile"):
        gone = dict.fromkeys(ERASED_PROFILE)
        payload["profile"] = {**payload["profile"], **gone, "metadata": {}}
        payload["profile"]["marketing_consent"] = False
    return payload


async def _scrub_events(session: AsyncSession, business_id: str, customer_id: str) -> None:
    query = select(events.c.id, events.c.payload).where(
        events.c.business_id == business_id, events.c.customer_id == customer_id
    )
    rows = [(row.id, _scrubbed(row.payload)) for row in await session.execute(query)]
    if rows:
        given = rows_table(session, events, ("id", "payload"), rows)
        await session.execute(
            update(events)
            .where(events.c.business_id == business_id, events.c.id == given.c.id)
            .values(payload=given.c.payload)
        )


async def _scrub_import_rows(session: AsyncSession, customer: Any) -> None:
    """The staged lines that made or named the customer (by their id, source_id or email;
    phones are written too many ways to be found)."""
    data = import_rows.c.data
    named = [import_rows.c.record_id == customer.id]
    if customer.source_id:
        named.append(data["source_id"].as_string() == customer.source_id)
    if customer.email:
        named.append(func.lower(data["email"].as_string()) == customer.email)
    await session.execute(
        update(import_rows)
        .where(import_rows.c.business_id == customer.business_id, or_(*named))
        .values(data={}, errors=[])
    )


async def erase(
    session: AsyncSession, business_id: str, customer_id: str, now: datetime
) -> Any | None:
    """Erase a customer; returns them as they were, or None if there is no such customer."""
    mine = and_(customers.c.business_id == business_id, customers.c.id == customer_id)
    customer = (
        await session.execute(
            select(customers).where(mine, customers.c.erased_at.is_(None)).with_for_update()
        )
    ).one_or_none()
    if customer is None:
        return None
    await session.execute(update(customers).where(mine).values(erased_values(now)))
    await _scrub_events(session, business_id, customer_id)
    await session.execute(
        update(sales)
        .where(sales.c.business_id == business_id, sales.c.customer_id == customer_id)
        .values(identifiers=[])
    )
    await _scrub_import_rows(session, customer)
    # Their addresses on each channel (email, WhatsApp number, Telegram chat, Viber user) and
    # any messenger link in flight; the log of consent changes stays, as it names nobody now.
    for table in (channel_rows, link_tokens):
        await session.execute(
            delete(table).where(
                table.c.business_id == business_id, table.c.customer_id == customer_id
            )
        )
    their_cards = select(cards.c.id).where(
        cards.c.business_id == business_id, cards.c.customer_id == customer_id
    )
    await bump_versions(
        session, and_(passes.c.business_id == business_id, passes.c.id.in_(their_cards))
    )
    return customer
