"""Channels by type: adding a provider means adding a module and a line here.

The adapters are imported on first use: they bring their providers' clients (aiohttp, httpx,
aiosmtplib, APNs), about 15 MB resident that a server process which never sends does without.
"""

import sys
from functools import cache

from punchcard.channels.adapter import Channel, ChannelType


@cache
def _channels() -> dict[ChannelType, Channel]:
    from punchcard.channels.smtp import EmailChannel
    from punchcard.channels.telegram import TelegramChannel
    from punchcard.channels.viber import ViberChannel
    from punchcard.channels.wallet_push import WalletChannel
    from punchcard.channels.whatsapp import WhatsAppChannel

    kinds: dict[ChannelType, type[Channel]] = {
        "wallet": WalletChannel,
        "email": EmailChannel,
        "telegram": TelegramChannel,
        "whatsapp": WhatsAppChannel,
        "viber": ViberChannel,
    }
    return {kind: adapter() for kind, adapter in kinds.items()}


def adapter_for(channel: ChannelType) -> Channel:
    return _channels()[channel]


async def close() -> None:
    """Close this process's open provider connections (HTTP keep-alive, SMTP), if it opened
    any: a module never imported holds none."""
    for name in ("punchcard.channels.http", "punchcard.channels.smtp"):
        module = sys.modules.get(name)
        if module is not None:
            await module.close()
