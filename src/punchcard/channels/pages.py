"""The customer's side of channels on the public pages: the web card's "Get updates on Telegram
/ Viber / WhatsApp" buttons (each a one-time link into the messenger) and the unsubscribe page
(RFC 8058 one-click: a POST withdraws, a GET shows the button)."""

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.channels import linking, unsubscribe
from punchcard.channels.adapter import CHANNEL_TYPES, MESSENGERS, ChannelType
from punchcard.channels.models import ChannelConfig, CustomerChannel
from punchcard.customers.models import Customer
from punchcard.kit import ratelimit
from punchcard.kit.clock import utcnow
from punchcard.kit.errors import NotFound
from punchcard.kit.http import AppSettings, Session, database
from punchcard.pages.common import NEUTRAL, NO_STORE, Visiting, WebCardLink
from punchcard.pages.templating import page

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class ChannelButton:
    channel: str
    url: str
    label_key: str


async def card_buttons(
    session: AsyncSession, business_id: str, customer_id: str, here: str
) -> list[ChannelButton]:
    """A button for each messenger the business has set up and the customer has not linked;
    ``here`` is the web card's path."""
    configured = await session.scalars(
        select(ChannelConfig.type).where(
            ChannelConfig.business_id == business_id, ChannelConfig.type.in_(MESSENGERS)
        )
    )
    linked = set(
        await session.scalars(
            select(CustomerChannel.channel).where(
                CustomerChannel.business_id == business_id,
                CustomerChannel.customer_id == customer_id,
                CustomerChannel.address.is_not(None),
            )
        )
    )
    shown = set(configured) - linked
    return [
        ChannelButton(channel, f"{here}/connect/{channel}", f"updates_{channel}")
        for channel in MESSENGERS
        if channel in shown
    ]


@router.get("/c/{business_id}/{card_id}/{token}/connect/{channel}")
async def connect(
    channel: str,
    link: WebCardLink,
    request: Request,
    settings: AppSettings,
    session: Session,
    visitor: Visiting,
) -> Response:
    """303 into the messenger with a one-time token that links it to the card's customer."""
    # Each visit writes a link token: bounded per card like the link rotation (before
    # the request's own transaction: on SQLite it holds the write lock).
    limit = ratelimit.Limit("channel-link", settings.channel_links_per_card, 3600)
    try:
        await ratelimit.hit(database(request), limit, link.card_id, business_id=link.business_id)
    except ratelimit.RateLimited as refused:
        return visitor.too_many(refused)
    if channel not in MESSENGERS or not await link.valid(session):
        return visitor.not_found("not_found_card")
    customer_id = await session.scalar(
        select(Card.customer_id).where(
            Card.business_id == link.business_id, Card.id == link.card_id
        )
    )
    config = (
        await session.scalars(
            select(ChannelConfig).where(
                ChannelConfig.business_id == link.business_id, ChannelConfig.type == channel
            )
        )
    ).one_or_none()
    if customer_id is None or config is None:
        return visitor.not_found("not_found_card")
    messenger: ChannelType = config.type  # type: ignore[assignment]
    language = visitor.language()
    token = await linking.issue(session, link.business_id, customer_id, messenger, utcnow())
    return RedirectResponse(
        linking.deep_link(messenger, dict(config.account), token, language),
        status_code=303,
        headers=NO_STORE,
    )


async def _unsubscribe_page(
    session: AsyncSession,
    visitor: Visiting,
    ids: tuple[str, str, str, str],
    *,
    done: bool,
) -> Response:
    business_id, customer_id, channel, token = ids
    if channel not in CHANNEL_TYPES:
        return visitor.not_found("not_found_link")
    kind: ChannelType = channel
    try:
        if done:
            business = await unsubscribe.unsubscribe(session, business_id, customer_id, kind, token)
        else:
            business = await unsubscribe.business_name(
                session, business_id, customer_id, kind, token
            )
    except NotFound:
        return visitor.not_found("not_found_link")
    customer = await session.get(Customer, (business_id, customer_id))
    language = visitor.language(fallback=customer.language if customer else None)
    return page(
        "channels_unsubscribe.html",
        language=language,
        design=NEUTRAL,
        headers=NO_STORE,
        title=business,
        business=business,
        channel_name=f"channel_{channel}",
        done=done,
    )


@router.get("/unsubscribe/{business_id}/{customer_id}/{channel}/{token}")
async def unsubscribe_page(
    business_id: str,
    customer_id: str,
    channel: str,
    token: str,
    session: Session,
    visitor: Visiting,
) -> Response:
    ids = (business_id, customer_id, channel, token)
    return await _unsubscribe_page(session, visitor, ids, done=False)


@router.post("/unsubscribe/{business_id}/{customer_id}/{channel}/{token}")
async def unsubscribe_now(
    business_id: str,
    customer_id: str,
    channel: str,
    token: str,
    session: Session,
    visitor: Visiting,
) -> Response:
    """One click (RFC 8058): the link alone authorises it; the body (List-Unsubscribe=One-Click)
    is not needed. Idempotent."""
    ids = (business_id, customer_id, channel, token)
    return await _unsubscribe_page(session, visitor, ids, done=True)
