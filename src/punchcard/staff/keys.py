"""API key material: ``pc_sk_`` + 43 url-safe characters (256 bits); stored as SHA-256."""

import hashlib
import secrets

PREFIX = "pc_sk_"


def generate() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def mask(last4: str) -> str:
    return f"{PREFIX}{'•' * 8}{last4}"
