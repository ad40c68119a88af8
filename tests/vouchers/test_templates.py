from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, program, template


async def test_fixed_and_pattern_templates_round_trip(tenant: Tenant) -> None:
    api = tenant.client
    fixed = await template(api, formats=["text", "qr", "barcode"], validity_days=30)
    assert fixed["redeem_code"] == {"type": "fixed", "value": "FREECOOKIE"}
    assert (fixed["formats"], fixed["validity_days"]) == (["text", "qr", "barcode"], 30)
    pattern = await template(
        api, redeem_code={"type": "pattern", "pattern": "cafe-####", "charset": "0123456789"}
    )
    assert pattern["redeem_code"] == {
        "type": "pattern",
        "pattern": "CAFE-####",
        "charset": "0123456789",
    }


async def test_template_input_errors_name_the_field(tenant: Tenant) -> None:
    api = tenant.client
    cases = {
        "body.redeem_code.pattern": {"type": "pattern", "pattern": "NOHASH"},
        "body.formats": None,
    }
    body = problem(
        await api.post(
            "/v1/voucher-templates",
            json={"title": "X", "redeem_code": cases["body.redeem_code.pattern"]},
        ),
        422,
        "validation_error",
    )
    # The union's tag ("pattern"), then the field ("pattern").
    assert body["errors"][0]["field"] == "body.redeem_code.pattern.pattern"
    body = problem(
        await api.post(
            "/v1/voucher-templates",
            json={"title": "X", "redeem_code": {"type": "fixed", "value": "A"}, "formats": ["pdf"]},
        ),
        422,
        "validation_error",
    )
    assert body["errors"][0]["field"].startswith("body.formats")
    body = problem(
        await api.post(
            "/v1/voucher-templates",
            json={
                "title": "X",
                "redeem_code": {"type": "fixed", "value": "A"},
                "validity_days": 3,
                "valid_until": "2030-01-01T00:00:00Z",
            },
        ),
        422,
        "validation_error",
    )


async def test_editing_a_template_leaves_issued_vouchers_alone(tenant: Tenant) -> None:
    api = tenant.client
    tpl = await template(api)
    prg = await program(api, [(1, tpl["id"])])
    issued = ok(
        await api.post(
            "/v1/cards", json={"program_id": prg["id"], "customer": {"email": "e@example.com"}}
        ),
        201,
    )
    voucher = ok(await api.post(f"/v1/cards/{issued['id']}/stamps", json={}), 201)[
        "vouchers_issued"
    ][0]
    ok(
        await api.patch(
            f"/v1/voucher-templates/{tpl['id']}",
            json={"title": "Free muffin", "redeem_code": {"type": "fixed", "value": "MUFFIN"}},
        )
    )
    again = ok(await api.get(f"/v1/vouchers/{voucher['id']}"))
    assert (again["title"], again["redeem_code"]) == ("Free cookie", "FREECOOKIE")


async def test_template_used_by_a_goal_cannot_be_archived(tenant: Tenant) -> None:
    api = tenant.client
    used = await template(api)
    free = await template(api, title="Spare")
    prg = await program(api, [(3, used["id"])])
    body = problem(await api.delete(f"/v1/voucher-templates/{used['id']}"), 409, "template_in_use")
    assert body["programs"] == [prg["id"]]
    ok(await api.delete(f"/v1/voucher-templates/{free['id']}"), 204)
    listed = [t["id"] for t in ok(await api.get("/v1/voucher-templates"))["data"]]
    assert free["id"] not in listed
    archived = ok(await api.get("/v1/voucher-templates", params={"include_archived": True}))["data"]
    assert next(t for t in archived if t["id"] == free["id"])["archived"] is True


async def test_an_archived_template_is_read_only(tenant: Tenant) -> None:
    """Archived means retired: readable, with what it issued, but nothing new comes from it."""
    api = tenant.client
    retired = await template(api, title="Summer gift")
    the_card = await card(api, (await coffee_program(api))["id"])
    issued = ok(
        await api.post(
            "/v1/vouchers", json={"card_id": the_card["id"], "template_id": retired["id"]}
        ),
        201,
    )
    ok(await api.delete(f"/v1/voucher-templates/{retired['id']}"), 204)
    assert ok(await api.get(f"/v1/voucher-templates/{retired['id']}"))["archived"] is True
    edit = await api.patch(f"/v1/voucher-templates/{retired['id']}", json={"title": "Winter"})
    assert "archived" in problem(edit, 409, "template_archived")["detail"]
    again = {"card_id": the_card["id"], "template_id": retired["id"]}
    problem(await api.post("/v1/vouchers", json=again), 409, "template_archived")
    body = {"code": issued["redeem_code"], "card_id": the_card["id"]}
    assert ok(await api.post("/v1/vouchers/redeem", json=body))["id"] == issued["id"]
