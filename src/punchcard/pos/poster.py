"""Poster (joinposter.com): its webhook names a transaction; the API tells what was sold.

Poster signs a webhook with ``verify`` = md5 of ``account;object;object_id;action;data;time;
application_secret`` joined by ``;`` (``data`` only when sent). We answer 200 to every verified
webhook (Poster re-sends anything else for two days) and read the transaction with
``GET {base_url}/api/dash.getTransaction?token=...&transaction_id=...``: amounts in minor units,
``status`` 2 = closed. The customer is the transaction's ``card_number`` (the card's scan code),
its Poster ``client_id`` (a customer's ``source_id``), or its ``client_phone``.
"""

import hashlib
import json
import time
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

from pydantic import TypeAdapter, ValidationError

from punchcard.config import get_settings
from punchcard.customers.schemas import Phone
from punchcard.kit.crypto import same_secret
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

SIGNED = ("account", "object", "object_id", "action")
CLOSED = "2"
_phone = TypeAdapter(Phone)


def signature(fields: dict[str, Any], application_secret: str) -> str:
    parts = [str(fields[name]) for name in SIGNED]
    if fields.get("data") is not None:
        parts.append(str(fields["data"]))
    parts += [str(fields["time"]), application_secret]
    return hashlib.md5(";".join(parts).encode()).hexdigest()


def _fields(delivery: Delivery) -> dict[str, Any]:
    if delivery.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(delivery.body.decode(errors="replace")))
    try:
        fields = json.loads(delivery.body)
    except ValueError:
        fields = None
    if not isinstance(fields, dict):
        raise BadSignature("A Poster webhook is a JSON object.")
    return fields


def _identifiers(transaction: dict[str, Any]) -> tuple[Identifier, ...]:
    found = []
    card_number = str(transaction.get("card_number") or "").strip()
    if card_number not in ("", "0"):
        found.append(Identifier("scan_code", card_number))
    client_id = str(transaction.get("client_id") or "0")
    if client_id != "0":
        found.append(Identifier("source_id", client_id))
    if transaction.get("client_phone"):
        with suppress(ValidationError):  # a number we cannot read identifies nobody
            found.append(Identifier("phone", _phone.validate_python(transaction["client_phone"])))
    return tuple(found)


def _items(transaction: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    items = []
    for product in transaction.get("products") or []:
        item = {
            "sku": str(product.get("product_id")),
            "quantity": float(product.get("num") or 1),
            "amount": int(product.get("payed_sum") or 0),
        }
        if product.get("product_name"):
            item["name"] = str(product["product_name"])
        items.append(item)
    return tuple(items)


def _closed_at(transaction: dict[str, Any]) -> datetime | None:
    millis = int(transaction.get("date_close") or 0)
    return datetime.fromtimestamp(millis / 1000, UTC) if millis else None


def _error_code(body: Any) -> str:
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else error
    return str(code) if isinstance(code, int) else "unknown"


class PosterConnector:
    def verify(self, delivery: Delivery, keys: Keys) -> Notice | Skip:
        fields = _fields(delivery)
        missing = [name for name in (*SIGNED, "time", "verify") if fields.get(name) is None]
        if missing:
            raise BadSignature(f"Not a Poster webhook: no {', '.join(missing)}.")
        expected = signature(fields, keys.credentials["application_secret"])
        if not same_secret(expected, str(fields["verify"]).lower()):
            raise BadSignature("The Poster 'verify' does not match the application secret.")
        # As for signed generic webhooks: a captured webhook is worthless minutes later.
        tolerance = get_settings().pos_signature_tolerance_seconds
        sent = str(fields["time"])
        if not sent.isdigit() or abs(time.time() - int(sent)) > tolerance:
            raise BadSignature(f"The Poster webhook's time is more than {tolerance} s from ours.")
        what = f"{fields['object']} {fields['object_id']} {fields['action']}"
        if fields["object"] != "transaction" or fields["action"] == "removed":
            return Skip("ignored", f"Poster webhook for {what}: not a sale.")
        return Notice(str(fields["object_id"]))

    async def sale(self, notice: Notice, keys: Keys) -> Sale | Skip:
        transaction = await self._fetch(notice.transaction_id, keys)
        if str(transaction.get("status")) != CLOSED:
            return Skip(
                "not_closed",
                f"Poster transaction status {transaction.get('status')}: not closed.",
                notice.transaction_id,
            )
        return Sale(
            transaction_id=notice.transaction_id,
            amount=int(transaction.get("payed_sum") or 0),
            currency=None,  # a Poster account has one currency: the connector's
            identifiers=_identifiers(transaction),
            items=_items(transaction),
            closed_at=_closed_at(transaction),
        )

    async def _fetch(self, transaction_id: str, keys: Keys) -> dict[str, Any]:
        base_url = str(keys.settings.get("base_url") or get_settings().pos_poster_base_url)
        query = {
            "token": keys.credentials["access_token"],
            "transaction_id": transaction_id,
            "include_products": "true",
        }
        with calls.failures("Poster API"):
            async with calls.client() as client:
                response = await client.get(
                    f"{base_url.rstrip('/')}/api/dash.getTransaction", params=query
                )
            response.raise_for_status()
            body = response.json()
        if not isinstance(body, dict) or "error" in body:
            # Never the answer's text: whoever set base_url would read it in the 502 and the log.
            raise PosApiError(f"Poster API error (code {_error_code(body)}).")
        found = body.get("response")
        if isinstance(found, list):
            found = found[0] if found else None
        if not isinstance(found, dict):
            raise PosApiError(f"Poster API: no transaction {transaction_id}.")
        return found
