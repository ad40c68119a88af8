"""Google Wallet's settings, checked once: the issuer, the service account and where to call.

cryptography is imported when the key is parsed: only where Google Wallet is set up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from punchcard.config import Settings

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

DEFAULT_TOKEN_URL = "https://oauth2.googleapis.com/token"


@dataclass(frozen=True)
class ServiceAccount:
    client_email: str
    private_key: RSAPrivateKey
    private_key_id: str | None  # the JWT "kid": which of the account's keys signed
    token_uri: str


@dataclass(frozen=True)
class GoogleWalletConfig:
    issuer_id: str
    account: ServiceAccount
    api_base_url: str
    token_url: str
    origins: tuple[str, ...]
    public_url: str
    timeout_seconds: float
    callback_keys_url: str


class GoogleWalletSetupError(ValueError):
    """The Google Wallet settings are present but unusable (says which and why)."""


def google_wallet_config(settings: Settings) -> GoogleWalletConfig | None:
    """The configuration, or None when Google Wallet is not set up (issuer or key missing)."""
    if not settings.google_wallet_issuer_id or not settings.google_wallet_service_account:
        return None
    account = service_account(settings.google_wallet_service_account)
    public_url = settings.public_url.rstrip("/")
    return GoogleWalletConfig(
        issuer_id=settings.google_wallet_issuer_id,
        account=account,
        api_base_url=settings.google_wallet_api_base_url.rstrip("/"),
        token_url=settings.google_wallet_token_url or account.token_uri,
        origins=tuple(settings.google_wallet_origins) or (_origin(public_url),),
        public_url=public_url,
        timeout_seconds=settings.google_wallet_timeout_seconds,
        callback_keys_url=settings.google_wallet_callback_keys_url,
    )


@lru_cache
def service_account(source: str) -> ServiceAccount:
    """The key from its JSON text or a path to the JSON key file (parsed once: signing is hot)."""
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    text = source if source.lstrip().startswith("{") else _read(source)
    try:
        key = json.loads(text)
        private_key = load_pem_private_key(key["private_key"].encode(), password=None)
        client_email = str(key["client_email"])
    except (ValueError, KeyError, TypeError) as exc:
        raise GoogleWalletSetupError(
            "PUNCHCARD_GOOGLE_WALLET_SERVICE_ACCOUNT is not a service-account JSON key with "
            f"client_email and an RSA private_key: {exc!r}"
        ) from exc
    if not isinstance(private_key, RSAPrivateKey):
        raise GoogleWalletSetupError("The Google service account key must be an RSA key.")
    return ServiceAccount(
        client_email=client_email,
        private_key=private_key,
        private_key_id=key.get("private_key_id"),
        token_uri=str(key.get("token_uri") or DEFAULT_TOKEN_URL),
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError as exc:
        raise GoogleWalletSetupError(
            f"Cannot read the Google service account key file {path!r}: {exc.strerror}."
        ) from exc


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
