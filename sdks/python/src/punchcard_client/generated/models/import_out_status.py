from enum import StrEnum


class ImportOutStatus(StrEnum):
    ABORTED = "aborted"
    CHECKED = "checked"
    COMPLETED = "completed"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
