"""The boundary for providers' webhooks: verify the signature before anything else, read what the
call means, apply it in one short transaction, answer (Telegram and Viber take a reply).

What an inbound event does, whatever the provider: a link token links the account to the token's
customer (once; consent granted, source ``messenger_link``); a stop drops the link and withdraws
consent (``inbound_stop``); any other message notes the customer's activity (WhatsApp's 24-hour
window opens).
"""

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.channels import consent, linking
from punchcard.channels.adapter import (
    Activity,
    Answered,
    ChannelType,
    Inbound,
    InboundEvent,
    LinkRequest,
    Stop,
)
from punchcard.channels.models import ChannelConfig
from punchcard.channels.registry import adapter_for
from punchcard.channels.service import keys_of
from punchcard.customers.models import Customer
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import not_found
from punchcard.wallet import i18n


async def inbound_channel(session: AsyncSession, channel_id: str) -> ChannelConfig:
    """The channel a webhook URL names (no API key: the provider proves itself by signature)."""
    config = (
        await session.scalars(select(ChannelConfig).where(ChannelConfig.id == channel_id))
    ).one_or_none()
    if config is None:
        raise not_found("channel", channel_id)
    return config


async def verified(db: Database, channel_id: str, inbound: Inbound) -> ChannelConfig:
    """The channel, once the provider's signature on the call checks out (401 otherwise)."""
    async with db.transaction() as session:
        config = await inbound_channel(session, channel_id)
    adapter_for(config.type).verify(keys_of(config), inbound)  # type: ignore[arg-type]
    return config


async def receive(db: Database, channel_id: str, inbound: Inbound) -> dict[str, Any] | None:
    """Apply a provider's webhook call; the body to answer it with (None: an empty 200)."""
    config = await verified(db, channel_id, inbound)
    channel: ChannelType = config.type  # type: ignore[assignment]
    adapter = adapter_for(channel)
    events = adapter.events(inbound)
    if not events:
        return None
    async with db.transaction() as session:
        business = await session.get(Business, config.business_id)
        name = business.name if business is not None else ""
        answered = [await _apply(session, config, channel, event, name) for event in events]
    return adapter.answer(keys_of(config), answered)


async def _language(
    session: AsyncSession, business_id: str, customer_id: str | None, event: InboundEvent
) -> str:
    if customer_id is not None:
        customer = await session.get(Customer, (business_id, customer_id))
        if customer is not None and customer.language:
            return customer.language
    return getattr(event, "language", None) or i18n.DEFAULT


async def _apply(
    session: AsyncSession,
    config: ChannelConfig,
    channel: ChannelType,
    event: InboundEvent,
    business: str,
) -> Answered:
    business_id, now = config.business_id, utcnow()
    if isinstance(event, LinkRequest):
        customer_id = await linking.spend(session, business_id, channel, event.token, now)
        language = await _language(session, business_id, customer_id, event)
        if customer_id is None:
            return Answered(event, "link_invalid", i18n.text(language, "link_invalid_reply"))
        await consent.link(session, business_id, customer_id, channel, event.address, now)
        await consent.note_activity(session, business_id, channel, event.address, now)
        reply = i18n.text(language, f"linked_reply_{channel}", business=business)
        return Answered(event, "linked", reply)
    if isinstance(event, Stop):
        customer_id = await consent.unlink(
            session, business_id, channel, event.address, "inbound_stop", now
        )
        if customer_id is None:
            return Answered(event, "ignored", None)
        language = await _language(session, business_id, customer_id, event)
        return Answered(event, "stopped", i18n.text(language, "stopped_reply", business=business))
    assert isinstance(event, Activity)
    noted = await consent.note_activity(session, business_id, channel, event.address, now)
    return Answered(event, "noted" if noted else "ignored", None)
