"""A stand-in for Google's OAuth token endpoint and the Wallet REST API: a real HTTP server on
loopback that checks what Google checks (the assertion's signature and claims, the bearer
token) and keeps loyalty classes and objects the way Google does (insert 409s when the id
exists, PATCH merges the fields sent)."""

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
API_PATH = "/walletobjects/v1"
RESOURCES = ("loyaltyClass", "loyaltyObject")


@dataclass(frozen=True)
class ServiceAccountKey:
    client_email: str
    private_key: rsa.RSAPrivateKey

    @classmethod
    def generate(cls) -> "ServiceAccountKey":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls("punchcard-test@wallet-test.iam.gserviceaccount.com", key)

    def key_json(self, token_uri: str) -> dict[str, str]:
        """The JSON key file Google Cloud hands out for a service account."""
        pem = self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()
        return {
            "type": "service_account",
            "project_id": "wallet-test",
            "private_key_id": "test-key-1",
            "private_key": pem,
            "client_email": self.client_email,
            "token_uri": token_uri,
        }

    def write_key_file(self, directory: Path, token_uri: str) -> Path:
        path = directory / "google-service-account.json"
        path.write_text(json.dumps(self.key_json(token_uri)))
        return path

    def verify(self, token: str, **options: Any) -> dict[str, Any]:
        claims: dict[str, Any] = jwt.decode(
            token, self.private_key.public_key(), algorithms=["RS256"], **options
        )
        return claims


@dataclass
class FakeGoogleWallet:
    base_url: str
    account: ServiceAccountKey
    classes: dict[str, dict[str, Any]] = field(default_factory=dict)
    objects: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) answered
    tokens: set[str] = field(default_factory=set)  # access tokens issued
    refuse_tokens: bool = False  # the token endpoint answers invalid_grant
    token_lifetime: int = 3599  # seconds, as Google says in expires_in
    failing: int | None = None  # the Wallet API answers this status (e.g. 500) while set
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    @property
    def api_base_url(self) -> str:
        return self.base_url + API_PATH

    def calls(self, method: str, resource: str) -> int:
        return sum(1 for m, path in self.requests if m == method and resource in path)

    async def until(self, condition: Callable[[], bool], timeout: float = 30) -> None:
        """Wait (bounded) until ``condition`` holds after some request was answered."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(condition)

    async def handle_token(self, request: web.Request) -> web.Response:
        form = await request.post()
        if self.refuse_tokens or form.get("grant_type") != JWT_BEARER:
            return _oauth_error("invalid_grant", "Invalid JWT Signature.")
        try:
            claims = self.account.verify(
                str(form.get("assertion")),
                audience=self.token_url,
                issuer=self.account.client_email,
                options={"require": ["iat", "exp"]},
            )
        except jwt.InvalidTokenError as exc:
            return _oauth_error("invalid_grant", f"Invalid JWT: {exc}")
        if claims.get("scope") != SCOPE:
            return _oauth_error("invalid_scope", f"Unexpected scope {claims.get('scope')!r}.")
        token = secrets.token_urlsafe(16)
        self.tokens.add(token)
        return web.json_response(
            {"access_token": token, "expires_in": self.token_lifetime, "token_type": "Bearer"}
        )

    async def handle_api(self, request: web.Request) -> web.Response:
        answer = await self._answer(request)
        self.requests.append((request.method, request.path))
        async with self._changed:
            self._changed.notify_all()
        return answer

    async def _answer(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return _api_error(401, "Request had invalid authentication credentials.")
        if self.failing is not None:
            return _api_error(self.failing, "Internal error encountered.")
        resource, _, resource_id = request.match_info["tail"].partition("/")
        if resource not in RESOURCES:
            return _api_error(404, f"No such resource {resource}.")
        store = self.classes if resource == "loyaltyClass" else self.objects
        if request.method == "POST":
            return self._insert(resource, store, await request.json())
        if resource_id not in store:
            return _api_error(404, f"Resource {resource_id} was not found.")
        if request.method == "PATCH":
            store[resource_id].update(await request.json())
        return web.json_response(store[resource_id])

    def _insert(
        self, resource: str, store: dict[str, dict[str, Any]], body: dict[str, Any]
    ) -> web.Response:
        if body["id"] in store:
            return _api_error(409, f"Resource {body['id']} already exists.")
        if resource == "loyaltyObject" and body.get("classId") not in self.classes:
            return _api_error(400, f"Class {body.get('classId')} does not exist.")
        store[body["id"]] = body
        return web.json_response(body)


def _oauth_error(error: str, description: str) -> web.Response:
    return web.json_response({"error": error, "error_description": description}, status=400)


def _api_error(status: int, message: str) -> web.Response:
    return web.json_response(
        {"error": {"code": status, "message": message, "status": "ERROR"}}, status=status
    )


@asynccontextmanager
async def fake_google_wallet(account: ServiceAccountKey) -> AsyncIterator[FakeGoogleWallet]:
    fake: FakeGoogleWallet | None = None

    async def token(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.handle_token(request)

    async def api(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.handle_api(request)

    app = web.Application()
    app.router.add_post("/token", token)
    app.router.add_route("*", API_PATH + "/{tail:.*}", api)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake = FakeGoogleWallet(f"http://127.0.0.1:{port}", account)
    try:
        yield fake
    finally:
        await runner.cleanup()
