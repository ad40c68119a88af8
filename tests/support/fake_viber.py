"""A fake Viber REST bot API on loopback: ``/pa/<method>`` answering HTTP 200 with Viber's
``status`` codes (2 invalidAuthToken, 5 receiverNotRegistered, 6 receiverNotSubscribed, 12
tooManyRequests), set_webhook calling the webhook back as Viber does, and signed callbacks."""

import hashlib
import hmac
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

AUTH_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f"
URI = "cafenord"
# Posts a signed callback body to a URL: the HTTP status answered.
Caller = Callable[[str, bytes, dict[str, str]], Awaitable[int]]
_tokens = itertools.count(5_741_311_803_571_721_087)


def _status(code: int, message: str) -> web.Response:
    return web.json_response({"status": code, "status_message": message})


def signature(body: bytes, token: str = AUTH_TOKEN) -> str:
    """X-Viber-Content-Signature: hex HMAC-SHA256 of the body under the auth token."""
    return hmac.new(token.encode(), body, hashlib.sha256).hexdigest()


def callback(event: str, **fields: Any) -> bytes:
    body = {
        "event": event,
        "timestamp": 1767225600000,
        "chat_hostname": "SN-CHAT-05_",
        "message_token": next(_tokens),
        **fields,
    }
    return json.dumps(body).encode()


def user(user_id: str, language: str = "en") -> dict[str, Any]:
    return {
        "id": user_id,
        "name": "Ada",
        "avatar": "https://example.invalid/avatar.jpg",
        "country": "DE",
        "language": language,
        "api_version": 10,
    }


@dataclass
class FakeViber:
    base_url: str
    caller: Caller | None = None
    webhook: dict[str, Any] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    subscribed: set[str] = field(default_factory=set)
    not_on_viber: set[str] = field(default_factory=set)
    rate_limited: bool = False

    async def handle(self, request: web.Request) -> web.Response:
        if request.headers.get("X-Viber-Auth-Token") != AUTH_TOKEN:
            return _status(2, "invalidAuthToken")
        payload = await request.json()
        method = request.match_info["method"]
        if method == "get_account_info":
            return web.json_response(
                {
                    "status": 0,
                    "status_message": "ok",
                    "id": "pa:75346594275468546724",
                    "name": "Café Nord",
                    "uri": URI,
                    "icon": "https://example.invalid/icon.jpg",
                    "category": "Food",
                    "subcategory": "Cafe",
                    "country": "DE",
                    "webhook": self.webhook.get("url", ""),
                    "event_types": self.webhook.get("event_types", []),
                    "subscribers_count": len(self.subscribed),
                }
            )
        if method == "set_webhook":
            return await self._set_webhook(payload)
        if method == "send_message":
            return self._send(payload)
        return _status(3, "badData")

    async def _set_webhook(self, payload: dict[str, Any]) -> web.Response:
        url = str(payload.get("url", ""))
        if url == "":
            self.webhook = {}
            return _status(0, "ok")
        if not url.startswith("https://"):
            return _status(1, "invalidUrl")
        body = callback("webhook")
        assert self.caller is not None, "the test routes Viber's webhook check"
        answered = await self.caller(url, body, {"X-Viber-Content-Signature": signature(body)})
        if answered != 200:
            return _status(1, f"invalidUrl: the webhook answered {answered}")
        self.webhook = payload
        return web.json_response(
            {"status": 0, "status_message": "ok", "event_types": payload.get("event_types", [])}
        )

    def _send(self, payload: dict[str, Any]) -> web.Response:
        if self.rate_limited:
            return _status(12, "tooManyRequests")
        receiver = str(payload.get("receiver"))
        if receiver in self.not_on_viber:
            return _status(5, "receiverNotRegistered")
        if receiver not in self.subscribed:
            return _status(6, "receiverNotSubscribed")
        if not payload.get("sender", {}).get("name") or not payload.get("text"):
            return _status(4, "missingData")
        self.sent.append(payload)
        return web.json_response(
            {
                "status": 0,
                "status_message": "ok",
                "message_token": next(_tokens),
                "chat_hostname": "SN-CHAT-05_",
                "billing_status": 1,
            }
        )


@asynccontextmanager
async def fake_viber() -> AsyncIterator[FakeViber]:
    fake: FakeViber | None = None

    async def handler(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.handle(request)

    app = web.Application()
    app.router.add_post("/pa/{method}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake = FakeViber(f"http://127.0.0.1:{port}")
    try:
        yield fake
    finally:
        await runner.cleanup()
