"""A fake WhatsApp Cloud API (Meta's Graph API) on loopback: the phone number read, the webhook
override (which Meta verifies with a GET carrying hub.challenge), messages with Graph's error
shapes (190 bad token, 131047 outside the 24-hour window, 131026 undeliverable, 130429 rate
limit), and the signed webhook bodies Meta posts."""

import hashlib
import hmac
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

ACCESS_TOKEN = "EAAJB3ZCZBnZAkBAOZCZCtestaccesstoken"
APP_SECRET = "6f1b2a3c4d5e6f708192a3b4c5d6e7f8"
PHONE_NUMBER_ID = "106540352242922"
DISPLAY_NUMBER = "+1 555-010-0200"
VERSION = "v23.0"
INBOUND_ID = "wamid.HBgLMTY0NjcwNDM1OTUVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA="
# Calls Meta's verification GET on a URL with these query parameters: (status, body).
Verifier = Callable[[str, dict[str, str]], Awaitable[tuple[int, str]]]


def _error(code: int, message: str, details: str | None = None, status: int = 400) -> web.Response:
    error: dict[str, Any] = {
        "message": f"(#{code}) {message}",
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": "AbCdEfGhIjK",
    }
    if details:
        error["error_data"] = {"messaging_product": "whatsapp", "details": details}
    return web.json_response({"error": error}, status=status)


@dataclass
class FakeWhatsApp:
    base_url: str  # with the Graph version, as PUNCHCARD_WHATSAPP_API_BASE_URL
    verifier: Verifier | None = None
    webhook: dict[str, Any] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    window_closed: set[str] = field(default_factory=set)  # wa_ids whose window has closed
    undeliverable: set[str] = field(default_factory=set)
    rate_limited: bool = False
    _ids: Any = field(default_factory=lambda: itertools.count(1))

    def _authorised(self, request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {ACCESS_TOKEN}"

    async def phone_number(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _error(190, "Invalid OAuth access token - Cannot parse access token", None, 401)
        if request.match_info["phone_number_id"] != PHONE_NUMBER_ID:
            return _error(100, "Unsupported get request. Object does not exist")
        if request.method == "GET":
            return web.json_response(
                {
                    "display_phone_number": DISPLAY_NUMBER,
                    "verified_name": "Café Nord",
                    "id": PHONE_NUMBER_ID,
                }
            )
        configuration = (await request.json()).get("webhook_configuration") or {}
        url = str(configuration.get("override_callback_uri", ""))
        if not url.startswith("https://"):
            return _error(100, "Invalid parameter", "override_callback_uri must be https")
        challenge = "1158201444"
        query = {
            "hub.mode": "subscribe",
            "hub.challenge": challenge,
            "hub.verify_token": str(configuration.get("verify_token", "")),
        }
        assert self.verifier is not None, "the test routes Meta's verification GET"
        status, body = await self.verifier(url, query)
        if status != 200 or body != challenge:
            return _error(2200, "Callback verification failed", f"answered {status}: {body}")
        self.webhook = configuration
        return web.json_response({"success": True})

    async def messages(self, request: web.Request) -> web.Response:
        if not self._authorised(request):
            return _error(190, "Error validating access token: Session has expired", None, 401)
        payload = await request.json()
        to = str(payload.get("to"))
        if self.rate_limited:
            return _error(130429, "Rate limit hit", "Cloud API message throughput reached")
        if to in self.undeliverable:
            return _error(131026, "Message Undeliverable.", "Message Undeliverable.")
        if payload.get("type") == "text" and to in self.window_closed:
            return _error(
                131047,
                "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the "
                "customer last replied to this number.",
            )
        self.sent.append(payload)
        message_id = f"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI{next(self._ids):08d}"
        message: dict[str, Any] = {"id": message_id}
        if payload.get("type") == "template":
            message["message_status"] = "accepted"
        return web.json_response(
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to}],
                "messages": [message],
            }
        )


def inbound_body(wa_id: str, text: str) -> bytes:
    """A messages webhook as Meta posts it: a text from ``wa_id`` to the business number."""
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "15550100200",
                                "phone_number_id": PHONE_NUMBER_ID,
                            },
                            "contacts": [{"profile": {"name": "Ada"}, "wa_id": wa_id}],
                            "messages": [
                                {
                                    "from": wa_id,
                                    "id": INBOUND_ID,
                                    "timestamp": "1767225600",
                                    "text": {"body": text},
                                    "type": "text",
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }
    return json.dumps(body).encode()


def signature(body: bytes, secret: str = APP_SECRET) -> str:
    """X-Hub-Signature-256 as Meta computes it."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@asynccontextmanager
async def fake_whatsapp() -> AsyncIterator[FakeWhatsApp]:
    fake: FakeWhatsApp | None = None

    async def phone_number(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.phone_number(request)

    async def messages(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.messages(request)

    app = web.Application()
    app.router.add_get(f"/{VERSION}/{{phone_number_id}}", phone_number)
    app.router.add_post(f"/{VERSION}/{{phone_number_id}}", phone_number)
    app.router.add_post(f"/{VERSION}/{{phone_number_id}}/messages", messages)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake = FakeWhatsApp(f"http://127.0.0.1:{port}/{VERSION}")
    try:
        yield fake
    finally:
        await runner.cleanup()
