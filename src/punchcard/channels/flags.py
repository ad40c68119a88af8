"""A customer's standing on the channels, mirrored as bits on their row
(``customers.channel_flags``), so an audience filters a million customers on consent and reach
without joining ``customer_channels`` (``campaigns.audiences``; wallets: ``cards.in_wallet``).

The rows stay the record; the bits follow them in the same transaction. Whoever changes a
customer's channel row takes the customer's row first (``turn`` to the state the channel row
will have, or ``lock`` when that depends on the channel row), so two writers of one customer
take turns and the bits always say what the committed rows say.
"""

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels.adapter import ChannelType
from punchcard.customers.models import Customer
from punchcard.db.base import table_of

customers = table_of(Customer)
# Marketing consent granted on the channel (its row's consent is 'granted').
CONSENT: dict[ChannelType, int] = {
    "email": 1,
    "wallet": 2,
    "telegram": 4,
    "whatsapp": 8,
    "viber": 16,
}
# A messenger address is linked (its row's address is set).
LINKED: dict[ChannelType, int] = {"telegram": 32, "whatsapp": 64, "viber": 128}
BITS = (*CONSENT.values(), *LINKED.values())


def _customer(business_id: str, customer_id: str) -> ColumnElement[bool]:
    return and_(customers.c.business_id == business_id, customers.c.id == customer_id)


def has(bits: int) -> ColumnElement[bool]:
    """The customer's row has every one of ``bits``: one test per bit, each the expression
    PostgreSQL keeps statistics on (migration 0025), so it knows how many customers pass."""
    flags = customers.c.channel_flags
    return and_(*(flags.bitwise_and(bit) == bit for bit in BITS if bits & bit))


async def lock(session: AsyncSession, business_id: str, customer_id: str) -> None:
    """Take the customer's row before changing their channel rows (FOR NO KEY UPDATE: cards
    and channel rows referencing the customer can still be written meanwhile)."""
    await session.execute(
        select(customers.c.id)
        .where(_customer(business_id, customer_id))
        .with_for_update(key_share=True)
    )


async def turn(
    session: AsyncSession, business_id: str, customer_id: str, bits: int, on: bool
) -> None:
    """Set (``on``) or clear ``bits`` on the customer's row."""
    flags = customers.c.channel_flags
    value = flags.bitwise_or(bits) if on else flags.bitwise_and(~bits)
    await session.execute(
        update(customers).where(_customer(business_id, customer_id)).values(channel_flags=value)
    )
