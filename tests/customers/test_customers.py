from tests.conftest import Tenant
from tests.support.factories import ok, problem


async def test_upsert_by_source_id_creates_then_updates(tenant: Tenant) -> None:
    api = tenant.client
    created = ok(
        await api.post(
            "/v1/customers",
            json={
                "source_id": "crm-1",
                "email": "Ana@Example.COM",
                "name": "Ana",
                "language": "pt-BR",
            },
        ),
        201,
    )
    updated = ok(
        await api.post("/v1/customers", json={"source_id": "crm-1", "birthday": "1990-05-17"}), 200
    )
    assert updated["id"] == created["id"]
    assert updated["email"] == "ana@example.com"
    assert (updated["name"], updated["language"], updated["birthday"]) == (
        "Ana",
        "pt-BR",
        "1990-05-17",
    )


async def test_email_match_adopts_the_crm_id(tenant: Tenant) -> None:
    api = tenant.client
    walk_in = ok(await api.post("/v1/customers", json={"email": "li@example.com"}), 201)
    synced = ok(
        await api.post("/v1/customers", json={"source_id": "crm-9", "email": "li@example.com"}), 200
    )
    assert synced["id"] == walk_in["id"]
    assert synced["source_id"] == "crm-9"


async def test_email_of_another_crm_customer_is_a_conflict(tenant: Tenant) -> None:
    api = tenant.client
    ok(await api.post("/v1/customers", json={"source_id": "crm-1", "email": "x@example.com"}), 201)
    body = problem(
        await api.post("/v1/customers", json={"source_id": "crm-2", "email": "x@example.com"}),
        409,
        "customer_conflict",
    )
    assert body["field"] == "email"


async def test_update_cannot_steal_another_customers_phone(tenant: Tenant) -> None:
    api = tenant.client
    ok(await api.post("/v1/customers", json={"source_id": "a", "phone": "+14155550100"}), 201)
    ok(await api.post("/v1/customers", json={"source_id": "b"}), 201)
    body = problem(
        await api.post("/v1/customers", json={"source_id": "b", "phone": "+1 415 555 0100"}),
        409,
        "customer_conflict",
    )
    assert body["field"] == "phone"


async def test_invalid_identity_fields_are_named(tenant: Tenant) -> None:
    api = tenant.client
    for body, field in (
        ({"email": "not-an-email"}, "body.email"),
        ({"phone": "12"}, "body.phone"),
        ({"phone": "+1 000"}, "body.phone"),
        ({"source_id": "x", "birthday": "2999-01-01"}, "body.birthday"),
        ({"source_id": "x", "language": "english please"}, "body.language"),
        ({"source_id": "x", "metadata": {"k": float("inf")}}, "body.metadata"),
        ({"name": "Nobody"}, "body"),
    ):
        response = await api.post(
            "/v1/customers", content=_json(body), headers={"content-type": "application/json"}
        )
        errors = problem(response, 422, "validation_error")["errors"]
        assert errors[0]["field"].startswith(field), (body, errors)


def _json(body: dict) -> str:  # type: ignore[type-arg]
    import json

    return json.dumps(body)  # allows Infinity, as a careless client would send it


async def test_metadata_merges_and_null_deletes(tenant: Tenant) -> None:
    api = tenant.client
    ok(
        await api.post(
            "/v1/customers", json={"source_id": "m", "metadata": {"tier": "gold", "pets": 2}}
        ),
        201,
    )
    merged = ok(
        await api.post(
            "/v1/customers", json={"source_id": "m", "metadata": {"pets": None, "vip": True}}
        )
    )
    assert merged["metadata"] == {"tier": "gold", "vip": True}


async def test_list_filters_and_paginates(tenant: Tenant) -> None:
    api = tenant.client
    ids = [
        ok(await api.post("/v1/customers", json={"source_id": f"p-{i}"}), 201)["id"]
        for i in range(5)
    ]
    found = ok(await api.get("/v1/customers", params={"source_id": "p-3"}))["data"]
    assert [c["id"] for c in found] == [ids[3]]
    first = ok(await api.get("/v1/customers", params={"limit": 3}))
    second = ok(await api.get("/v1/customers", params={"limit": 3, "cursor": first["next_cursor"]}))
    assert [c["id"] for c in first["data"] + second["data"]] == ids[::-1]
    assert second["next_cursor"] is None
    by_email = await api.get("/v1/customers", params={"created_after": "2020-01-01T00:00:00"})
    problem(by_email, 422, "validation_error")  # a time without a zone is ambiguous


async def test_marketing_consent_is_opt_in_and_stamped_when_it_changes(tenant: Tenant) -> None:
    api = tenant.client
    created = ok(await api.post("/v1/customers", json={"email": "mo@example.com"}), 201)
    agreed = ok(
        await api.post("/v1/customers", json={"email": "mo@example.com", "marketing_consent": True})
    )
    again = ok(
        await api.post("/v1/customers", json={"email": "mo@example.com", "marketing_consent": True})
    )
    withdrawn = ok(
        await api.post(
            "/v1/customers", json={"email": "mo@example.com", "marketing_consent": False}
        )
    )

    assert (created["marketing_consent"], created["marketing_consent_at"]) == (False, None)
    assert agreed["marketing_consent"] is True
    assert agreed["marketing_consent_at"] is not None
    assert again["marketing_consent_at"] == agreed["marketing_consent_at"]
    assert withdrawn["marketing_consent"] is False
    assert withdrawn["marketing_consent_at"] > agreed["marketing_consent_at"]
