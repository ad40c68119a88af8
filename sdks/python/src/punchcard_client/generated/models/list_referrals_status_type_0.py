from enum import StrEnum


class ListReferralsStatusType0(StrEnum):
    CONVERTED = "converted"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
