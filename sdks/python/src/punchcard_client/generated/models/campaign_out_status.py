from enum import StrEnum


class CampaignOutStatus(StrEnum):
    CANCELLED = "cancelled"
    DRAFT = "draft"
    PAUSED = "paused"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
