"""The join form's known-customer hook (``pages.join.CardLinkSender``): the customer whose email
or phone was typed gets their card link at the address on file, as a transactional delivery
the worker sends after the join commits (never during the request). At most
``card_link_limit_per_customer`` per window, so the form cannot be used to flood someone."""

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.campaigns.models import Delivery
from punchcard.channels.adapter import ChannelType
from punchcard.channels.models import ChannelConfig, CustomerChannel
from punchcard.config import get_settings
from punchcard.customers.models import Customer
from punchcard.db.base import table_of
from punchcard.kit import ratelimit
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from punchcard.pages.join import KnownCustomer

deliveries = table_of(Delivery)
# Where the link goes, first that works: the email on file, then a linked messenger.
PREFERENCE: tuple[ChannelType, ...] = ("email", "telegram", "viber", "whatsapp")


async def _channel(session: AsyncSession, customer: Customer) -> ChannelType | None:
    configured = set(
        await session.scalars(
            select(ChannelConfig.type).where(ChannelConfig.business_id == customer.business_id)
        )
    )
    linked = set(
        await session.scalars(
            select(CustomerChannel.channel).where(
                CustomerChannel.business_id == customer.business_id,
                CustomerChannel.customer_id == customer.id,
                CustomerChannel.address.is_not(None),
            )
        )
    )
    for channel in PREFERENCE:
        address = customer.email if channel == "email" else (channel in linked or None)
        if channel in configured and address:
            return channel
    return None


class DeliveryCardLinkSender:
    async def send_card_link(self, session: AsyncSession, known: KnownCustomer) -> None:
        settings = get_settings()
        limit = ratelimit.Limit(
            "card-link-customer",
            settings.card_link_limit_per_customer,
            settings.card_link_limit_window_seconds,
        )
        customer = await session.get(Customer, (known.business_id, known.customer_id))
        if customer is None:
            return
        channel = await _channel(session, customer)
        if channel is None:  # nowhere to send it: the join's answer says nothing either way
            return
        try:
            async with session.begin_nested():
                await ratelimit.count_hit(
                    session, limit, known.customer_id, business_id=known.business_id
                )
        except ratelimit.RateLimited:
            return
        now = utcnow()
        await session.execute(
            insert(deliveries).values(
                business_id=known.business_id,
                id=new_id("dlv"),
                campaign_id=None,
                purpose="card_link",
                customer_id=known.customer_id,
                channel=channel,
                program_id=known.program_id,
                language=known.language,
                status="queued",
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
