from enum import StrEnum


class AutomationOutReminderType0(StrEnum):
    EXPIRING = "expiring"
    UNREDEEMED = "unredeemed"

    def __str__(self) -> str:
        return str(self.value)
