from datetime import UTC, datetime, timedelta

from punchcard.db.engine import Database
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, expire, ok, problem, staff_key, stamp


async def _card_with_rewards(tenant: Tenant) -> tuple[dict, dict, dict]:  # type: ignore[type-arg]
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    cookie, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    return the_card, cookie, coffee


async def test_redeem_by_id_records_who_where_and_how(tenant: Tenant) -> None:
    _, cookie, _ = await _card_with_rewards(tenant)
    staff, key = await staff_key(tenant.client, "scanner", tenant.location_id)
    async with await tenant.client_for(key) as scanner:
        redeemed = ok(
            await scanner.post(f"/v1/vouchers/{cookie['id']}/redeem", json={"via": "staff_scanner"})
        )
    assert redeemed["status"] == "redeemed"
    assert redeemed["redeemed_via"] == "staff_scanner"
    assert redeemed["redeemed_location_id"] == tenant.location_id
    assert redeemed["redeemed_staff_id"] == staff["id"]
    event = ok(await tenant.client.get("/v1/events", params={"type": "voucher_redeemed"}))["data"][
        0
    ]
    assert event["voucher"]["id"] == cookie["id"]
    assert event["voucher"]["status"] == "redeemed"
    assert event["voucher"]["redeemed_via"] == "staff_scanner"
    assert event["location_id"] == tenant.location_id
    assert event["card"]["goal_index"] == 0


async def test_second_redemption_is_409(tenant: Tenant) -> None:
    api = tenant.client
    _, cookie, _ = await _card_with_rewards(tenant)
    ok(await api.post(f"/v1/vouchers/{cookie['id']}/redeem"))
    body = problem(
        await api.post(f"/v1/vouchers/{cookie['id']}/redeem"), 409, "voucher_already_redeemed"
    )
    assert body["redeemed_via"] == "api"
    events = ok(
        await api.get("/v1/events", params={"voucher_id": cookie["id"], "type": "voucher_redeemed"})
    )
    assert len(events["data"]) == 1


async def test_redeem_unique_code_as_typed_at_the_till(tenant: Tenant) -> None:
    api = tenant.client
    _, _, coffee = await _card_with_rewards(tenant)
    typed = f"  {coffee['redeem_code'].lower()} "
    redeemed = ok(await api.post("/v1/vouchers/redeem", json={"code": typed, "via": "pos"}))
    assert (redeemed["id"], redeemed["redeemed_via"]) == (coffee["id"], "pos")
    problem(
        await api.post("/v1/vouchers/redeem", json={"code": coffee["redeem_code"]}),
        409,
        "voucher_already_redeemed",
    )


async def test_shared_pos_code_needs_the_card(tenant: Tenant) -> None:
    api = tenant.client
    the_card, cookie, _ = await _card_with_rewards(tenant)
    problem(
        await api.post("/v1/vouchers/redeem", json={"code": "FREECOOKIE"}),
        409,
        "redeem_code_ambiguous",
    )
    redeemed = ok(
        await api.post(
            "/v1/vouchers/redeem", json={"code": "FREECOOKIE", "card_id": the_card["id"]}
        )
    )
    assert redeemed["id"] == cookie["id"]


async def test_shared_code_redeems_the_soonest_expiring_voucher_first(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    later, sooner = [
        ok(
            await api.post(
                "/v1/vouchers",
                json={
                    "card_id": the_card["id"],
                    "custom": {"title": "Coffee", "redeem_code": "FREECOFFEE", "expires_at": when},
                },
            ),
            201,
        )
        for when in ("2031-01-01T00:00:00Z", "2030-01-01T00:00:00Z")
    ]
    body = {"code": "FREECOFFEE", "customer_id": the_card["customer_id"]}
    assert ok(await api.post("/v1/vouchers/redeem", json=body))["id"] == sooner["id"]
    assert ok(await api.post("/v1/vouchers/redeem", json=body))["id"] == later["id"]
    problem(await api.post("/v1/vouchers/redeem", json=body), 409, "voucher_already_redeemed")


async def test_expired_voucher_is_refused_with_its_own_code(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    voucher = ok(
        await api.post(
            "/v1/vouchers",
            json={"card_id": the_card["id"], "custom": {"title": "Old", "expires_at": soon}},
        ),
        201,
    )
    await expire(db, [voucher["id"]], datetime.now(UTC) - timedelta(minutes=1))
    assert ok(await api.get(f"/v1/vouchers/{voucher['id']}"))["status"] == "expired"
    problem(await api.post(f"/v1/vouchers/{voucher['id']}/redeem"), 409, "voucher_expired")
    problem(
        await api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}),
        409,
        "voucher_expired",
    )
    listed = ok(
        await api.get("/v1/vouchers", params={"status": "expired", "card_id": the_card["id"]})
    )
    assert [v["id"] for v in listed["data"]] == [voucher["id"]]


async def test_unknown_code_is_404(tenant: Tenant) -> None:
    problem(
        await tenant.client.post("/v1/vouchers/redeem", json={"code": "NOPE"}),
        404,
        "voucher_not_found",
    )
    problem(await tenant.client.post("/v1/vouchers/vch_nope/redeem"), 404, "voucher_not_found")


async def test_via_must_be_a_known_channel(tenant: Tenant) -> None:
    _, cookie, _ = await _card_with_rewards(tenant)
    response = await tenant.client.post(f"/v1/vouchers/{cookie['id']}/redeem", json={"via": "fax"})
    assert problem(response, 422, "validation_error")["errors"][0]["field"] == "body.via"
