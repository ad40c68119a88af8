from enum import StrEnum


class ValidationOutReasonType0(StrEnum):
    REDEEM_CODE_AMBIGUOUS = "redeem_code_ambiguous"
    VOUCHER_ALREADY_REDEEMED = "voucher_already_redeemed"
    VOUCHER_EXPIRED = "voucher_expired"
    VOUCHER_NOT_FOUND = "voucher_not_found"

    def __str__(self) -> str:
        return str(self.value)
