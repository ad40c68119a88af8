from enum import StrEnum


class ExportCsvKind(StrEnum):
    CARDS = "cards"
    CUSTOMERS = "customers"
    REDEMPTIONS = "redemptions"
    VOUCHERS = "vouchers"

    def __str__(self) -> str:
        return str(self.value)
