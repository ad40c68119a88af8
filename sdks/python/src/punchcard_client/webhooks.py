"""Verify a webhook Punchcard sent: Standard Webhooks signatures (``webhook-id``,
``webhook-timestamp``, ``webhook-signature``), HMAC-SHA256 keyed by the endpoint's ``whsec_``
secret, within five minutes of its timestamp. During a secret rotation Punchcard signs with both
secrets: either verifies."""

from collections.abc import Mapping
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

__all__ = ["WebhookVerificationError", "verify_webhook"]


def verify_webhook(secret: str, body: bytes | str, headers: Mapping[str, str]) -> Any:
    """The delivery's JSON payload, once its signature is Punchcard's; raises
    ``WebhookVerificationError`` otherwise. Pass the raw body, before any JSON parsing."""
    try:
        return Webhook(secret).verify(body, dict(headers))
    except (ValueError, UnicodeDecodeError) as malformed:  # a signature that is not base64
        raise WebhookVerificationError(str(malformed)) from malformed
