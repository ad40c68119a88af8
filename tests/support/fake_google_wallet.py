"""A stand-in for Google's OAuth token endpoint and the Wallet REST API: a real HTTP server on
loopback that checks what Google checks (the assertion's signature and claims, the bearer
token) and keeps loyalty classes and objects the way Google does (insert 409s when the id
exists, PATCH merges the fields sent)."""

import asyncio
import base64
import json
import secrets
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from punchcard.wallet.google.callbacks import PROTOCOL, SENDER_ID, signed_bytes

SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
API_PATH = "/walletobjects/v1"
RESOURCES = ("loyaltyClass", "loyaltyObject")
KEYS_PATH = "/gp/m/issuer/keys"


def _der_b64(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode()


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
    # Google's root key for callbacks, published at keys_url; it signs intermediate keys.
    root_key: ec.EllipticCurvePrivateKey = field(
        default_factory=lambda: ec.generate_private_key(ec.SECP256R1())
    )
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/token"

    @property
    def keys_url(self) -> str:
        return f"{self.base_url}{KEYS_PATH}"

    def signed_callback(
        self,
        issuer_id: str,
        message: dict[str, Any],
        *,
        key_expires_in_ms: int = 3_600_000,
        root_key: ec.EllipticCurvePrivateKey | None = None,
    ) -> bytes:
        """A save/delete callback as Google sends it (ECv2SigningOnly): a fresh intermediate
        key signed by the root key, and the message signed by the intermediate key."""
        intermediate = ec.generate_private_key(ec.SECP256R1())
        now_ms = int(time.time() * 1000)
        signed_key = json.dumps(
            {"keyValue": _der_b64(intermediate), "keyExpiration": str(now_ms + key_expires_in_ms)}
        )
        signed_message = json.dumps({"expTimeMillis": now_ms + 60_000, **message})
        key_signature = (root_key or self.root_key).sign(
            signed_bytes("Google", PROTOCOL, signed_key), ec.ECDSA(hashes.SHA256())
        )
        signature = intermediate.sign(
            signed_bytes(SENDER_ID, issuer_id, PROTOCOL, signed_message), ec.ECDSA(hashes.SHA256())
        )
        token = {
            "signature": base64.b64encode(signature).decode(),
            "intermediateSigningKey": {
                "signedKey": signed_key,
                "signatures": [base64.b64encode(key_signature).decode()],
            },
            "protocolVersion": PROTOCOL,
            "signedMessage": signed_message,
        }
        return json.dumps(token).encode()

    async def handle_keys(self, _request: web.Request) -> web.Response:
        key = {"keyValue": _der_b64(self.root_key), "protocolVersion": PROTOCOL}
        return web.json_response({"keys": [key]})

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

    async def keys(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.handle_keys(request)

    app.router.add_post("/token", token)
    app.router.add_get(KEYS_PATH, keys)
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
