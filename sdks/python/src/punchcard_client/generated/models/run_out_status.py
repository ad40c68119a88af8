from enum import StrEnum


class RunOutStatus(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
