from enum import StrEnum


class ListRunsStatusType0(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
