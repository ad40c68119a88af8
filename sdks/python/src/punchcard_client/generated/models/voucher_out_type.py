from enum import StrEnum


class VoucherOutType(StrEnum):
    LOTTERY = "lottery"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
