"""What a message needs to know about its recipients, read for a whole batch at once: the
customer, the card it talks about (of the campaign's program, else the newest active one),
their channel rows and wallet card (for ``channels.reach.decide``), and the variables a
template renders with."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.campaigns.rendering import Variables
from punchcard.cards.models import Card
from punchcard.cards.progress import standing as progress
from punchcard.channels.adapter import ChannelType
from punchcard.channels.models import ChannelConfig, CustomerChannel
from punchcard.channels.reach import Standing
from punchcard.config import get_settings
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.programs.models import Program
from punchcard.wallet import web_link
from punchcard.wallet.models import WalletPass

cards = table_of(Card)
customers = table_of(Customer)
customer_channels = table_of(CustomerChannel)
programs = table_of(Program)
passes = table_of(WalletPass)


@dataclass(frozen=True)
class Holder:
    customer: Row[Any]  # the customers row
    card: Row[Any] | None  # the card the message is about, with its program's name and goals
    standing: Standing  # for channels.reach.decide


async def holders(
    session: AsyncSession,
    business_id: str,
    customer_ids: Collection[str],
    channel: ChannelType,
    program_id: str | None,
) -> dict[str, Holder]:
    """Every customer of ``customer_ids`` that still exists, in four queries."""
    if not customer_ids:
        return {}
    ids = list(customer_ids)
    # Customers and their channel rows as plain rows (Core, read-only): ORM objects cost
    # more CPU than the rest of reading them, for a batch read for every message sent.
    found = {
        customer.id: customer
        for customer in await session.execute(
            select(customers).where(customers.c.business_id == business_id, customers.c.id.in_(ids))
        )
    }
    configs = {
        config.type: config
        for config in await session.scalars(
            select(ChannelConfig).where(
                ChannelConfig.business_id == business_id, ChannelConfig.type == channel
            )
        )
    }
    rows = {
        row.customer_id: row
        for row in await session.execute(
            select(customer_channels).where(
                customer_channels.c.business_id == business_id,
                customer_channels.c.customer_id.in_(ids),
                customer_channels.c.channel == channel,
            )
        )
    }
    now = utcnow()
    query = (
        select(
            cards,
            programs.c.name.label("program_name"),
            programs.c.goals,
            passes.c.id.label("held"),
        )
        .join(
            programs,
            (programs.c.business_id == cards.c.business_id) & (programs.c.id == cards.c.program_id),
        )
        .outerjoin(
            passes, (passes.c.business_id == cards.c.business_id) & (passes.c.id == cards.c.id)
        )
        .where(
            cards.c.business_id == business_id,
            cards.c.customer_id.in_(ids),
            cards.c.status == "active",
            or_(cards.c.expires_at.is_(None), cards.c.expires_at > now),
        )
        .order_by(cards.c.issued_at)
    )
    if program_id is not None:
        query = query.where(cards.c.program_id == program_id)
    newest: dict[str, Row[Any]] = {}
    held: dict[str, str] = {}
    for card in await session.execute(query):
        newest[card.customer_id] = card  # issued later wins
        if card.held is not None:
            held[card.customer_id] = card.id
    return {
        customer_id: Holder(
            customer,
            newest.get(customer_id),
            Standing(
                customer,
                configs,
                {channel: rows[customer_id]} if customer_id in rows else {},
                held.get(customer_id),
            ),
        )
        for customer_id, customer in found.items()
    }


def card_link(business_id: str, card: Row[Any]) -> str:
    base = get_settings().public_url.rstrip("/")
    return base + web_link.path(business_id, card.id, card.web_link_nonce)


def variables(
    business_name: str,
    holder: Holder,
    *,
    voucher: Any = None,
    unsubscribe_link: str | None = None,
) -> Variables:
    customer, card = holder.customer, holder.card
    name = customer.name or None
    fields: dict[str, Any] = {
        "business_name": business_name,
        "customer_name": name,
        "first_name": name.split()[0] if name else None,
        "unsubscribe_link": unsubscribe_link,
    }
    if card is not None:
        where = progress(card.stamps, list(card.goals))
        fields |= {
            "program_name": card.program_name,
            "stamps": card.stamps,
            "lifetime_stamps": card.lifetime_stamps,
            "next_reward": (where.next_goal or {}).get("title") or None,
            "stamps_to_next_reward": where.stamps_to_next_goal,
            "card_link": card_link(customer.business_id, card),
        }
    if voucher is not None:
        fields |= {
            "voucher_title": voucher.title,
            "voucher_code": voucher.redeem_code,
            "voucher_expires_on": voucher.expires_at.date().isoformat()
            if voucher.expires_at
            else None,
        }
    return Variables(**fields)
