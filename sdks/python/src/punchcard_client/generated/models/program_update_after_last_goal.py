from enum import StrEnum


class ProgramUpdateAfterLastGoal(StrEnum):
    CONTINUE = "continue"
    RESTART = "restart"

    def __str__(self) -> str:
        return str(self.value)
