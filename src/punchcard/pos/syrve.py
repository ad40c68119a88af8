"""Syrve (iiko's international brand; its Cloud API is iikoCloud's, at api-eu.syrve.live).

Syrve POSTs a JSON array of events to the webhook URI set for an API login, with the
``authToken`` of those settings as the ``Authorization`` header: we set it to the connector's
signing secret. The header does not sign the body, so a webhook is only a notice: for a
``TableOrderUpdate`` or ``DeliveryOrderUpdate`` of the connector's organization we read the order
from the Cloud API (``/api/1/access_token`` with the apiLogin, then ``/api/1/order/by_id`` or
``/api/1/deliveries/by_id``) and stamp it once its status is ``Closed``, by its ``sum`` (after
discounts, in currency units). The customer is the order's guest: the guest's loyalty cards
(``/api/1/loyalty/iiko/customer/info``; a card whose number is the Punchcard scan code is how a
Syrve till scans the wallet card), the guest's id (a customer's ``source_id``), email and phone,
and the order's phone.
"""

import hmac
import time
from contextlib import suppress
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from uuid import UUID

from pydantic import TypeAdapter, ValidationError

from punchcard.config import get_settings
from punchcard.customers.schemas import Email, Phone
from punchcard.kit.errors import Unprocessable
from punchcard.pos import calls
from punchcard.pos.connector import (
    BadSignature,
    Delivery,
    Identifier,
    Keys,
    Notice,
    PosApiError,
    Sale,
    Skip,
)
from punchcard.pos.generic import invalid_body
from punchcard.pos.schemas import SyrveEvent, SyrveWebhook

if TYPE_CHECKING:
    import httpx  # the client comes from pos.calls, which imports httpx when it calls

ORDER_EVENTS = {"TableOrderUpdate": "table", "DeliveryOrderUpdate": "delivery"}
CLOSED = "Closed"
# Every other status Syrve documents for table and delivery orders: named in the log as they are.
NOT_CLOSED = {
    *("New", "Bill", "Deleted"),
    *("Unconfirmed", "WaitCooking", "ReadyForCooking", "CookingStarted", "CookingCompleted"),
    *("Waiting", "OnWay", "Delivered", "Cancelled"),
}
CREATION = {"Success", "InProgress", "Error"}
# ISO 4217 currencies whose minor unit is not a hundredth (Syrve's sums are in currency units).
DIGITS = {
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG"), 0),
    **dict.fromkeys(("RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"), 0),
}
MAX_AMOUNT = 10**12
MAX_QUANTITY = 10**6
_events = TypeAdapter(SyrveWebhook)
_phone = TypeAdapter(Phone)
_email = TypeAdapter(Email)


def _authenticate(header: str, secrets: list[str]) -> None:
    """Syrve sends the authToken as it was set; a ``Bearer`` prefix is accepted too."""
    offered = header.removeprefix("Bearer ").strip().encode()
    if not offered or not any(hmac.compare_digest(offered, s.encode()) for s in secrets):
        raise BadSignature(
            "The Authorization header is not the connector's signing secret (Syrve's authToken)."
        )


