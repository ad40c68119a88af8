from enum import StrEnum


class AudienceReachableOnType0(StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"
    VIBER = "viber"
    WALLET = "wallet"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
