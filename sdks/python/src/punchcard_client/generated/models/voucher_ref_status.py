from enum import StrEnum


class VoucherRefStatus(StrEnum):
    EXPIRED = "expired"
    ISSUED = "issued"
    PLAYED = "played"
    REDEEMED = "redeemed"

    def __str__(self) -> str:
        return str(self.value)
