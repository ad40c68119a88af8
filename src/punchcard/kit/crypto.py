"""Secrets the server must use again (webhook signing keys) are sealed with Fernet at rest;
tokens it must recognise again (wallet pass tokens) are HMACs under the same key.

The key comes from PUNCHCARD_SECRET_KEY; without it a key is generated once into
PUNCHCARD_SECRET_KEY_FILE so a laptop install works, and every process of that install
shares it. Production sets the variable (the same on every machine).

cryptography (about 9 MB resident) is imported when a secret is first sealed or unsealed:
a server process that only stamps and redeems never needs it.
"""

import base64
import hashlib
import hmac
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from punchcard.config import get_settings

if TYPE_CHECKING:
    from cryptography.fernet import Fernet

log = logging.getLogger("punchcard")


def _key_from_file(path: Path) -> bytes:
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        from cryptography.fernet import Fernet

        key = Fernet.generate_key()
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process won the race: use its key
            return path.read_bytes().strip()
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
        log.warning("generated a secret key in %s; set PUNCHCARD_SECRET_KEY in production", path)
        return key


@lru_cache
def _secret() -> bytes:
    settings = get_settings()
    key = settings.secret_key.encode() if settings.secret_key else None
    return key or _key_from_file(Path(settings.secret_key_file))


@lru_cache
def _fernet() -> "Fernet":
    from cryptography.fernet import Fernet

    return Fernet(_secret())


def token_for(purpose: str, subject: str) -> str:
    """An unguessable, stable token for ``subject`` (e.g. a card id), derived from the secret
    key: nothing to store, and tokens of one purpose are worthless for another."""
    digest = hmac.new(_secret(), f"{purpose}:{subject}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def same_secret(expected: str, offered: str) -> bool:
    """A constant-time comparison of what a client offers, whatever it holds: compared as
    bytes, as compare_digest refuses non-ASCII str (a TypeError, once a 500)."""
    return hmac.compare_digest(expected.encode(), offered.encode("utf-8", "surrogatepass"))


def token_matches(purpose: str, subject: str, token: str) -> bool:
    return same_secret(token_for(purpose, subject), token)


def seal(plaintext: str) -> str:
    return _fernet().encrypt(plaintext.encode()).decode()


def unseal(token: str) -> str:
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise RuntimeError(
            "cannot decrypt a stored secret: was PUNCHCARD_SECRET_KEY changed?"
        ) from exc
