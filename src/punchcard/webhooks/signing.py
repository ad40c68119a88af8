"""Standard Webhooks (standardwebhooks.com) signatures: ``v1,`` base64 HMAC-SHA256 over
``{webhook-id}.{webhook-timestamp}.{body}``, keyed by the base64 part of a ``whsec_`` secret."""

import base64
import hmac
import secrets
from functools import lru_cache

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


@lru_cache(maxsize=4096)
def _key(secret: str) -> bytes:
    """Decoded once per secret, not once per delivery (the secret is the whole cache key)."""
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX))


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = b"%s.%d.%s" % (message_id.encode(), timestamp, body)
    return "v1," + base64.b64encode(hmac.digest(_key(secret), signed, "sha256")).decode()


def signature_header(
    secrets_in_use: list[str], message_id: str, timestamp: int, body: bytes
) -> str:
    """One signature per active secret (two while a rotation overlaps), space-separated."""
    return " ".join(sign(secret, message_id, timestamp, body) for secret in secrets_in_use)
