"""A redemption can be rolled back within the window: redeemable again, and an event."""

from datetime import timedelta

from sqlalchemy import update

from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.vouchers.service import vouchers
from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, staff_key, stamp


async def _redeemed_coffee(tenant: Tenant) -> tuple[dict, dict]:  # type: ignore[type-arg]
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    _, coffee = (await stamp(api, the_card["id"], 10))["vouchers_issued"]
    body = {
        "code": coffee["redeem_code"],
        "via": "staff_scanner",
        "location_id": tenant.location_id,
    }
    ok(await api.post("/v1/vouchers/redeem", json=body))
    return the_card, coffee


async def test_rollback_makes_the_voucher_redeemable_again(tenant: Tenant) -> None:
    api = tenant.client
    the_card, coffee = await _redeemed_coffee(tenant)
    rolled = ok(
        await api.post(
            f"/v1/vouchers/{coffee['id']}/redemption/rollback", json={"reason": "wrong voucher"}
        )
    )
    assert rolled["status"] == "issued"
    assert rolled["redeemed_at"] is rolled["redeemed_via"] is rolled["redeemed_staff_id"] is None
    history = ok(await api.get(f"/v1/cards/{the_card['id']}/history", params={"limit": 2}))
    event, redemption = history["data"]
    assert event["event"] == "voucher_redemption_rolled_back"
    assert event["voucher"]["status"] == "issued"
    assert event["redemption"]["redeemed_at"] == redemption["voucher"]["redeemed_at"]
    assert event["redemption"]["redeemed_via"] == "staff_scanner"
    assert event["redemption"]["location_id"] == tenant.location_id
    assert event["redemption"]["staff_id"] == tenant.staff_id
    assert event["redemption"]["reason"] == "wrong voucher"
    # Redeemable again, and the second redemption can itself be rolled back.
    ok(await api.post("/v1/vouchers/redeem", json={"code": coffee["redeem_code"]}))
    ok(await api.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"))


async def test_nothing_to_roll_back_is_409(tenant: Tenant) -> None:
    api = tenant.client
    _, coffee = await _redeemed_coffee(tenant)
    ok(await api.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"))
    problem(
        await api.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"),
        409,
        "voucher_not_redeemed",
    )
    problem(await api.post("/v1/vouchers/vch_nope/redemption/rollback"), 404, "voucher_not_found")


async def test_outside_the_window_is_409_with_its_own_code(tenant: Tenant, db: Database) -> None:
    api = tenant.client
    _, coffee = await _redeemed_coffee(tenant)
    async with db.transaction() as session:  # the redemption happened 31 minutes ago
        await session.execute(
            update(vouchers)
            .where(vouchers.c.business_id == tenant.business_id, vouchers.c.id == coffee["id"])
            .values(redeemed_at=utcnow() - timedelta(minutes=31))
        )
    body = problem(
        await api.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"),
        409,
        "rollback_window_passed",
    )
    assert body["window_minutes"] == 30
    assert ok(await api.get(f"/v1/vouchers/{coffee['id']}"))["status"] == "redeemed"


async def test_staff_of_another_location_cannot_roll_back(tenant: Tenant) -> None:
    api = tenant.client
    _, coffee = await _redeemed_coffee(tenant)
    other = ok(await api.post("/v1/locations", json={"name": "Harbour"}), 201)
    _, key = await staff_key(api, "scanner", other["id"])
    async with await tenant.client_for(key) as scanner:
        problem(
            await scanner.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"),
            403,
            "location_forbidden",
        )
    _, here = await staff_key(api, "scanner", tenant.location_id)
    async with await tenant.client_for(here) as scanner:
        ok(await scanner.post(f"/v1/vouchers/{coffee['id']}/redemption/rollback"))
