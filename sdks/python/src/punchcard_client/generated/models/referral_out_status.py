from enum import StrEnum


class ReferralOutStatus(StrEnum):
    CONVERTED = "converted"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
