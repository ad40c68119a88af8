from enum import StrEnum


class CardOpenedWallet(StrEnum):
    APPLE = "apple"
    GOOGLE = "google"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
