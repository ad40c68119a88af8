from enum import StrEnum


class ListRowsStatusType0(StrEnum):
    APPLIED = "applied"
    FAILED = "failed"
    PENDING = "pending"
    SKIPPED = "skipped"

    def __str__(self) -> str:
        return str(self.value)
