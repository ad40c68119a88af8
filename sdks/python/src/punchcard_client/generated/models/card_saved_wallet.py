from enum import StrEnum


class CardSavedWallet(StrEnum):
    APPLE = "apple"
    GOOGLE = "google"
    WEB = "web"

    def __str__(self) -> str:
        return str(self.value)
