"""Channels by type: adding a provider means adding a module and a line here."""

from punchcard.channels import http, smtp
from punchcard.channels.adapter import Channel, ChannelType
from punchcard.channels.smtp import EmailChannel
from punchcard.channels.telegram import TelegramChannel
from punchcard.channels.viber import ViberChannel
from punchcard.channels.wallet_push import WalletChannel
from punchcard.channels.whatsapp import WhatsAppChannel

CHANNELS: dict[ChannelType, Channel] = {
    "wallet": WalletChannel(),
    "email": EmailChannel(),
    "telegram": TelegramChannel(),
    "whatsapp": WhatsAppChannel(),
    "viber": ViberChannel(),
}


async def close() -> None:
    """Close this process's open provider connections (HTTP keep-alive, SMTP)."""
    await http.close()
    await smtp.close()