def _uuid(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return str(UUID(value))
    except ValueError:
        return None


def _known(value: Any, names: set[str]) -> str | None:
    """A status Syrve documents, else None: nothing else from a body reaches the log."""
    return value if isinstance(value, str) and value in names else None


def _notice(index: int, event: SyrveEvent, keys: Keys) -> Notice | Skip:
    kind = ORDER_EVENTS.get(event.event_type)
    if kind is None:
        return Skip("ignored", f"Syrve {event.event_type} event: not an order update.")
    if str(event.organization_id) != keys.settings["organization_id"]:
        return Skip("ignored", f"Syrve organization {event.organization_id}: not this connector's.")
    info = event.event_info or {}
    order_id = _uuid(info.get("id"))
    if order_id is None:
        field = f"{index}.eventInfo.id"
        raise Unprocessable(
            "validation_error",
            f"Invalid {field}: an order event names its order by UUID.",
            errors=[{"field": field, "message": "a UUID is required", "type": "uuid_type"}],
        )
    status = _known(_object(info.get("order")).get("status"), NOT_CLOSED)
    if status is not None:  # no need to ask Syrve about an order the webhook says is open
        return Skip("not_closed", f"Syrve order status {status}: not closed.", order_id)
    return Notice(order_id, details={"kind": kind, "at": event.event_time})


def _closed(info: dict[str, Any], order_id: str) -> dict[str, Any] | Skip:
    """The order, when Syrve created and closed it; else why it is no sale (yet)."""
    order = _object(info.get("order"))
    created = _known(info.get("creationStatus"), CREATION) or "unknown"
    if created == "Error":
        return Skip("ignored", "Syrve could not create the order.", order_id)
    if not order or created != "Success":
        return Skip("not_closed", f"Syrve order creation: {created}.", order_id)
    if order.get("isDeleted") is True:
        return Skip("ignored", "The Syrve order is deleted.", order_id)
    status = _known(order.get("status"), NOT_CLOSED | {CLOSED}) or "unknown"
    if status != CLOSED:
        return Skip("not_closed", f"Syrve order status {status}: not closed.", order_id)
    return order


def _minor(value: Any, currency: str | None) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        units = Decimal(repr(value)).scaleb(DIGITS.get(currency or "", 2))
        amount = int(units.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError):  # inf, nan
        return None
    return max(amount, 0) if amount <= MAX_AMOUNT else None


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _quantity(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 1.0
    return float(value) if 0 < value <= MAX_QUANTITY else 1.0


def _text(value: Any, limit: int) -> str | None:
    """A printable string from Syrve's answer (no NUL or control characters reach the log)."""
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        return None
    return value.strip()[:limit]


def _identifiers(order: dict[str, Any], guest: dict[str, Any]) -> tuple[Identifier, ...]:
    found: list[Identifier] = []
    for card in _list(guest.get("cards")):
        for field in ("number", "track"):
            number = _text(_object(card).get(field), 64)
            if number:
                found.append(Identifier("scan_code", number))
    guest_id = _uuid(_object(order.get("customer")).get("id"))
    if guest_id:
        found.append(Identifier("source_id", guest_id))
    with suppress(ValidationError):  # an address we cannot read identifies nobody
        if _text(guest.get("email"), 320):
            found.append(Identifier("email", _email.validate_python(guest["email"])))
    for phone in (order.get("phone"), guest.get("phone")):
        with suppress(ValidationError):
            if _text(phone, 40):
                found.append(Identifier("phone", _phone.validate_python(phone)))
    return tuple(dict.fromkeys(found))  # in order, each once


def _items(order: dict[str, Any], currency: str | None) -> tuple[dict[str, Any], ...]:
    items = []
    for item in _list(order.get("items")):
        if not isinstance(item, dict) or item.get("deleted"):
            continue
        product = _object(item.get("product"))
        entry: dict[str, Any] = {"quantity": _quantity(item.get("amount"))}
        for key, value in (("sku", _uuid(product.get("id"))), ("name", product.get("name"))):
            if _text(value, 200):
                entry[key] = _text(value, 200)
        amount = _minor(item.get("resultSum"), currency)
        if amount is not None:
            entry["amount"] = amount
        items.append(entry)
    return tuple(items[:500])


class SyrveConnector:
    def verify(self, delivery: Delivery, keys: Keys) -> list[Notice | Skip]:
        _authenticate(delivery.headers.get("authorization", ""), keys.signing_secrets)
        try:
            events = _events.validate_json(delivery.body)
        except ValidationError as exc:
            raise invalid_body(exc) from None
        # As for Poster: a captured webhook is refused minutes later (an order is also claimed
        # once, and what it sold is read from Syrve, whatever the body says).
        tolerance = get_settings().pos_signature_tolerance_seconds
        if any(abs(time.time() - event.event_time.timestamp()) > tolerance for event in events):
            raise BadSignature(f"A Syrve event's eventTime is more than {tolerance} s from ours.")
        notices = [_notice(index, event, keys) for index, event in enumerate(events)]
        return notices or [Skip("ignored", "The Syrve webhook carries no events.")]

    async def sale(self, notice: Notice, keys: Keys) -> Sale | Skip:
        base_url = str(keys.settings.get("base_url") or get_settings().pos_syrve_base_url)
        api = _Api(base_url.rstrip("/"), keys.settings["organization_id"])
        async with calls.client() as client:
            token = await api.token(client, keys.credentials["api_login"])
            info = await api.order(client, token, notice.details["kind"], notice.transaction_id)
            order = _closed(info, notice.transaction_id)
            if isinstance(order, Skip):
                return order
            amount = _minor(order.get("sum"), keys.currency)
            if amount is None:
                raise PosApiError(f"Syrve API: order {notice.transaction_id} has no usable sum.")
            guest_id = _uuid(_object(order.get("customer")).get("id"))
            guest = await api.guest(client, token, guest_id) if guest_id else {}
        return Sale(
            transaction_id=notice.transaction_id,
            amount=amount,
            currency=None,  # a Syrve organization has one currency: the connector's
            identifiers=_identifiers(order, guest),
            items=_items(order, keys.currency),
            closed_at=notice.details["at"],
        )


class _Api:
    """The three Cloud API calls a sale needs, each a JSON POST."""

    def __init__(self, base_url: str, organization_id: str) -> None:
        self.base_url, self.organization_id = base_url, organization_id

    async def _post(
        self, client: "httpx.AsyncClient", path: str, body: dict[str, Any], token: str | None
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        what = f"Syrve API ({path.removeprefix('/api/1/')})"
        with calls.failures(what):
            response = await client.post(f"{self.base_url}{path}", json=body, headers=headers)
            response.raise_for_status()
            answer = response.json()
        if not isinstance(answer, dict):
            raise PosApiError(f"{what}: not a JSON object.")
        return answer

    async def token(self, client: "httpx.AsyncClient", api_login: str) -> str:
        answer = await self._post(client, "/api/1/access_token", {"apiLogin": api_login}, None)
        token = answer.get("token")
        if not isinstance(token, str) or not token:
            raise PosApiError("Syrve API (access_token): no token.")
        return token

    async def order(
        self, client: "httpx.AsyncClient", token: str, kind: str, order_id: str
    ) -> dict[str, Any]:
        if kind == "table":
            path = "/api/1/order/by_id"
            body: dict[str, Any] = {"organizationIds": [self.organization_id]}
        else:
            path, body = "/api/1/deliveries/by_id", {"organizationId": self.organization_id}
        answer = await self._post(client, path, {**body, "orderIds": [order_id]}, token)
        for info in _list(answer.get("orders")):
            if isinstance(info, dict) and _uuid(info.get("id")) == order_id:
                return info
        raise PosApiError(f"Syrve API: no order {order_id}.")

    async def guest(self, client: "httpx.AsyncClient", token: str, guest_id: str) -> dict[str, Any]:
        body = {"organizationId": self.organization_id, "type": "id", "id": guest_id}
        return await self._post(client, "/api/1/loyalty/iiko/customer/info", body, token)
