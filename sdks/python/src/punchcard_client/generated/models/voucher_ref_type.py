from enum import StrEnum


class VoucherRefType(StrEnum):
    LOTTERY = "lottery"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
