from enum import StrEnum


class Role(StrEnum):
    MANAGER = "manager"
    OWNER = "owner"
    SCANNER = "scanner"

    def __str__(self) -> str:
        return str(self.value)
