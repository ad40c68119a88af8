from enum import StrEnum


class ProgramCreateAfterLastGoal(StrEnum):
    CONTINUE = "continue"
    RESTART = "restart"

    def __str__(self) -> str:
        return str(self.value)
