from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, template


async def test_issue_from_template_with_unique_codes(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    tpl = await template(
        api, redeem_code={"type": "pattern", "pattern": "GIFT-######"}, validity_days=7
    )
    codes = set()
    for _ in range(5):
        voucher = ok(
            await api.post(
                "/v1/vouchers", json={"card_id": the_card["id"], "template_id": tpl["id"]}
            ),
            201,
        )
        codes.add(voucher["redeem_code"])
        assert voucher["customer_id"] == the_card["customer_id"]
        assert voucher["status"] == "issued"
        assert voucher["expires_at"] is not None
    assert len(codes) == 5


async def test_issue_custom_voucher_with_pos_code(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    voucher = ok(
        await api.post(
            "/v1/vouchers",
            json={
                "customer_id": the_card["customer_id"],
                "custom": {
                    "title": "Birthday 25% off",
                    "redeem_code": "bday25",
                    "formats": ["barcode"],
                    "expires_at": "2031-01-01T00:00:00Z",
                },
                "metadata": {"campaign": "birthday"},
            },
        ),
        201,
    )
    assert voucher["redeem_code"] == "BDAY25"
    assert voucher["redeem_code_formats"] == ["barcode"]
    assert voucher["card_id"] is None
    assert voucher["expires_at"] == "2031-01-01T00:00:00Z"
    assert voucher["metadata"] == {"campaign": "birthday"}
    events = ok(await api.get("/v1/events", params={"voucher_id": voucher["id"]}))["data"]
    assert [e["event"] for e in events] == ["voucher_issued"]


async def test_custom_voucher_without_code_gets_a_unique_one(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    body = {"card_id": the_card["id"], "custom": {"title": "Gift"}}
    first = ok(await api.post("/v1/vouchers", json=body), 201)
    second = ok(await api.post("/v1/vouchers", json=body), 201)
    assert first["redeem_code"] != second["redeem_code"]
    assert len(first["redeem_code"]) == 9


async def test_unique_custom_code_is_enforced(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    body = {
        "card_id": the_card["id"],
        "custom": {"title": "Gift", "redeem_code": "ONE-OFF", "unique_code": True},
    }
    ok(await api.post("/v1/vouchers", json=body), 201)
    problem(await api.post("/v1/vouchers", json=body), 409, "redeem_code_taken")


async def test_issue_needs_one_target_and_one_source(tenant: Tenant) -> None:
    api = tenant.client
    problem(
        await api.post("/v1/vouchers", json={"custom": {"title": "X"}}), 422, "validation_error"
    )
    problem(
        await api.post(
            "/v1/vouchers", json={"card_id": "card_x", "template_id": "t", "custom": {"title": "X"}}
        ),
        422,
        "validation_error",
    )
    problem(
        await api.post("/v1/vouchers", json={"card_id": "card_x", "custom": {"title": "X"}}),
        404,
        "card_not_found",
    )


async def test_scanner_cannot_issue_vouchers(tenant: Tenant) -> None:
    _, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        response = await scanner.post(
            "/v1/vouchers", json={"customer_id": "cus_x", "custom": {"title": "X"}}
        )
        problem(response, 403, "insufficient_role")
