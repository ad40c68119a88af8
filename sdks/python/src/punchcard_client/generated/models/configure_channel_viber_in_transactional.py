from enum import StrEnum


class ConfigureChannelViberInTransactional(StrEnum):
    REQUIRE_CONSENT = "require_consent"
    SEND = "send"

    def __str__(self) -> str:
        return str(self.value)
