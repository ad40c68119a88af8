from enum import StrEnum


class ImportOutKind(StrEnum):
    CARDS = "cards"
    CUSTOMERS = "customers"

    def __str__(self) -> str:
        return str(self.value)
