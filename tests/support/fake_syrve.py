"""A fake Syrve Cloud API on loopback, speaking the shapes of its OpenAPI document (iikoCloud
API, as served at api-eu.syrve.live/docs): access tokens for an apiLogin, table orders and
delivery orders by id, guests (Syrve Loyalty) by id; and ``event``, the webhook event Syrve
POSTs (in a JSON array) when an order changes."""

import copy
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from tests.support.loopback import serving

API_LOGIN = "a1fe30cdeb934aa0af01b6a35244b7f0"
ORGANIZATION_ID = "7bc05553-4b68-44e8-b7bc-37be63c6d9e9"
TERMINAL_GROUP_ID = "2a5c1b7e-8c57-4e3c-9b0b-6f1b3c0f6d11"
LATTE = {"id": "0d8a6c35-5d13-4c8f-a3a6-0b8c4c2d5e70", "name": "Latte"}


def syrve_time(at: datetime | None = None) -> str:
    """Syrve's date-time format: yyyy-MM-dd HH:mm:ss.fff."""
    return (at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def _error(status: int, description: str) -> web.Response:
    """Syrve's ErrorResponse."""
    body = {"correlationId": str(uuid.uuid4()), "errorDescription": description, "error": None}
    return web.json_response(body, status=status)


@dataclass
class FakeSyrve:
    base_url: str
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)  # TableOrderInfo / OrderInfo
    kinds: dict[str, str] = field(default_factory=dict)  # order id -> "table" | "delivery"
    guests: dict[str, dict[str, Any]] = field(default_factory=dict)  # GetCustomerInfoResponse
    requests: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    failing: bool = False  # answer 503, as a Syrve under maintenance does
    token: str = field(default_factory=lambda: uuid.uuid4().hex)

    def guest(self, *, phone: str | None = None, email: str | None = None, **cards: str) -> str:
        """A Syrve Loyalty guest; ``number=`` (and ``track=``) give the guest a card."""
        guest_id = str(uuid.uuid4())
        card = {"id": str(uuid.uuid4()), "track": cards.get("track", ""), "validToDate": None}
        self.guests[guest_id] = {
            "id": guest_id,
            "referrerId": None,
            "name": "Olga",
            "surname": None,
            "phone": phone,
            "email": email,
            "sex": 0,
            "consentStatus": 1,
            "anonymized": False,
            "cards": [{**card, "number": cards["number"]}] if "number" in cards else [],
            "categories": [],
            "walletBalances": [],
            "isDeleted": False,
        }
        return guest_id

    def order(
        self,
        total: float,
        *,
        kind: str = "table",
        status: str = "Closed",
        guest_id: str | None = None,
        phone: str | None = None,
        order_id: str | None = None,
    ) -> str:
        """A table order (or a delivery) in the given status; ``total`` in currency units."""
        order_id = order_id or str(uuid.uuid4())
        order: dict[str, Any] = {
            "customer": {"type": "regular", "id": guest_id, "name": "Olga"} if guest_id else None,
            "phone": phone,
            "status": status,
            "whenCreated": "2026-05-11 14:30:00.000",
            "sum": total,
            "number": 1042,
            "sourceKey": None,
            "whenBillPrinted": "2026-05-11 14:32:10.000",
            "whenClosed": "2026-05-11 14:34:56.000" if status == "Closed" else None,
            "guestsInfo": {"count": 1, "splitBetweenPersons": False},
            "items": [
                {
                    "type": "Product",
                    "product": LATTE,
                    "modifiers": [],
                    "price": total / 2,
                    "cost": total,
                    "pricePredefined": False,
                    "positionId": str(uuid.uuid4()),
                    "taxPercent": None,
                    "resultSum": total,
                    "status": "Printed",
                    "deleted": None,
                    "amount": 2,
                    "comment": None,
                    "whenPrinted": "2026-05-11 14:30:20.000",
                    "size": None,
                    "comboInformation": None,
                },
                {  # removed before the bill: not part of the sale
                    "type": "Product",
                    "product": {"id": str(uuid.uuid4()), "name": "Muffin"},
                    "amount": 1,
                    "price": 3.5,
                    "cost": 3.5,
                    "pricePredefined": False,
                    "resultSum": 3.5,
                    "status": "Added",
                    "deleted": {"deletionMethod": {"id": str(uuid.uuid4()), "comment": None}},
                },
            ],
            "combos": [],
            "payments": [
                {
                    "paymentType": {"id": str(uuid.uuid4()), "name": "Card", "kind": "Card"},
                    "sum": total,
                    "isPreliminary": False,
                    "isExternal": False,
                    "isProcessedExternally": False,
                    "isFiscalizedExternally": False,
                    "isPrepay": False,
                }
            ],
            "tips": [],
            "discounts": [],
            "orderType": {"id": str(uuid.uuid4()), "name": "Dine in", "orderServiceType": "Common"},
            "terminalGroupId": TERMINAL_GROUP_ID,
            "processedPaymentsSum": total,
            "loyaltyInfo": {"coupon": None, "appliedManualConditions": []},
            "externalData": [],
        }
        if kind == "table":
            order |= {"tableIds": [str(uuid.uuid4())], "tabName": None}
        else:
            order |= {"completeBefore": "2026-05-11 15:00:00.000", "isDeleted": False}
        self.orders[order_id] = {
            "id": order_id,
            "posId": str(uuid.uuid4()),
            "externalNumber": None,
            "organizationId": ORGANIZATION_ID,
            "timestamp": 1778509696123,
            "creationStatus": "Success",
            "errorInfo": None,
            "order": order,
        }
        self.kinds[order_id] = kind
        return order_id

    def event(
        self,
        order_id: str,
        *,
        event_type: str | None = None,
        at: datetime | None = None,
        organization_id: str = ORGANIZATION_ID,
    ) -> dict[str, Any]:
        """What Syrve POSTs (one element of the array) when the order changes."""
        kind = self.kinds[order_id]
        return {
            "eventType": event_type or f"{'Table' if kind == 'table' else 'Delivery'}OrderUpdate",
            "eventTime": syrve_time(at),
            "organizationId": organization_id,
            "correlationId": str(uuid.uuid4()),
            "eventInfo": copy.deepcopy(self.orders[order_id]),  # the order as it is now
        }

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.requests.append((request.path, body))
        if self.failing:
            return web.Response(status=503, text="Service Unavailable")
        if request.path == "/api/1/access_token":
            if body != {"apiLogin": API_LOGIN}:
                return _error(401, f"Login '{body.get('apiLogin')}' is not authorized")
            return web.json_response({"correlationId": str(uuid.uuid4()), "token": self.token})
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return _error(401, "Token is expired or invalid")
        return self._answer(request.path, body)

    def _answer(self, path: str, body: dict[str, Any]) -> web.Response:
        if path == "/api/1/loyalty/iiko/customer/info":
            if body.get("organizationId") != ORGANIZATION_ID or body.get("type") != "id":
                return _error(400, "Bad request")
            found = self.guests.get(body.get("id", ""))
            return web.json_response(found) if found else _error(400, "Guest not found")
        kind = "table" if path == "/api/1/order/by_id" else "delivery"
        organizations = body.get("organizationIds") if kind == "table" else [body["organizationId"]]
        if organizations != [ORGANIZATION_ID]:
            return _error(400, "Organization not found")
        found = [
            self.orders[order_id]
            for order_id in body.get("orderIds") or []
            if self.kinds.get(order_id) == kind
        ]
        return web.json_response({"correlationId": str(uuid.uuid4()), "orders": found})


@asynccontextmanager
async def fake_syrve() -> AsyncIterator[FakeSyrve]:
    syrve = FakeSyrve(base_url="")
    app = web.Application()
    for path in (
        "/api/1/access_token",
        "/api/1/order/by_id",
        "/api/1/deliveries/by_id",
        "/api/1/loyalty/iiko/customer/info",
    ):
        app.router.add_post(path, syrve.handle)
    async with serving(app) as syrve.base_url:
        yield syrve
