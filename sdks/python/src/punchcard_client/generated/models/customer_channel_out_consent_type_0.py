from enum import StrEnum


class CustomerChannelOutConsentType0(StrEnum):
    GRANTED = "granted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
