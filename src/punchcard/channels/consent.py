"""A customer on each channel: the address we reach them at there, and their marketing consent,
every change of which is logged with its source.

Each write is a conditional statement on the customer's row for the channel (created first if
missing, by INSERT ... ON CONFLICT DO NOTHING), so concurrent opt-ins and opt-outs never clash and
a change is logged exactly when it happened. Every change is mirrored on the customer's
``channel_flags`` (``channels.flags``), whose update comes first: it takes the customer's row.
"""

from datetime import datetime
from typing import Any, Literal

from sqlalchemy import and_, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels import flags
from punchcard.channels.adapter import CHANNEL_TYPES, ChannelType
from punchcard.channels.models import ChannelConfig, ConsentChange, CustomerChannel
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.kit.sql import insert_ignoring_conflicts

ConsentSource = Literal[
    "join_form",  # the join page's consent box
    "api",  # recorded by the business (POST or PATCH /v1/customers)
    "import",  # a CSV import by the business
    "messenger_link",  # the customer linked Telegram, Viber or WhatsApp from their card
    "inbound_stop",  # STOP, /stop, blocked the bot, unsubscribed in Viber
    "unsubscribe_link",  # the one-click link in a message
    "provider_blocked",  # the provider said the recipient blocked us or does not exist
]
rows = table_of(CustomerChannel)
changes = table_of(ConsentChange)
configs = table_of(ChannelConfig)


def _row(business_id: str, customer_id: str, channel: ChannelType) -> Any:
    return and_(
        rows.c.business_id == business_id,
        rows.c.customer_id == customer_id,
        rows.c.channel == channel,
    )


async def _ensure(
    session: AsyncSession, business_id: str, customer_id: str, channel: ChannelType, now: datetime
) -> None:
    values = {
        "business_id": business_id,
        "id": new_id("cch"),
        "customer_id": customer_id,
        "channel": channel,
        "updated_at": now,
    }
    dialect = session.get_bind().dialect.name
    await session.execute(insert_ignoring_conflicts(rows, dialect, values))


async def set_consent(
    session: AsyncSession,
    business_id: str,
    customer_id: str,
    channel: ChannelType,
    granted: bool,
    source: ConsentSource,
    now: datetime | None = None,
) -> bool:
    """Record the customer's consent on a channel; True if it changed (and was logged)."""
    now = now or utcnow()
    # First, as it takes the customer's row: the bit and the row end in the same state.
    await flags.turn(session, business_id, customer_id, flags.CONSENT[channel], granted)
    await _ensure(session, business_id, customer_id, channel, now)
    state = "granted" if granted else "withdrawn"
    changed = await session.execute(
        update(rows)
        .where(_row(business_id, customer_id, channel), rows.c.consent.is_distinct_from(state))
        .values(consent=state, consent_source=source, consent_at=now, updated_at=now)
        .returning(rows.c.id)
    )
    if changed.first() is None:
        return False
    await session.execute(
        insert(changes).values(
            business_id=business_id,
            id=new_id("cns"),
            customer_id=customer_id,
            channel=channel,
            granted=granted,
            source=source,
            at=now,
        )
    )
    return True


async def set_address(
    session: AsyncSession,
    business_id: str,
    customer_id: str,
    channel: ChannelType,
    address: str,
    now: datetime,
) -> None:
    """The customer is at ``address`` on the channel; whoever had it before no longer is (one
    Telegram chat, Viber user or WhatsApp number belongs to one customer)."""
    for attempt in range(2):
        try:
            async with session.begin_nested():
                await _drop_address(session, business_id, channel, address, now, customer_id)
                await flags.turn(session, business_id, customer_id, flags.LINKED[channel], True)
                await _ensure(session, business_id, customer_id, channel, now)
                await session.execute(
                    update(rows)
                    .where(_row(business_id, customer_id, channel))
                    .values(address=address, linked_at=now, updated_at=now)
                )
            return
        except IntegrityError:
            if attempt:  # a concurrent link of the same address won twice: let it
                raise


async def link(
    session: AsyncSession,
    business_id: str,
    customer_id: str,
    channel: ChannelType,
    address: str,
    now: datetime,
) -> None:
    """A messenger account linked by the customer: the address, and consent (linking from
    the card is the customer asking for updates there)."""
    await set_address(session, business_id, customer_id, channel, address, now)
    await set_consent(session, business_id, customer_id, channel, True, "messenger_link", now)


