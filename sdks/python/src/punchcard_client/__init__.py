"""Python client for the Punchcard loyalty API.

The calls and models are generated from Punchcard's OpenAPI document
(``punchcard_client.generated.api`` and ``punchcard_client.generated.models``); this layer adds
the client (``connect``), retries, idempotency keys, typed errors and webhook verification.
"""

from punchcard_client.client import connect, ok
from punchcard_client.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    PunchcardError,
    RateLimited,
    ServerError,
    Unauthorized,
)
from punchcard_client.retries import Retry
from punchcard_client.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "BadRequest",
    "Conflict",
    "Forbidden",
    "NotFound",
    "PunchcardError",
    "RateLimited",
    "Retry",
    "ServerError",
    "Unauthorized",
    "WebhookVerificationError",
    "connect",
    "ok",
    "verify_webhook",
]
