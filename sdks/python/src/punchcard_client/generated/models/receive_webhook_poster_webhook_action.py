from enum import StrEnum


class ReceiveWebhookPosterWebhookAction(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    TRANSFORMED = "transformed"

    def __str__(self) -> str:
        return str(self.value)
