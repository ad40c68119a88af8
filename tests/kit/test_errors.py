"""No input, however malformed, yields a 500; another tenant's ids are simply not found."""

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem


async def test_malformed_bodies_are_4xx_problems(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    url = f"/v1/cards/{the_card['id']}/stamps"
    json_type = {"content-type": "application/json"}
    problem(await api.post(url, content=b"{", headers=json_type), 400, "invalid_json")
    problem(await api.post(url, content=b"\xff\xfe", headers=json_type), 400, "invalid_json")
    problem(await api.post(url, json=[1, 2]), 422, "validation_error")
    problem(await api.post(url, json={"count": "1; DROP TABLE cards"}), 422, "validation_error")
    problem(await api.post(url, json={"count": 1, "colour": "red"}), 422, "validation_error")
    problem(await api.post(url, json={"note": "x" * 501}), 422, "validation_error")
    problem(
        await api.post(url, content=b'{"count": 1e999}', headers=json_type), 422, "validation_error"
    )
    problem(await api.get("/v1/cards", params={"limit": 10**20}), 422, "validation_error")
    problem(await api.get(f"/v1/cards/{'x' * 5000}"), 422, "validation_error")
    problem(await api.get("/v1/nowhere"), 404, "route_not_found")
    problem(await api.delete("/v1/cards"), 405, "method_not_allowed")
    assert ok(await api.get(f"/v1/cards/{the_card['id']}"))["lifetime_stamps"] == 0


async def test_other_tenants_ids_are_not_found(tenant: Tenant, db) -> None:  # type: ignore[no-untyped-def]
    from punchcard.businesses.onboarding import onboard

    api = tenant.client
    mine = await card(api, (await coffee_program(api))["id"])
    voucher = ok(
        await api.post("/v1/vouchers", json={"card_id": mine["id"], "custom": {"title": "G"}}), 201
    )
    async with db.transaction() as session:
        other = await onboard(session, name="Elsewhere", location="Far")
    async with await tenant.client_for(other.api_key) as intruder:
        problem(await intruder.get(f"/v1/cards/{mine['id']}"), 404, "card_not_found")
        problem(await intruder.get(f"/v1/cards/{mine['scan_code']}"), 404, "card_not_found")
        problem(
            await intruder.post(f"/v1/cards/{mine['id']}/stamps", json={}), 404, "card_not_found"
        )
        problem(
            await intruder.get(f"/v1/customers/{mine['customer_id']}"), 404, "customer_not_found"
        )
        problem(
            await intruder.post(f"/v1/vouchers/{voucher['id']}/redeem"), 404, "voucher_not_found"
        )
        problem(
            await intruder.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}),
            404,
            "voucher_not_found",
        )
        problem(await intruder.get(f"/v1/programs/{mine['program_id']}"), 404, "program_not_found")
        assert ok(await intruder.get("/v1/events"))["data"] == []
        assert ok(await intruder.get("/v1/cards"))["data"] == []
    assert ok(await api.get(f"/v1/vouchers/{voucher['id']}"))["status"] == "issued"


async def test_validation_detail_names_the_field_and_the_reason(tenant: Tenant) -> None:
    body = problem(
        await tenant.client.post("/v1/customers", json={"email": "nope"}), 422, "validation_error"
    )
    assert body["detail"].startswith("Invalid body.email: not a valid email address")


async def test_blank_optional_fields_count_as_not_given(tenant: Tenant) -> None:
    """No-code tools send "" for every blank form field."""
    api = tenant.client
    created = ok(
        await api.post(
            "/v1/customers", json={"source_id": "z-1", "email": "", "phone": "", "name": ""}
        ),
        201,
    )
    assert (created["email"], created["phone"], created["name"]) == (None, None, None)
    the_card = await card(api, (await coffee_program(api))["id"])
    stamped = ok(
        await api.post(f"/v1/cards/{the_card['id']}/stamps", json={"count": "", "note": ""}), 201
    )
    assert stamped["stamps_added"] == 1
