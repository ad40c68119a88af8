"""A card's Apple Wallet pass, signed and ready to send (staff download, PassKit web service)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import Settings
from punchcard.kit.errors import Conflict
from punchcard.staff.actor import Actor, Permission
from punchcard.wallet.apple.package import build_pkpass
from punchcard.wallet.apple.signing import SigningIdentity, signing_identity
from punchcard.wallet.view import PassView, load_pass_view

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
    return pkpass_of(view, identity, settings)


def pkpass_of(view: PassView, identity: SigningIdentity, settings: Settings) -> Pkpass:
    return Pkpass(
        build_pkpass(view, identity, settings), view.updated_at, identity.pass_type_identifier
    )


async def staff_pkpass(
    session: AsyncSession, actor: Actor, settings: Settings, card_id: str
) -> Pkpass:
    """A card's pass for staff to send on by hand (not scanners)."""
    actor.require(Permission.WALLET_PASSES)
    return await pkpass_for_card(session, settings, actor.business_id, card_id)
