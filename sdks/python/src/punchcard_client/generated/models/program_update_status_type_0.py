from enum import StrEnum


class ProgramUpdateStatusType0(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"

    def __str__(self) -> str:
        return str(self.value)
