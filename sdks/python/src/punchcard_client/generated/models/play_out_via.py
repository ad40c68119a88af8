from enum import StrEnum


class PlayOutVia(StrEnum):
    API = "api"
    POS = "pos"
    STAFF_SCANNER = "staff_scanner"
    WEB_CARD = "web_card"

    def __str__(self) -> str:
        return str(self.value)
