"""A stand-in for APNs on loopback: HTTP/2 over TLS (hypercorn) with a certificate from a
test CA. It checks the provider token (ES256 JWT) against the public half of a test P-256 key,
records every push and answers per device token as a test scripts it (200 by default)."""

import asyncio
import datetime
import ipaddress
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypercorn.asyncio import serve
from hypercorn.config import Config
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from punchcard.config import Settings

KEY_ID = "TESTKEY123"
TEAM_ID = "TEAM123456"


@dataclass(frozen=True)
class Push:
    device_token: str
    headers: dict[str, str]
    body: bytes
    http_version: str


@dataclass
class FakeApns:
    base_url: str
    ca_file: str
    key_pem: str  # the .p8 our settings point at
    public_key: ec.EllipticCurvePublicKey
    pushes: list[Push] = field(default_factory=list)
    answers: dict[str, tuple[int, str]] = field(default_factory=dict)  # token -> status, reason
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)

    def settings(self, **overrides: Any) -> Settings:
        """Settings that push to this server with its test key."""
        apns = {
            "apns_base_url": self.base_url,
            "apns_ca_file": self.ca_file,
            "apns_key": self.key_pem,
            "apns_key_id": KEY_ID,
            "apns_team_id": TEAM_ID,
        }
        return Settings(**{**apns, **overrides})

    def answer(self, device_token: str, status: int, reason: str = "") -> None:
        self.answers[device_token] = (status, reason)

    def to(self, device_token: str) -> list[Push]:
        return [push for push in self.pushes if push.device_token == device_token]

    async def wait_for_push(self, device_token: str, count: int = 1, timeout: float = 30) -> Push:
        """The ``count``-th push to the device, once it has arrived (bounded wait)."""
        async with asyncio.timeout(timeout), self._arrived:
            await self._arrived.wait_for(lambda: len(self.to(device_token)) >= count)
        return self.to(device_token)[count - 1]

    async def handle(self, request: Request) -> Response:
        token = request.path_params["token"]
        try:
            self._verify(request.headers.get("authorization", ""))
        except jwt.InvalidTokenError:
            return JSONResponse({"reason": "InvalidProviderToken"}, 403)
        push = Push(
            token, dict(request.headers), await request.body(), request.scope["http_version"]
        )
        async with self._arrived:
            self.pushes.append(push)
            self._arrived.notify_all()
        status, reason = self.answers.get(token, (200, ""))
        return (
            Response(status_code=200) if status == 200 else JSONResponse({"reason": reason}, status)
        )

    def _verify(self, authorization: str) -> None:
        token = authorization.removeprefix("bearer ")
        if jwt.get_unverified_header(token).get("kid") != KEY_ID:
            raise jwt.InvalidTokenError("unknown key id")
        claims = jwt.decode(token, self.public_key, algorithms=["ES256"], issuer=TEAM_ID)
        if "iat" not in claims:
            raise jwt.InvalidTokenError("no iat")


def _certificate(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
) -> x509.Certificate:
    now = datetime.datetime.now(datetime.UTC)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=issuer is None, path_length=None), critical=True)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _tls_files(directory: Path) -> tuple[str, str, str]:
    """A test CA and a server certificate for 127.0.0.1 it signed: (ca, cert, key) paths."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Punchcard test CA", ca_key, None, ca_key)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = _certificate("127.0.0.1", server_key, ca, ca_key)
    paths = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(_pem(server_key))
    return str(paths[0]), str(paths[1]), str(paths[2])


@asynccontextmanager
async def fake_apns(directory: Path) -> AsyncIterator[FakeApns]:
    ca_file, cert_file, key_file = _tls_files(directory)
    signing_key = ec.generate_private_key(ec.SECP256R1())
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    apns = FakeApns(
        f"https://127.0.0.1:{port}", ca_file, _pem(signing_key).decode(), signing_key.public_key()
    )
    config = Config()
    config.bind = [f"fd://{listener.detach()}"]  # hypercorn owns the listening socket now
    config.certfile, config.keyfile = cert_file, key_file
    config.alpn_protocols = ["h2"]  # APNs speaks HTTP/2 only
    config.graceful_timeout = 1  # a client left open must not hold up the end of the run
    app = Starlette(routes=[Route("/3/device/{token}", apns.handle, methods=["POST"])])
    stop = asyncio.Event()
    server = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))  # type: ignore[arg-type]
    try:
        yield apns
    finally:
        stop.set()
        await server
