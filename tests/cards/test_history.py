from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, stamp


async def test_history_lists_everything_newest_first_with_cursor(tenant: Tenant) -> None:
    api = tenant.client
    the_card = await card(api, (await coffee_program(api))["id"])
    result = await stamp(api, the_card["id"], 5)
    voucher_id = result["vouchers_issued"][0]["id"]
    ok(await api.post(f"/v1/vouchers/{voucher_id}/redeem", json={"via": "staff_scanner"}))
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = ok(await api.get(f"/v1/cards/{the_card['id']}/history", params=params))
        seen += [event["event"] for event in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [
        "voucher_redeemed",
        "voucher_issued",
        "reward_issued",
        "goal_reached",
        "stamp_added",
        "card_issued",
    ]


async def test_history_of_unknown_card_is_404(tenant: Tenant) -> None:
    problem(await tenant.client.get("/v1/cards/card_x/history"), 404, "card_not_found")
