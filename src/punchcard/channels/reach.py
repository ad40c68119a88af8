"""May this message go to this customer on this channel, and where? The one answer campaigns and
automations ask for: ``Reach`` (send to an address) or ``Skip`` with a stable reason.

The rules, in order: the business has set the channel up; the customer has an address there (an
email; a linked Telegram chat or Viber user; a WhatsApp number they opted in with; a card held in
a wallet); consent: marketing needs it granted, transactional messages need it only when the
business's channel says ``require_consent``; WhatsApp outside the 24-hour window needs a template.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Row, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.channels.adapter import ChannelType, Keys, MessageKind, Recipient
from punchcard.channels.models import ChannelConfig, CustomerChannel
from punchcard.channels.service import keys_of
from punchcard.channels.unsubscribe import unsubscribe_url
from punchcard.customers.models import Customer
from punchcard.kit.clock import utcnow
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.models import WalletPass

SkipReason = Literal[
    "customer_not_found",
    "channel_not_configured",
    "not_linked",
    "no_consent",
    "unsubscribed",
    "outside_window_no_template",
]
WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Reach:
    """Send to ``recipient.address`` through the business's channel (``keys``)."""

    channel: ChannelType
    keys: Keys
    recipient: Recipient
    status: Literal["send"] = "send"


@dataclass(frozen=True)
class Skip:
    reason: SkipReason
    detail: str
    status: Literal["skipped"] = "skipped"


@dataclass(frozen=True)
class Standing:
    """What the rules need to know about one customer, read once for any number of channels."""

    # ORM objects, or rows of the same tables (a campaign's batch reads them as plain rows).
    customer: Customer | Row[Any]
    configs: dict[str, ChannelConfig]
    rows: Mapping[str, CustomerChannel | Row[Any]]
    wallet_card: str | None  # the card a wallet holds (the newest held, of the program if given)


async def standing(
    session: AsyncSession,
    business_id: str,
    customer_id: str,
    channels: tuple[ChannelType, ...],
    program_id: str | None = None,
) -> Standing | None:
    customer = await session.get(Customer, (business_id, customer_id))
    if customer is None:
        return None
    configs = await session.scalars(
        select(ChannelConfig).where(
            ChannelConfig.business_id == business_id, ChannelConfig.type.in_(channels)
        )
    )
    rows = await session.scalars(
        select(CustomerChannel).where(
            CustomerChannel.business_id == business_id,
            CustomerChannel.customer_id == customer_id,
            CustomerChannel.channel.in_(channels),
        )
    )
    card = None
    if "wallet" in channels:
        card = await _held_card(session, business_id, customer_id, program_id)
    return Standing(
        customer,
        {config.type: config for config in configs},
        {row.channel: row for row in rows},
        card,
    )


async def _held_card(
    session: AsyncSession, business_id: str, customer_id: str, program_id: str | None
) -> str | None:
    now = utcnow()
    query = (
        select(Card.id)
        .join(WalletPass, (WalletPass.business_id == Card.business_id) & (WalletPass.id == Card.id))
        .where(
            Card.business_id == business_id,
            Card.customer_id == customer_id,
            Card.status == "active",
            or_(Card.expires_at.is_(None), Card.expires_at > now),
        )
        .order_by(WalletPass.updated_at.desc())
        .limit(1)
    )
    if program_id is not None:
        query = query.where(Card.program_id == program_id)
    return await session.scalar(query)


def window_open_until(row: CustomerChannel | Row[Any] | None) -> datetime | None:
    if row is None or row.last_inbound_at is None:
        return None
    return row.last_inbound_at + WINDOW


def address_on(found: Standing, channel: ChannelType) -> str | None:
    if channel == "email":
        return found.customer.email
    if channel == "wallet":
        return found.wallet_card
    row = found.rows.get(channel)
    return row.address if row is not None else None


def decide(
    found: Standing,
    channel: ChannelType,
    kind: MessageKind,
    *,
    has_template: bool = False,
    now: datetime | None = None,
) -> Reach | Skip:
    customer = found.customer
    config = found.configs.get(channel)
    if config is None:
        return Skip("channel_not_configured", f"The business has not set up {channel}.")
    address = address_on(found, channel)
    if address is None:
        return Skip("not_linked", f"The customer has no {channel} address.")
    row = found.rows.get(channel)
    consent = row.consent if row is not None else None
    if kind == "marketing" or config.transactional == "require_consent":
        if consent == "withdrawn":
            return Skip("unsubscribed", f"The customer withdrew consent for {channel}.")
        if consent != "granted":
            return Skip("no_consent", f"The customer has not agreed to {channel} messages.")
    until = window_open_until(row)
    window_open = until is not None and until > (now or utcnow())
    if channel == "whatsapp" and not window_open and not has_template:
        return Skip(
            "outside_window_no_template",
            "The customer has not written within 24 hours and the message has no template.",
        )
    recipient = Recipient(
        address=address,
        name=customer.name,
        language=customer.language,
        unsubscribe_url=(
            unsubscribe_url(customer.business_id, customer.id, channel)
            if channel == "email"
            else None
        ),
        window_open=window_open,
    )
    return Reach(channel, keys_of(config), recipient)


async def reach(
    session: AsyncSession,
    actor: Actor,
    *,
    customer_id: str,
    channel: ChannelType,
    kind: MessageKind,
    has_template: bool = False,
    program_id: str | None = None,
) -> Reach | Skip:
    """Where a ``kind`` message goes to the customer on ``channel``, or why it does not.
    ``has_template``: the message can go as an approved provider template (WhatsApp outside
    the 24-hour window). ``program_id``: for wallet push, the program whose card shows it."""
    actor.require(Permission.CUSTOMERS_READ)
    found = await standing(session, actor.business_id, customer_id, (channel,), program_id)
    if found is None:
        return Skip("customer_not_found", f"No customer '{customer_id}' in this business.")
    return decide(found, channel, kind, has_template=has_template)