async def unlink(
    session: AsyncSession,
    business_id: str,
    channel: ChannelType,
    address: str,
    source: ConsentSource,
    now: datetime | None = None,
) -> str | None:
    """The person at ``address`` is gone from the channel (stopped, blocked us, unknown): the
    link is dropped and consent withdrawn. Returns the customer it belonged to, if any."""
    now = now or utcnow()
    customer_id = await _drop_address(session, business_id, channel, address, now)
    if customer_id is None:
        return None
    await set_consent(session, business_id, customer_id, channel, False, source, now)
    return customer_id


async def _drop_address(
    session: AsyncSession,
    business_id: str,
    channel: ChannelType,
    address: str,
    now: datetime,
    keeping: str | None = None,
) -> str | None:
    """Whoever is at ``address`` on the channel (other than ``keeping``) is no longer linked
    there. Returns them. Their row is found, then their customer (and ``keeping``) taken, then
    the link dropped if it is still theirs (an address that moved meanwhile is the caller's
    unique conflict)."""
    holder = select(rows.c.customer_id).where(
        rows.c.business_id == business_id, rows.c.channel == channel, rows.c.address == address
    )
    if keeping is not None:
        holder = holder.where(rows.c.customer_id != keeping)
    customer_id = await session.scalar(holder)
    if customer_id is None:
        return None
    # Both customers in one order: two customers swapping accounts at once never deadlock.
    for someone in sorted({customer_id, keeping or customer_id}):
        await flags.lock(session, business_id, someone)
    dropped = await session.execute(
        update(rows)
        .where(_row(business_id, customer_id, channel), rows.c.address == address)
        .values(address=None, linked_at=None, updated_at=now)
        .returning(rows.c.id)
    )
    if dropped.first() is None:
        return None
    await flags.turn(session, business_id, customer_id, flags.LINKED[channel], False)
    return str(customer_id)


async def note_activity(
    session: AsyncSession, business_id: str, channel: ChannelType, address: str, now: datetime
) -> str | None:
    """The person at ``address`` wrote to us (WhatsApp's 24-hour window opens); their customer."""
    found = await session.execute(
        update(rows)
        .where(
            rows.c.business_id == business_id,
            rows.c.channel == channel,
            rows.c.address == address,
        )
        .values(last_inbound_at=now, updated_at=now)
        .returning(rows.c.customer_id)
    )
    row = found.first()
    return str(row.customer_id) if row is not None else None


async def follow_general_consent(
    session: AsyncSession, customer: Customer, granted: bool, source: ConsentSource
) -> None:
    """``marketing_consent`` given (join form box, API): consent on the channels the customer's
    details reach now, email and wallet, and WhatsApp by their phone number when the business
    uses WhatsApp. Taken back: withdrawn on every channel."""
    business_id, now = customer.business_id, utcnow()
    if not granted:
        for channel in CHANNEL_TYPES:
            await set_consent(session, business_id, customer.id, channel, False, source, now)
        return
    if customer.email:
        await set_consent(session, business_id, customer.id, "email", True, source, now)
    await set_consent(session, business_id, customer.id, "wallet", True, source, now)
    if customer.phone and await _configured(session, business_id, "whatsapp"):
        await opt_in_number(session, customer, source, now)


async def opt_in_number(
    session: AsyncSession, customer: Customer, source: ConsentSource, now: datetime
) -> None:
    """WhatsApp opt-in by the customer's phone number."""
    if customer.phone:
        await set_address(
            session, customer.business_id, customer.id, "whatsapp", customer.phone, now
        )
    await set_consent(session, customer.business_id, customer.id, "whatsapp", True, source, now)


async def record(
    session: AsyncSession,
    customer: Customer,
    consents: dict[ChannelType, bool],
    source: ConsentSource,
) -> None:
    """Consents as the business records them, channel by channel."""
    now = utcnow()
    for channel, granted in consents.items():
        if channel == "whatsapp" and granted:
            await opt_in_number(session, customer, source, now)
        else:
            await set_consent(
                session, customer.business_id, customer.id, channel, granted, source, now
            )


async def _configured(session: AsyncSession, business_id: str, channel: ChannelType) -> bool:
    found = await session.scalar(
        select(configs.c.id).where(configs.c.business_id == business_id, configs.c.type == channel)
    )
    return found is not None
