from enum import StrEnum


class ConversionOutOn(StrEnum):
    POS_SALE = "pos_sale"
    REDEMPTION = "redemption"
    STAMP = "stamp"

    def __str__(self) -> str:
        return str(self.value)
