"""The unsubscribe link in every message to a customer: ``/unsubscribe/{business}/{customer}/
{channel}/{token}``, the token an HMAC of the three under the server's secret key (nothing
stored, nothing guessable, valid as long as the customer exists). A POST withdraws that channel's
marketing consent (RFC 8058 one-click: mail clients POST ``List-Unsubscribe=One-Click``); a GET
only shows a page with the button, since mail scanners open links."""

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.models import Business
from punchcard.channels import consent
from punchcard.channels.adapter import ChannelType
from punchcard.config import get_settings
from punchcard.customers.models import Customer
from punchcard.kit.crypto import token_for, token_matches
from punchcard.kit.errors import NotFound

PURPOSE = "unsubscribe"


def _subject(business_id: str, customer_id: str, channel: str) -> str:
    return f"{business_id}:{customer_id}:{channel}"


def unsubscribe_path(business_id: str, customer_id: str, channel: ChannelType) -> str:
    token = token_for(PURPOSE, _subject(business_id, customer_id, channel))
    return f"/unsubscribe/{business_id}/{customer_id}/{channel}/{token}"


def unsubscribe_url(business_id: str, customer_id: str, channel: ChannelType) -> str:
    base = get_settings().public_url.rstrip("/")
    return base + unsubscribe_path(business_id, customer_id, channel)


async def business_name(
    session: AsyncSession, business_id: str, customer_id: str, channel: str, token: str
) -> str:
    """The business an unsubscribe link is from; 404 unless the link is one we made for a
    customer who exists."""
    if not token_matches(PURPOSE, _subject(business_id, customer_id, channel), token):
        raise NotFound("unsubscribe_link_not_found", "This unsubscribe link is not valid.")
    if await session.get(Customer, (business_id, customer_id)) is None:
        raise NotFound("unsubscribe_link_not_found", "This unsubscribe link is not valid.")
    business = await session.get(Business, business_id)
    return business.name if business is not None else ""


async def unsubscribe(
    session: AsyncSession, business_id: str, customer_id: str, channel: ChannelType, token: str
) -> str:
    """Withdraw the channel's marketing consent (again: idempotent); the business's name."""
    name = await business_name(session, business_id, customer_id, channel, token)
    await consent.set_consent(session, business_id, customer_id, channel, False, "unsubscribe_link")
    return name
