"""A card's Apple Wallet pass, signed and ready to send (staff download, PassKit web service)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.kit.errors import Conflict
from punchcard.wallet.apple.package import build_pkpass
from punchcard.wallet.apple.signing import signing_identity
from punchcard.wallet.view import load_pass_view

MEDIA_TYPE = "application/vnd.apple.pkpass"


@dataclass(frozen=True)
class Pkpass:
    content: bytes
    last_modified: datetime  # the pass version (PassView.updated_at)
    pass_type_identifier: str


async def pkpass_for_card(
    session: AsyncSession, settings: Settings, business_id: str, card_id: str
) -> Pkpass:
    """The card's .pkpass; 404 ``card_not_found``, 409 ``apple_wallet_not_configured``."""
    view = await load_pass_view(session, business_id, card_id)
    identity = await signing_identity(session, settings, business_id)
    if identity is None:
        raise Conflict(
            "apple_wallet_not_configured",
            "Apple Wallet is not set up: upload a pass certificate "
            "(PUT /v1/wallet/apple-signing) or set PUNCHCARD_APPLE_* on the server.",
        )
    return Pkpass(
        build_pkpass(view, identity, settings), view.updated_at, identity.pass_type_identifier
    )
