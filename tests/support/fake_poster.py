"""A fake Poster on loopback: its API answers dash.getTransaction from a scripted table, and
``webhook`` builds what Poster would send, signed as Poster documents it."""

import hashlib
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.support.loopback import serving

TOKEN = "687409:4164553abf6a031302898da7800b59fb"
APPLICATION_SECRET = "fe2bc8e865d8fc2236968ee53c3b2bd5"


@dataclass
class FakePoster:
    base_url: str
    transactions: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    failing: bool = False  # answer 503, as Poster does when it is down

    def close(self, transaction_id: int, payed_sum: int, **fields: Any) -> None:
        """A transaction closed at the till (status 2), amounts in minor units."""
        self.transactions[str(transaction_id)] = {
            "transaction_id": str(transaction_id),
            "date_start": "1518873040083",
            "date_close": "1518873046314",
            "status": "2",
            "pay_type": "1",
            "payed_cash": str(payed_sum),
            "payed_sum": str(payed_sum),
            "sum": str(payed_sum),
            "spot_id": "1",
            "client_id": "0",
            "card_number": "0",
            "client_phone": None,
            "products": [
                {
                    "product_id": "162",
                    "num": "1",
                    "product_price": str(payed_sum),
                    "payed_sum": str(payed_sum),
                }
            ],
            **{name: str(value) for name, value in fields.items()},
        }

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.query))
        if self.failing:
            return web.Response(status=503, text="maintenance")
        if request.query.get("token") != TOKEN:
            return web.json_response({"error": {"code": 10, "message": "Invalid token"}})
        found = self.transactions.get(request.query.get("transaction_id", ""))
        return web.json_response({"response": [found] if found else []})


def webhook(
    object_id: int,
    *,
    secret: str = APPLICATION_SECRET,
    object: str = "transaction",
    action: str = "changed",
    data: str | None = '{"transactions_history":{"type_history":"close"}}',
    at: int | None = None,
) -> dict[str, Any]:
    """A Poster webhook body: ``verify`` is md5 of account;object;object_id;action;[data;]time;
    secret (Poster's documented recipe, written here independently of the server's)."""
    body: dict[str, Any] = {
        "account": "mycafe",
        "account_number": "333226",
        "object": object,
        "object_id": object_id,
        "action": action,
        "time": str(int(time.time()) if at is None else at),
    }
    if data is not None:
        body["data"] = data
    signed = [body["account"], object, str(object_id), action]
    signed += [data] if data is not None else []
    signed += [body["time"], secret]
    body["verify"] = hashlib.md5(";".join(signed).encode()).hexdigest()
    return body


@asynccontextmanager
async def fake_poster() -> AsyncIterator[FakePoster]:
    poster = FakePoster(base_url="")
    app = web.Application()
    app.router.add_get("/api/dash.getTransaction", poster.handle)
    async with serving(app) as poster.base_url:
        yield poster
