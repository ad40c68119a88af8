from enum import StrEnum


class ConfigureChannelEmailInTransactional(StrEnum):
    REQUIRE_CONSENT = "require_consent"
    SEND = "send"

    def __str__(self) -> str:
        return str(self.value)
