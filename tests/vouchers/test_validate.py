"""Checking a code tells what a redemption would do now, and changes nothing."""

from datetime import UTC, datetime, timedelta

from punchcard.db.engine import Database
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, expire, ok, stamp


async def _validate(tenant: Tenant, **body: object) -> dict:  # type: ignore[type-arg]
    return ok(await tenant.client.post("/v1/vouchers/validate", json=body))  # type: ignore[no-any-return]


async def test_redeemable_code_shows_voucher_customer_card_and_expiry(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    cookie, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    checked = await _validate(tenant, code=f" {coffee['redeem_code'].lower()} ")
    assert checked["redeemable"] is True
    assert checked["reason"] is None
    assert checked["voucher"]["id"] == coffee["id"]
    assert checked["voucher"]["expires_at"] == coffee["expires_at"]
    assert checked["customer"]["id"] == the_card["customer_id"]
    assert checked["card"]["id"] == the_card["id"]
    assert checked["card"]["scan_code"] == the_card["scan_code"]
    # Nothing changed: still issued, no redemption event.
    assert ok(await api.get(f"/v1/vouchers/{coffee['id']}"))["status"] == "issued"
    redeemed = ok(await api.get("/v1/events", params={"type": "voucher_redeemed"}))
    assert redeemed["data"] == []
    shared = await _validate(tenant, code="FREECOOKIE", card_id=the_card["id"])
    assert (shared["redeemable"], shared["voucher"]["id"]) == (True, cookie["id"])


async def test_reasons_match_what_a_redemption_would_answer(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    _, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    ok(await api.post("/v1/vouchers/redeem", json={"code": coffee["redeem_code"]}))
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    old = ok(
        await api.post(
            "/v1/vouchers",
            json={"card_id": the_card["id"], "custom": {"title": "Old", "expires_at": soon}},
        ),
        201,
    )
    await expire(db, [old["id"]], datetime.now(UTC) - timedelta(minutes=1))
    cases = {
        "voucher_already_redeemed": {"code": coffee["redeem_code"]},
        "voucher_expired": {"code": old["redeem_code"]},
        "redeem_code_ambiguous": {"code": "FREECOOKIE"},
        "voucher_not_found": {"code": "NO-SUCH-CODE"},
    }
    for reason, body in cases.items():
        checked = await _validate(tenant, **body)
        assert (checked["redeemable"], checked["reason"]) == (False, reason), checked
        assert checked["detail"]
    assert (await _validate(tenant, code="NO-SUCH-CODE"))["voucher"] is None
    redeemed = await _validate(tenant, code=coffee["redeem_code"])
    assert redeemed["voucher"]["redeemed_via"] == "api"
    assert redeemed["customer"]["id"] == the_card["customer_id"]
