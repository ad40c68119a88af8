"""GET /v1/exports/{kind}.csv: customers, cards, vouchers and redemptions, streamed."""

import csv
import io
import json
from typing import Any

import httpx

from punchcard.imports.tasks import ImportRunner
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp
from tests.support.imports import imported


async def _csv(client: httpx.AsyncClient, kind: str, **query: Any) -> list[dict[str, str]]:
    response = await client.get(f"/v1/exports/{kind}.csv", params=query)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="{kind}.csv"'
    return list(csv.DictReader(io.StringIO(response.text)))


async def _redeemed_at(tenant: Tenant, location_id: str) -> tuple[dict[str, Any], str]:
    """A card stamped to its first goal and its reward redeemed at ``location_id``."""
    api = tenant.client
    program = await coffee_program(api)
    the_card = await card(api, program["id"])
    body = {"count": 5, "location_id": location_id}
    voucher = ok(await api.post(f"/v1/cards/{the_card['id']}/stamps", json=body), 201)[
        "vouchers_issued"
    ][0]
    redeem = {"code": voucher["redeem_code"], "card_id": the_card["id"], "location_id": location_id}
    ok(await api.post("/v1/vouchers/redeem", json=redeem))
    return the_card, voucher["id"]


async def test_redemptions_are_exported_with_their_place_and_holder(tenant: Tenant) -> None:
    api = tenant.client
    ok(await api.post("/v1/customers", json={"source_id": "crm-r", "email": "r@example.com"}), 201)
    the_card, voucher_id = await _redeemed_at(tenant, tenant.location_id)
    (row,) = await _csv(api, "redemptions")
    assert list(row) == [
        "voucher_id",
        "redeemed_at",
        "location_id",
        "staff_id",
        "redeemed_via",
        "redeemed_via_detail",
        "redeem_code",
        "title",
        "template_id",
        "card_id",
        "customer_id",
        "customer_source_id",
    ]
    assert (row["voucher_id"], row["location_id"], row["card_id"]) == (
        voucher_id,
        tenant.location_id,
        the_card["id"],
    )
    assert row["redeemed_at"].endswith("Z")


async def test_exports_filter_by_time_and_location(tenant: Tenant) -> None:
    api = tenant.client
    await _redeemed_at(tenant, tenant.location_id)
    other = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    assert len(await _csv(api, "redemptions", location_id=other)) == 0
    assert len(await _csv(api, "redemptions", location_id=tenant.location_id)) == 1
    assert len(await _csv(api, "cards", location_id=tenant.location_id)) == 1
    assert len(await _csv(api, "customers", location_id=other)) == 0
    assert len(await _csv(api, "vouchers", location_id=tenant.location_id)) == 1
    assert len(await _csv(api, "redemptions", created_after="2999-01-01T00:00:00Z")) == 0
    assert len(await _csv(api, "redemptions", created_before="2999-01-01T00:00:00Z")) == 1
    naive = await api.get("/v1/exports/cards.csv", params={"created_after": "2026-01-01T00:00"})
    problem(naive, 422, "validation_error")


async def test_location_bound_managers_export_their_location_only(tenant: Tenant) -> None:
    api = tenant.client
    await _redeemed_at(tenant, tenant.location_id)
    other = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)["id"]
    _, key = await staff_key(api, "manager", location_id=other)
    manager = await tenant.client_for(key)
    assert await _csv(manager, "redemptions") == []
    refused = await manager.get(
        "/v1/exports/redemptions.csv", params={"location_id": tenant.location_id}
    )
    problem(refused, 403, "location_forbidden")
    _, scanner_key = await staff_key(api, "scanner")
    scanner = await tenant.client_for(scanner_key)
    problem(await scanner.get("/v1/exports/cards.csv"), 403, "insufficient_role")


async def test_cards_and_vouchers_show_their_state(tenant: Tenant) -> None:
    api = tenant.client
    program = await coffee_program(api)
    the_card = await card(api, program["id"], "cv@example.com")
    await stamp(api, the_card["id"], 5)
    (card_row,) = await _csv(api, "cards")
    assert (card_row["id"], card_row["status"], card_row["stamps"]) == (
        the_card["id"],
        "active",
        "5",
    )
    assert card_row["last_stamp_at"].endswith("Z")
    (voucher_row,) = await _csv(api, "vouchers")
    assert (voucher_row["status"], voucher_row["redeem_code"]) == ("issued", "FREECOOKIE")
    assert voucher_row["redeemed_at"] == ""


async def test_an_empty_export_is_its_header(tenant: Tenant) -> None:
    response = await tenant.client.get("/v1/exports/vouchers.csv")
    assert response.text.splitlines() == [
        "id,card_id,customer_id,customer_source_id,template_id,goal_index,title,redeem_code,"
        "status,issued_at,expires_at,redeemed_at,redeemed_location_id,redeemed_via"
    ]
    problem(await tenant.client.get("/v1/exports/passwords.csv"), 422, "validation_error")


async def test_a_customers_export_imports_back_unchanged(
    tenant: Tenant, runner: ImportRunner
) -> None:
    api = tenant.client
    rows = [
        {
            "source_id": f"crm-{i}",
            "email": f"c{i}@example.com",
            "name": f'Name "{i}", Jr.',
            "birthday": "1990-05-17",
            "marketing_consent": i % 2 == 0,
            "metadata": {"tier": "gold", "visits": i},
        }
        for i in range(4)
    ]
    ok(await api.post("/v1/customers/bulk", json={"customers": rows}))
    erased = ok(await api.post("/v1/customers", json={"email": "gone@example.com"}), 201)
    assert (await api.delete(f"/v1/customers/{erased['id']}")).status_code == 204
    exported = await _csv(api, "customers")
    assert [row["source_id"] for row in exported] == [f"crm-{i}" for i in range(4)]
    assert json.loads(exported[1]["metadata"]) == {"tier": "gold", "visits": 1}
    text = (await api.get("/v1/exports/customers.csv")).text
    job = await imported(api, runner, text)
    assert (job["unchanged"], job["failed"], job["created"]) == (4, 0, 0)
