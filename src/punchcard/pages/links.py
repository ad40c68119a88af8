"""Public links: a program's join page (and its printable QR), a card's web card."""

from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import get_settings
from punchcard.kit.crypto import token_for
from punchcard.programs.service import get_program
from punchcard.staff.actor import Actor
from punchcard.vouchers import rendering

QrType = Literal["png", "svg", "pdf"]
QR_MEDIA_TYPES: dict[QrType, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
}


WEB_CARD = "web-card"  # the token purpose of web-card links


def card_path(business_id: str, card_id: str) -> str:
    return f"/c/{business_id}/{card_id}/{token_for(WEB_CARD, card_id)}"


async def join_url(session: AsyncSession, actor: Actor, program_id: str) -> str:
    """The public join page of a program of the actor's business (404 if there is none)."""
    program = await get_program(session, actor, program_id)
    base = get_settings().public_url.rstrip("/")
    return f"{base}/join/{actor.business_id}/{program.id}"


def join_qr(url: str, image_type: QrType, size: int) -> bytes:
    """The QR code of ``url``, about ``size`` pixels (PNG, SVG) or points (PDF) wide."""
    return rendering.qr(url, image_type, max(1, size // rendering.qr_modules(url)))
