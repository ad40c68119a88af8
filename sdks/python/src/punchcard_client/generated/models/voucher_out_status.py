from enum import StrEnum


class VoucherOutStatus(StrEnum):
    EXPIRED = "expired"
    ISSUED = "issued"
    PLAYED = "played"
    REDEEMED = "redeemed"

    def __str__(self) -> str:
        return str(self.value)
