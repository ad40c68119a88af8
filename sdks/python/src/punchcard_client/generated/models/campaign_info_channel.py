from enum import StrEnum


class CampaignInfoChannel(StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"
    VIBER = "viber"
    WALLET_PUSH = "wallet_push"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)
