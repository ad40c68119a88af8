"""Where deliveries may go: the outbound guard (kit.outbound) with the webhook settings, checked
when an endpoint is saved and again, on the resolved address, for every connection a send
opens."""

from punchcard.config import get_settings
from punchcard.kit import outbound


def check_url(url: str, field: str = "url") -> None:
    settings = get_settings()
    outbound.check_url(
        url,
        allow_private=settings.webhook_allow_private_networks,
        https_only=settings.webhook_https_only,
        field=field,
    )
