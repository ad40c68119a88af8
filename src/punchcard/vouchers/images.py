"""A voucher's redeem code as an image, in the formats the voucher allows."""

import hashlib
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.kit.errors import Unprocessable
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import rendering
from punchcard.vouchers.service import get_voucher


@dataclass(frozen=True)
class CodeImage:
    body: bytes
    media_type: str
    etag: str


def _allowed(formats: list[str], wanted: str, voucher_id: str) -> None:
    if wanted not in formats:
        raise Unprocessable(
            "code_format_not_allowed",
            f"Voucher '{voucher_id}' may be shown as {', '.join(formats)}, not as {wanted}.",
            field="format",
            allowed=formats,
        )


async def code_text(session: AsyncSession, actor: Actor, voucher_id: str) -> str:
    voucher = await get_voucher(session, actor, voucher_id)
    _allowed(voucher.formats, "text", voucher_id)
    return str(voucher.redeem_code)


async def code_image(
    session: AsyncSession,
    actor: Actor,
    voucher_id: str,
    *,
    image_type: rendering.ImageType,
    symbology: rendering.Symbology,
    scale: int | None,
    height: int | None,
) -> CodeImage:
    actor.require(Permission.VOUCHERS_READ)
    voucher = await get_voucher(session, actor, voucher_id)
    _allowed(voucher.formats, rendering.VOUCHER_FORMAT[symbology], voucher_id)
    if height is not None and symbology == "qr":
        raise Unprocessable(
            "validation_error", "height applies to code128 and ean13 only.", field="height"
        )
    size = rendering.Size(
        scale or rendering.DEFAULT_SCALE[symbology], height or rendering.DEFAULT_BAR_HEIGHT
    )
    body = rendering.render(voucher.redeem_code, symbology, image_type, size)
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    return CodeImage(body, rendering.MEDIA_TYPES[image_type], etag)
