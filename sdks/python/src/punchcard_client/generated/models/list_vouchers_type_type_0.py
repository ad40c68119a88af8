from enum import StrEnum


class ListVouchersTypeType0(StrEnum):
    LOTTERY = "lottery"
    VOUCHER = "voucher"

    def __str__(self) -> str:
        return str(self.value)
