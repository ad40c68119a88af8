"""customer_updated: emitted with the change, only when something really changed."""

from typing import Any

from punchcard.events.catalogue import PAYLOADS
from tests.conftest import Tenant
from tests.support.factories import coffee_program, ok


async def _updates(tenant: Tenant) -> list[dict[str, Any]]:
    query = {"type": "customer_updated", "limit": 100}
    return ok(await tenant.client.get("/v1/events", params=query))["data"]  # type: ignore[no-any-return]


async def test_a_change_emits_customer_updated_with_the_fields_and_profile(tenant: Tenant) -> None:
    api = tenant.client
    created = ok(await api.post("/v1/customers", json={"source_id": "crm-7", "name": "Ada"}), 201)
    assert await _updates(tenant) == []  # creation is not an update
    body = {"source_id": "crm-7", "email": "ada@example.com", "metadata": {"tier": "gold"}}
    updated = ok(await api.post("/v1/customers", json=body))
    (event,) = await _updates(tenant)
    PAYLOADS["customer_updated"].model_validate(event)
    assert event["changed"] == ["email", "metadata"]
    assert event["customer"]["id"] == created["id"]
    assert event["profile"]["email"] == "ada@example.com"
    assert event["profile"]["updated_at"] == updated["updated_at"]
    assert event["staff_id"] == tenant.staff_id


async def test_an_upsert_that_changes_nothing_emits_nothing(tenant: Tenant) -> None:
    api = tenant.client
    body = {"source_id": "crm-8", "name": "Bo", "marketing_consent": False}
    first = ok(await api.post("/v1/customers", json=body), 201)
    again = ok(await api.post("/v1/customers", json=body))
    assert again["updated_at"] == first["updated_at"]
    assert await _updates(tenant) == []


async def test_issuing_a_card_that_changes_the_customer_emits_it_too(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    ok(await api.post("/v1/customers", json={"email": "cy@example.com"}), 201)
    customer = {"email": "cy@example.com", "name": "Cy"}
    ok(await api.post("/v1/cards", json={"program_id": program["id"], "customer": customer}), 201)
    (event,) = await _updates(tenant)
    assert event["changed"] == ["name"]
