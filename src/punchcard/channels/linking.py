"""Linking a messenger account to a customer: the web card hands out a one-time token inside the
provider's deep link; the provider brings it back (Telegram "/start <token>", Viber's
``context``, a WhatsApp message carrying it), and the account is linked to the card's customer.

A token is 32 random URL-safe characters; only its SHA-256 is stored. It expires after
``PUNCHCARD_CHANNEL_LINK_MINUTES`` and is spent by one conditional UPDATE, so it links once.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import insert, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.channels.adapter import ChannelType
from punchcard.channels.models import LinkToken
from punchcard.config import get_settings
from punchcard.db.base import table_of
from punchcard.kit.ids import new_id
from punchcard.wallet import i18n

tokens = table_of(LinkToken)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode(errors="replace")).hexdigest()


async def issue(
    session: AsyncSession, business_id: str, customer_id: str, channel: ChannelType, now: datetime
) -> str:
    token = secrets.token_urlsafe(24)  # 32 characters: within Telegram's 64 for /start
    minutes = get_settings().channel_link_minutes
    await session.execute(
        insert(tokens).values(
            business_id=business_id,
            id=new_id("lnk"),
            token_hash=_digest(token),
            customer_id=customer_id,
            channel=channel,
            expires_at=now + timedelta(minutes=minutes),
            used_at=None,
        )
    )
    return token


async def spend(
    session: AsyncSession, business_id: str, channel: ChannelType, token: str, now: datetime
) -> str | None:
    """The customer the token links, once; None for a spent, expired or unknown token."""
    spent = await session.execute(
        update(tokens)
        .where(
            tokens.c.business_id == business_id,
            tokens.c.token_hash == _digest(token),
            tokens.c.channel == channel,
            tokens.c.used_at.is_(None),
            tokens.c.expires_at > now,
        )
        .values(used_at=now)
        .returning(tokens.c.customer_id)
    )
    row = spent.first()
    return str(row.customer_id) if row is not None else None


def deep_link(channel: ChannelType, account: dict[str, object], token: str, language: str) -> str:
    """Where the customer's button leads: the provider's app, carrying the token."""
    # Here, not at the top: the adapters import their HTTP clients (see channels.registry)
    from punchcard.channels import telegram, viber, whatsapp

    if channel == "telegram":
        return telegram.deep_link(account, token)
    if channel == "viber":
        return viber.deep_link(account, token)
    assert channel == "whatsapp"
    return whatsapp.deep_link(account, i18n.text(language, "whatsapp_opt_in", code=token))
