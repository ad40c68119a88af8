"""The web card's wallet buttons: each shown only when that wallet is set up, and the public
links behind them (the card's token stands in for a login)."""

import logging

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings, get_settings
from punchcard.kit.errors import Conflict, NotFound
from punchcard.kit.http import AppSettings, Session, database
from punchcard.pages.common import NEUTRAL, Visiting, WebCardLink
from punchcard.pages.templating import message_page
from punchcard.wallet.apple.passes import MEDIA_TYPE as PKPASS
from punchcard.wallet.apple.passes import pkpass_for_card
from punchcard.wallet.apple.signing import signing_identity
from punchcard.wallet.google import service as google
from punchcard.wallet.google.config import GoogleWalletSetupError, google_wallet_config

log = logging.getLogger("punchcard")
router = APIRouter(include_in_schema=False)


async def apple_ready(session: AsyncSession, settings: Settings, business_id: str) -> bool:
    try:
        return await signing_identity(session, settings, business_id) is not None
    except (ValueError, TypeError):  # unreadable certificate or key: no button, not a 500
        log.warning("Apple Wallet signing identity of %s is unusable", business_id, exc_info=True)
        return False


def google_ready() -> bool:
    # Google Wallet reads the process settings (PUNCHCARD_GOOGLE_WALLET_*), as its own API does.
    try:
        return google_wallet_config(get_settings()) is not None
    except GoogleWalletSetupError:
        log.warning("Google Wallet settings are unusable", exc_info=True)
        return False


@router.get("/c/{business_id}/{card_id}/{token}/pass.pkpass")
async def apple_pass(
    link: WebCardLink, session: Session, settings: AppSettings, visitor: Visiting
) -> Response:
    """The card's Apple Wallet pass (Safari offers to add it)."""
    if not await link.valid(session):
        return visitor.not_found("not_found_card")
    try:
        made = await pkpass_for_card(session, settings, link.business_id, link.card_id)
    except (NotFound, Conflict):  # no such card, or Apple Wallet is not set up
        return visitor.not_found("not_found_card")
    return Response(
        made.content,
        media_type=PKPASS,
        headers={
            "Content-Disposition": 'attachment; filename="card.pkpass"',
            "Cache-Control": "private, no-store",
        },
    )


@router.get("/c/{business_id}/{card_id}/{token}/google")
async def google_wallet(link: WebCardLink, request: Request, visitor: Visiting) -> Response:
    """303 to Google's "save" page; no transaction is held while Google answers."""
    db, settings = database(request), get_settings()
    async with db.transaction() as session:
        valid = await link.valid(session)
    if not valid:
        return visitor.not_found("not_found_card")
    try:
        url = await google.google_save_url(db, settings, link.business_id, link.card_id)
    except (NotFound, Conflict):
        return visitor.not_found("not_found_card")
    except google.GoogleWalletFailed:
        return message_page(visitor.language(), NEUTRAL, "wallet_down_title", "wallet_down", 502)
    return RedirectResponse(url, status_code=303)
