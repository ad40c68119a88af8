"""A fake Telegram Bot API on loopback: ``/bot<token>/<method>`` with Telegram's answers and
error shapes (401 for a bad token, 403 for a chat that blocked the bot, 400 "chat not found",
429 with ``parameters.retry_after``), and builders of the updates Telegram sends."""

import itertools
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TOKEN = "7364925117:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
USERNAME = "cafe_nord_bot"
BOT = {"id": 7364925117, "is_bot": True, "first_name": "Café Nord", "username": USERNAME}
_updates = itertools.count(10_000)


def _error(status: int, description: str, **parameters: Any) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


@dataclass
class FakeTelegram:
    base_url: str
    token: str = TOKEN
    webhook: dict[str, Any] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    blocked: set[str] = field(default_factory=set)  # chats that blocked the bot
    known: set[str] = field(default_factory=set)  # chats that exist (others: "chat not found")
    flood_wait: int | None = None  # answer 429 with this retry_after
    arrivals: list[float] = field(default_factory=list)  # each sendMessage's time.monotonic()
    down: bool = False  # answer 502 as Telegram's front does when the backend is away
    _message_ids: Any = field(default_factory=lambda: itertools.count(1))

    async def handle(self, request: web.Request) -> web.Response:
        if self.down:
            return web.Response(status=502, text="<html>Bad Gateway</html>")
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        payload = await request.json() if request.can_read_body else {}
        method = request.match_info["method"]
        if method == "getMe":
            bot = {
                "id": 7364925117,
                "is_bot": True,
                "first_name": "Café Nord",
                "username": USERNAME,
            }
            return web.json_response({"ok": True, "result": bot})
        if method == "setWebhook":
            if not str(payload.get("url", "")).startswith("https://"):
                return _error(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
            self.webhook = payload
            return web.json_response({"ok": True, "result": True, "description": "Webhook was set"})
        if method == "deleteWebhook":
            self.webhook = {}
            return web.json_response(
                {"ok": True, "result": True, "description": "Webhook was deleted"}
            )
        if method == "sendMessage":
            return self._send(payload)
        return _error(404, "Not Found: method not found")

    def _send(self, payload: dict[str, Any]) -> web.Response:
        self.arrivals.append(time.monotonic())
        chat = str(payload.get("chat_id"))
        if self.flood_wait is not None:
            wait = self.flood_wait
            return _error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        if chat in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        if chat not in self.known:
            return _error(400, "Bad Request: chat not found")
        if not payload.get("text"):
            return _error(400, "Bad Request: message text is empty")
        self.sent.append(payload)
        message = {
            "message_id": next(self._message_ids),
            "from": {"id": 7364925117, "is_bot": True, "first_name": "Café Nord"},
            "chat": {"id": int(chat), "type": "private", "first_name": "Ada"},
            "date": 1767225600,
            "text": payload["text"],
        }
        return web.json_response({"ok": True, "result": message})


def _chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "first_name": "Ada", "type": "private"}


def message_update(chat_id: int, text: str, language: str = "en") -> dict[str, Any]:
    """What Telegram posts when someone writes to the bot ("/start <token>" from a deep link)."""
    entities = (
        [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
        if text.startswith("/")
        else []
    )
    return {
        "update_id": next(_updates),
        "message": {
            "message_id": 1,
            "from": {
                "id": chat_id,
                "is_bot": False,
                "first_name": "Ada",
                "language_code": language,
            },
            "chat": _chat(chat_id),
            "date": 1767225600,
            "text": text,
            "entities": entities,
        },
    }


def blocked_update(chat_id: int) -> dict[str, Any]:
    """What Telegram posts when the person blocks the bot."""
    user = {"id": chat_id, "is_bot": False, "first_name": "Ada"}
    return {
        "update_id": next(_updates),
        "my_chat_member": {
            "chat": _chat(chat_id),
            "from": user,
            "date": 1767225600,
            "old_chat_member": {"user": BOT, "status": "member"},
            "new_chat_member": {"user": BOT, "status": "kicked", "until_date": 0},
        },
    }


@asynccontextmanager
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    fake: FakeTelegram | None = None

    async def handler(request: web.Request) -> web.Response:
        assert fake is not None
        return await fake.handle(request)

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake = FakeTelegram(f"http://127.0.0.1:{port}")
    try:
        yield fake
    finally:
        await runner.cleanup()
