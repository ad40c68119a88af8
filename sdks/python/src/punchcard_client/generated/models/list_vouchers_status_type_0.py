from enum import StrEnum


class ListVouchersStatusType0(StrEnum):
    EXPIRED = "expired"
    ISSUED = "issued"
    PLAYED = "played"
    REDEEMED = "redeemed"

    def __str__(self) -> str:
        return str(self.value)
