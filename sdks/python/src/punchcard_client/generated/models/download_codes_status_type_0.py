from enum import StrEnum


class DownloadCodesStatusType0(StrEnum):
    ASSIGNED = "assigned"
    AVAILABLE = "available"

    def __str__(self) -> str:
        return str(self.value)
