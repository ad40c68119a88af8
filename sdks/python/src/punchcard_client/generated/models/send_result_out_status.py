from enum import StrEnum


class SendResultOutStatus(StrEnum):
    FAILED = "failed"
    RETRY = "retry"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
