"""POS connectors through the public API, and tills that sign what they send."""

import json
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from standardwebhooks import Webhook

from tests.support.factories import card, coffee_program, ok


async def connector(api: httpx.AsyncClient, program_id: str, **fields: Any) -> dict[str, Any]:
    body = {"type": "generic", "name": "Till", "program_id": program_id, **fields}
    return ok(await api.post("/v1/pos-connectors", json=body), 201)  # type: ignore[no-any-return]


async def typed_setup(
    api: httpx.AsyncClient, till_type: str, settings: dict[str, Any], **fields: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A coffee program with a Poster or Syrve connector ("Poster Harbour"), and a card."""
    program = await coffee_program(api)
    till = await connector(
        api,
        program["id"],
        type=till_type,
        name=f"{till_type.title()} Harbour",
        **{till_type: settings},
        **fields,
    )
    return till, await card(api, program["id"])


async def generic_setup(
    api: httpx.AsyncClient, **fields: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A coffee program with a generic connector, and a customer's card in it."""
    program = await coffee_program(api)
    return await connector(api, program["id"], **fields), await card(api, program["id"])


def signed_headers(
    secret: str, body: bytes, *, at: datetime | None = None, message_id: str | None = None
) -> dict[str, str]:
    """Signed with the Standard Webhooks library, as a till developer would."""
    message_id = message_id or f"msg_{uuid.uuid4().hex}"
    at = at or datetime.now(UTC)
    signature = Webhook(secret.removeprefix("pos_")).sign(message_id, at, body.decode())
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": signature,
    }


async def send_signed(
    client: httpx.AsyncClient, path: str, secret: str, payload: dict[str, Any], **signing: Any
) -> httpx.Response:
    body = json.dumps(payload).encode()
    return await client.post(path, content=body, headers=signed_headers(secret, body, **signing))


def receipt(transaction_id: str, amount: int, **customer: str) -> dict[str, Any]:
    return {
        "transaction_id": transaction_id,
        "amount": amount,
        "currency": "EUR",
        "customer": customer or None,
        "items": [{"name": "Latte", "sku": "LAT", "quantity": 2, "amount": amount}],
        "closed_at": "2026-05-11T12:34:56Z",
    }


async def sales(api: httpx.AsyncClient, connector_id: str) -> list[dict[str, Any]]:
    page = ok(await api.get(f"/v1/pos-connectors/{connector_id}/sales", params={"limit": 100}))
    return page["data"]  # type: ignore[no-any-return]
