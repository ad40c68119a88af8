"""Public links: a program's join page (and its printable QR), a card's web card."""

from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.config import get_settings
from punchcard.programs.service import get_program
from punchcard.staff.actor import Actor
from punchcard.vouchers import rendering

QrType = Literal["png", "svg", "pdf"]
QR_MEDIA_TYPES: dict[QrType, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
}


def qr_openapi(description: str) -> dict[str, Any]:
    """The OpenAPI answer of a QR image route, in each of its media types."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {"description": description, "content": dict.fromkeys(QR_MEDIA_TYPES.values(), binary)}


async def join_url(session: AsyncSession, actor: Actor, program_id: str) -> str:
    """The public join page of a program of the actor's business (404 if there is none)."""
    program = await get_program(session, actor, program_id)
    return public_url(f"/join/{actor.business_id}/{program.id}")


def public_url(path: str) -> str:
    return get_settings().public_url.rstrip("/") + path


def join_qr(url: str, image_type: QrType, size: int) -> bytes:
    """The QR code of ``url``, about ``size`` pixels (PNG, SVG) or points (PDF) wide."""
    return rendering.qr(url, image_type, max(1, size // rendering.qr_modules(url)))
