"""POST /v1/customers/bulk: up to 1,000 upserts, matched like one, all or nothing."""

from typing import Any

from tests.conftest import Tenant
from tests.support.factories import ok, problem


def _rows(count: int, start: int = 0, **extra: Any) -> list[dict[str, Any]]:
    return [
        {"source_id": f"crm-{i}", "email": f"user{i}@example.com", "name": f"User {i}", **extra}
        for i in range(start, start + count)
    ]


async def _bulk(tenant: Tenant, rows: list[dict[str, Any]], **headers: str) -> Any:
    return await tenant.client.post("/v1/customers/bulk", json={"customers": rows}, headers=headers)


async def test_bulk_creates_then_reports_updated_and_unchanged_rows(tenant: Tenant) -> None:
    first = ok(await _bulk(tenant, _rows(3)))
    assert (first["created"], first["updated"], first["unchanged"]) == (3, 0, 0)
    assert [r["index"] for r in first["results"]] == [0, 1, 2]
    rows = _rows(3)
    rows[1]["name"] = "Renamed"
    second = ok(await _bulk(tenant, rows))
    assert [r["status"] for r in second["results"]] == ["unchanged", "updated", "unchanged"]
    assert [r["id"] for r in second["results"]] == [r["id"] for r in first["results"]]
    found = ok(await tenant.client.get("/v1/customers", params={"source_id": "crm-1"}))["data"]
    assert found[0]["name"] == "Renamed"


async def test_a_repeated_body_changes_nothing(tenant: Tenant) -> None:
    rows = _rows(5, metadata={"tier": "gold"}, marketing_consent=True)
    ok(await _bulk(tenant, rows))
    before = ok(await tenant.client.get("/v1/customers", params={"limit": 10}))["data"]
    again = ok(await _bulk(tenant, rows))
    after = ok(await tenant.client.get("/v1/customers", params={"limit": 10}))["data"]
    assert again["unchanged"] == 5
    assert after == before  # updated_at and marketing_consent_at untouched
    events = ok(await tenant.client.get("/v1/events", params={"type": "customer_updated"}))
    assert events["data"] == []


async def test_rows_match_by_email_then_phone_as_a_single_upsert_does(tenant: Tenant) -> None:
    api = tenant.client
    walk_in = ok(await api.post("/v1/customers", json={"email": "li@example.com"}), 201)
    by_phone = ok(await api.post("/v1/customers", json={"phone": "+14155550100"}), 201)
    result = ok(
        await _bulk(
            tenant,
            [
                {"source_id": "crm-li", "email": "li@example.com"},
                {"phone": "+1 415 555 0100", "name": "Bo"},
            ],
        )
    )
    assert [r["id"] for r in result["results"]] == [walk_in["id"], by_phone["id"]]
    assert ok(await api.get(f"/v1/customers/{walk_in['id']}"))["source_id"] == "crm-li"


async def test_one_conflicting_row_refuses_the_batch_and_writes_nothing(tenant: Tenant) -> None:
    api = tenant.client
    ok(await api.post("/v1/customers", json={"source_id": "a", "email": "x@example.com"}), 201)
    rows = [*_rows(2), {"source_id": "b", "email": "x@example.com"}]
    body = problem(await _bulk(tenant, rows), 422, "bulk_rejected")
    assert body["errors"] == [
        {
            "field": "body.customers.2.email",
            "code": "customer_conflict",
            "message": body["errors"][0]["message"],
            "customer_id": body["errors"][0]["customer_id"],
        }
    ]
    assert ok(await api.get("/v1/customers", params={"source_id": "crm-0"}))["data"] == []


async def test_two_rows_naming_one_customer_are_refused(tenant: Tenant) -> None:
    rows = [
        {"source_id": "crm-1", "email": "one@example.com"},
        {"source_id": "crm-2", "email": "ONE@example.com"},
    ]
    errors = problem(await _bulk(tenant, rows), 422, "bulk_rejected")["errors"]
    assert [(e["field"], e["code"], e["duplicate_of"]) for e in errors] == [
        ("body.customers.1.email", "duplicate_row", 0)
    ]


async def test_invalid_rows_are_named_by_index(tenant: Tenant) -> None:
    rows = [*_rows(2), {"email": "not-an-email"}, {"name": "nobody"}]
    errors = problem(await _bulk(tenant, rows), 422, "validation_error")["errors"]
    assert [e["field"] for e in errors] == ["body.customers.2.email", "body.customers.3"]


async def test_more_than_a_thousand_rows_are_refused(tenant: Tenant) -> None:
    errors = problem(await _bulk(tenant, _rows(1001)), 422, "validation_error")["errors"]
    assert errors[0]["field"] == "body.customers"


async def test_an_idempotency_key_replays_the_first_answer(tenant: Tenant) -> None:
    first = await _bulk(tenant, _rows(2), **{"Idempotency-Key": "sync-1"})
    replay = await _bulk(tenant, _rows(2), **{"Idempotency-Key": "sync-1"})
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == ok(first)
    assert ok(first)["created"] == 2
