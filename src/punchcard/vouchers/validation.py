"""Check a redeem code without redeeming it: what a redemption would do right now."""

from sqlalchemy.ext.asyncio import AsyncSession

from punchcard.businesses.service import acting_location
from punchcard.cards.repository import load_holder
from punchcard.kit.clock import isoformat_z
from punchcard.kit.errors import Conflict, NotFound
from punchcard.staff.actor import Actor, Permission
from punchcard.vouchers import service
from punchcard.vouchers.code_schemas import ValidateCode, ValidationOut
from punchcard.vouchers.schemas import VoucherOut


async def validate(session: AsyncSession, actor: Actor, *, data: ValidateCode) -> ValidationOut:
    """Never changes state; picks the voucher exactly as redeem-by-code would."""
    actor.require(Permission.VOUCHERS_READ)
    await acting_location(session, actor, data.location_id)
    try:
        voucher_id = await service.voucher_for_code(
            session,
            actor.business_id,
            data.code,
            card_id=data.card_id,
            customer_id=data.customer_id,
        )
    except (NotFound, Conflict) as refusal:
        return ValidationOut(
            code=data.code,
            redeemable=False,
            reason=refusal.code,  # voucher_not_found or redeem_code_ambiguous
            detail=refusal.detail,
            voucher=None,
            customer=None,
            card=None,
        )
    voucher = VoucherOut.model_validate(await service.get_voucher(session, actor, voucher_id))
    holder = await load_holder(session, actor.business_id, voucher.customer_id, voucher.card_id)
    reason, detail = None, None
    if voucher.status == "redeemed":
        assert voucher.redeemed_at is not None
        reason = "voucher_already_redeemed"
        detail = f"Redeemed at {isoformat_z(voucher.redeemed_at)} via {voucher.redeemed_via}."
    elif voucher.status == "expired":  # VoucherOut reads an issued voucher past expiry as expired
        assert voucher.expires_at is not None
        reason, detail = "voucher_expired", f"Expired at {isoformat_z(voucher.expires_at)}."
    return ValidationOut.model_validate(
        {
            "code": data.code,
            "redeemable": reason is None,
            "reason": reason,
            "detail": detail,
            "voucher": voucher,
            "customer": holder.customer,
            "card": holder.card,
        }
    )
