from enum import StrEnum


class AutomationOutKind(StrEnum):
    BIRTHDAY = "birthday"
    INACTIVITY = "inactivity"
    REWARD_REMINDER = "reward_reminder"
    WELCOME = "welcome"

    def __str__(self) -> str:
        return str(self.value)
