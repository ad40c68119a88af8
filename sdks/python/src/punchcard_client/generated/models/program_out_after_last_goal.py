from enum import StrEnum


class ProgramOutAfterLastGoal(StrEnum):
    CONTINUE = "continue"
    RESTART = "restart"

    def __str__(self) -> str:
        return str(self.value)
