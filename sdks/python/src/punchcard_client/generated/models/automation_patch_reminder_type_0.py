from enum import StrEnum


class AutomationPatchReminderType0(StrEnum):
    EXPIRING = "expiring"
    UNREDEEMED = "unredeemed"

    def __str__(self) -> str:
        return str(self.value)
