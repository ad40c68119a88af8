from enum import StrEnum


class AutomationInReminderType0(StrEnum):
    EXPIRING = "expiring"
    UNREDEEMED = "unredeemed"

    def __str__(self) -> str:
        return str(self.value)
