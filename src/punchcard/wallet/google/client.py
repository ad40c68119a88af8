"""The Google Wallet REST API (walletobjects v1), as far as loyalty cards need it.

Calls are authorised with an OAuth2 access token from the service account (JWT bearer grant,
RFC 7523), cached per account until shortly before it expires. Errors say what to do next:
``GoogleWalletUnavailable`` (network, 429, 5xx) means "try again later"; ``GoogleWalletError``
carries Google's own message.

httpx and jwt are imported by the first call (the caller's ``httpx.AsyncClient`` comes from
``service.wallet_client``): a server process that never calls Google does without them.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from punchcard.wallet.google.config import GoogleWalletConfig, ServiceAccount

if TYPE_CHECKING:
    import httpx

SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
ASSERTION_LIFETIME = 3600  # seconds: the longest Google accepts
REFRESH_MARGIN = 300  # seconds before expiry a cached token is replaced


class GoogleWalletError(Exception):
    """Google refused the call; the message is Google's."""


class GoogleWalletUnavailable(GoogleWalletError):
    """Google did not answer usefully (network, 429, 5xx): worth trying again later."""


class NotInWallet(GoogleWalletError):
    """404: no such class or object yet."""


class AlreadyInWallet(GoogleWalletError):
    """409 on insert: the class or object exists already."""


def signed_jwt(account: ServiceAccount, claims: dict[str, Any]) -> str:
    import jwt

    headers = {"kid": account.private_key_id} if account.private_key_id else None
    return jwt.encode(claims, account.private_key, algorithm="RS256", headers=headers)


@dataclass
class AccessTokens:
    """One service account's access token, shared by every client in the process."""

    account: ServiceAccount
    token_url: str
    value: str | None = None
    renew_at: float = 0.0  # time.monotonic()
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def current(self, http: httpx.AsyncClient) -> str:
        async with self.lock:  # one refresh, not one per concurrent push
            if self.value is None or time.monotonic() >= self.renew_at:
                self.value, lifetime = await self._fetch(http)
                self.renew_at = time.monotonic() + max(lifetime - REFRESH_MARGIN, 0)
            return self.value

    def forget(self) -> None:
        self.value = None

    async def _fetch(self, http: httpx.AsyncClient) -> tuple[str, int]:
        import httpx

        now = int(time.time())
        assertion = signed_jwt(
            self.account,
            {
                "iss": self.account.client_email,
                "scope": SCOPE,
                "aud": self.token_url,
                "iat": now,
                "exp": now + ASSERTION_LIFETIME,
            },
        )
        try:
            response = await http.post(
                self.token_url, data={"grant_type": JWT_BEARER, "assertion": assertion}
            )
        except httpx.HTTPError as exc:
            raise GoogleWalletUnavailable(
                f"Google's token endpoint is unreachable: {exc.__class__.__name__}."
            ) from exc
        body = _json(response)
        if response.status_code == 429 or response.status_code >= 500:
            raise GoogleWalletUnavailable(
                f"Google's token endpoint answered {response.status_code}."
            )
        if response.status_code != 200 or "access_token" not in body:
            reason = ": ".join(
                str(body[key]) for key in ("error", "error_description") if body.get(key)
            )
            raise GoogleWalletError(
                f"Google refused an access token for {self.account.client_email} "
                f"({response.status_code}{': ' + reason if reason else ''}); check the service "
                "account key and that it may issue Google Wallet passes."
            )
        return str(body["access_token"]), int(body.get("expires_in", ASSERTION_LIFETIME))


@lru_cache
def tokens_for(account: ServiceAccount, token_url: str) -> AccessTokens:
    return AccessTokens(account, token_url)


class WalletClient:
    def __init__(self, config: GoogleWalletConfig, http: httpx.AsyncClient) -> None:
        self.base_url = config.api_base_url
        self.tokens = tokens_for(config.account, config.token_url)
        self.http = http

    async def insert_class(self, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", "loyaltyClass", body)

    async def patch_class(self, class_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("PATCH", f"loyaltyClass/{quote(class_id)}", body)

    async def insert_object(self, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", "loyaltyObject", body)

    async def patch_object(self, object_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("PATCH", f"loyaltyObject/{quote(object_id)}", body)

    async def upsert_class(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return await self.insert_class(body)
        except AlreadyInWallet:
            return await self.patch_class(body["id"], body)

    async def upsert_object(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return await self.insert_object(body)
        except AlreadyInWallet:
            return await self.patch_object(body["id"], body)

    async def _call(self, method: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        import httpx

        token = await self.tokens.current(self.http)
        try:
            response = await self.http.request(
                method,
                f"{self.base_url}/{path}",
                json=body,
                headers={"Authorization": f"Bearer {token}"},
            )
        except httpx.HTTPError as exc:
            raise GoogleWalletUnavailable(
                f"Google Wallet is unreachable: {exc.__class__.__name__}."
            ) from exc
        answer = _json(response)
        if response.is_success:
            return answer
        what = f"{method} {path}: {response.status_code} {_message(answer)}"
        if response.status_code == 401:  # revoked or expired early: a new token next time
            self.tokens.forget()
            raise GoogleWalletUnavailable(f"Google Wallet refused the access token ({what}).")
        if response.status_code == 429 or response.status_code >= 500:
            raise GoogleWalletUnavailable(f"Google Wallet is unavailable ({what}).")
        if response.status_code == 404:
            raise NotInWallet(what)
        if response.status_code == 409:
            raise AlreadyInWallet(what)
        raise GoogleWalletError(f"Google Wallet refused {what}")


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _message(answer: dict[str, Any]) -> str:
    """Google's error message ({"error": {"code", "message", "status"}})."""
    error = answer.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("status") or "")
    return str(error or "")
