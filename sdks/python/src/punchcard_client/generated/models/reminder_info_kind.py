from enum import StrEnum


class ReminderInfoKind(StrEnum):
    EXPIRING = "expiring"
    UNREDEEMED = "unredeemed"

    def __str__(self) -> str:
        return str(self.value)
