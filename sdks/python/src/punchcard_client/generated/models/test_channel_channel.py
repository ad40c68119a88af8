from enum import StrEnum


class TestChannelChannel(StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"
    VIBER = "viber"
    WALLET = "wallet"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
