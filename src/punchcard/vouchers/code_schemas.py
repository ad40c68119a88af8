"""Public shapes of checking, drawing and undoing redeem codes."""

from typing import Literal

from pydantic import Field

from punchcard.events.catalogue import CardRef, CustomerRef
from punchcard.kit.schemas import Input, Output, Ref, Text
from punchcard.vouchers.schemas import Code, VoucherOut

NotRedeemable = Literal[
    "voucher_not_found", "redeem_code_ambiguous", "voucher_already_redeemed", "voucher_expired"
]


class ValidateCode(Input):
    code: Code
    card_id: Ref | None = Field(None, description="Needed when the code is a shared POS code.")
    customer_id: Ref | None = None
    location_id: Ref | None = None


class ValidationOut(Output):
    code: str
    redeemable: bool
    reason: NotRedeemable | None = Field(
        description="Why not redeemable: the error code a redemption would get now."
    )
    detail: str | None
    voucher: VoucherOut | None
    customer: CustomerRef | None
    card: CardRef | None


class RollbackIn(Input):
    location_id: Ref | None = None
    reason: Text | None = Field(None, examples=["Scanned the wrong voucher"])
