"""A card's web-card link, ``/c/{business_id}/{card_id}/{token}``: the token stands in for a
login. It is an HMAC, under the server's secret key, of the card id and the card's link nonce
(``cards.web_link_nonce``), so the database alone holds no working link, and rotating a link
is a new random nonce: the old link stops working at once, and the secret key (which also
seals stored secrets) stays. Cards whose link was never rotated have no nonce."""

import hmac
import secrets

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.cards.models import Card
from punchcard.kit.crypto import token_for
from punchcard.kit.errors import not_found
from punchcard.wallet.models import WalletPass
from punchcard.wallet.sync import bump_versions

PURPOSE = "web-card"


def token(card_id: str, nonce: str | None) -> str:
    return token_for(PURPOSE, f"{card_id}:{nonce}" if nonce else card_id)


def path(business_id: str, card_id: str, nonce: str | None = None) -> str:
    return f"/c/{business_id}/{card_id}/{token(card_id, nonce)}"


def matches(card_id: str, nonce: str | None, offered: str) -> bool:
    # As bytes: compare_digest refuses non-ASCII str, and a token from a URL may be anything.
    return hmac.compare_digest(token(card_id, nonce).encode(), offered.encode())


async def nonce_of(
    session: AsyncSession, business_id: str, card_id: str
) -> tuple[bool, str | None]:
    """(whether the card exists, its link nonce)."""
    row = (
        await session.execute(
            select(Card.web_link_nonce).where(Card.business_id == business_id, Card.id == card_id)
        )
    ).one_or_none()
    return (False, None) if row is None else (True, row[0])


async def rotate(session: AsyncSession, business_id: str, card_id: str) -> str:
    """A new link for the card (its path); the old one stops working when this commits. The
    wallet passes that show the link get a new version, so they are pushed with the new one."""
    nonce = secrets.token_urlsafe(16)
    changed = await session.execute(
        update(Card)
        .where(Card.business_id == business_id, Card.id == card_id)
        .values(web_link_nonce=nonce)
        .returning(Card.id)
    )
    if changed.first() is None:
        raise not_found("card", card_id)
    await bump_versions(
        session, (WalletPass.business_id == business_id) & (WalletPass.id == card_id)
    )
    return path(business_id, card_id, nonce)
