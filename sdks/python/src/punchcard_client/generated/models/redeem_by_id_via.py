from enum import StrEnum


class RedeemByIdVia(StrEnum):
    API = "api"
    POS = "pos"
    STAFF_SCANNER = "staff_scanner"

    def __str__(self) -> str:
        return str(self.value)
