from enum import StrEnum


class ReferralJoinOutStatus(StrEnum):
    JOINED = "joined"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
