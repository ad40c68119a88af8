from enum import StrEnum


class ProgramUpdateAfterLastGoalType0(StrEnum):
    CONTINUE = "continue"
    RESTART = "restart"

    def __str__(self) -> str:
        return str(self.value)
