"""Standard Webhooks (standardwebhooks.com) signatures: ``v1,`` base64 HMAC-SHA256 over
``{webhook-id}.{webhook-timestamp}.{body}``, keyed by the base64 part of a ``whsec_`` secret."""

import base64
import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = b"%s.%d.%s" % (message_id.encode(), timestamp, body)
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signature_header(
    secrets_in_use: list[str], message_id: str, timestamp: int, body: bytes
) -> str:
    """One signature per active secret (two while a rotation overlaps), space-separated."""
    return " ".join(sign(secret, message_id, timestamp, body) for secret in secrets_in_use)
