from enum import StrEnum


class ListCardsStatusType0(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"

    def __str__(self) -> str:
        return str(self.value)
