"""A customer's channels as the customer API shows them, and consents as the business records
them (``PATCH /v1/customers/{id}``), with their history."""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels import consent
from punchcard.channels.adapter import CHANNEL_TYPES
from punchcard.channels.models import ConsentChange
from punchcard.channels.reach import Reach, address_on, decide, standing, window_open_until
from punchcard.channels.schemas import CustomerPatch
from punchcard.customers.matching import Customer  # a customers row
from punchcard.customers.service import get_customer
from punchcard.kit.clock import utcnow
from punchcard.kit.pagination import PageParams, newest_first, to_page
from punchcard.staff.actor import Actor, Permission


async def channels_of(session: AsyncSession, customer: Customer) -> dict[str, dict[str, Any]]:
    """Each channel: the address, consent, and whether a marketing and a transactional message
    would go ('send') or why not (a WhatsApp message assumed to have a template)."""
    found = await standing(session, customer.business_id, customer.id, CHANNEL_TYPES)
    assert found is not None
    now, shown = utcnow(), dict[str, dict[str, Any]]()
    for channel in CHANNEL_TYPES:
        row = found.rows.get(channel)
        verdicts = {
            kind: decide(found, channel, kind, has_template=True, now=now)
            for kind in ("marketing", "transactional")
        }
        shown[channel] = {
            "address": address_on(found, channel),
            "linked_at": row.linked_at if row is not None else None,
            "consent": row.consent if row is not None else None,
            "consent_source": row.consent_source if row is not None else None,
            "consent_at": row.consent_at if row is not None else None,
            "window_open_until": window_open_until(row) if channel == "whatsapp" else None,
            **{
                kind: "send" if isinstance(verdict, Reach) else verdict.reason
                for kind, verdict in verdicts.items()
            },
        }
    return shown


async def record_consents(
    session: AsyncSession, actor: Actor, customer_id: str, data: CustomerPatch
) -> Customer:
    actor.require(Permission.CUSTOMERS_WRITE)
    customer = await get_customer(session, actor, customer_id)
    await consent.record(session, customer, data.consents, "api")
    return customer


async def consent_changes(
    session: AsyncSession, actor: Actor, customer_id: str, params: PageParams
) -> tuple[list[ConsentChange], str | None]:
    customer = await get_customer(session, actor, customer_id)
    query = select(ConsentChange).where(
        ConsentChange.business_id == actor.business_id, ConsentChange.customer_id == customer.id
    )
    rows = list((await session.scalars(newest_first(query, ConsentChange.id, params))).all())
    return to_page(rows, params, lambda row: row.id)
