from enum import StrEnum


class AppleSigningOutSource(StrEnum):
    BUSINESS = "business"
    SETTINGS = "settings"

    def __str__(self) -> str:
        return str(self.value)
