"""Redeem-code guards under parallel requests through two server processes on PostgreSQL."""

import httpx

from tests.e2e.test_concurrency import assert_statuses, concurrently, every_page
from tests.support.factories import card, coffee_program, ok, staff_key

LIMIT = 10  # failed look-ups per key per window (the default)


async def test_a_redemption_is_rolled_back_exactly_once(live_api: httpx.AsyncClient) -> None:
    the_card = await card(live_api, (await coffee_program(live_api))["id"])
    body = {"card_id": the_card["id"], "custom": {"title": "Free muffin"}}
    voucher = ok(await live_api.post("/v1/vouchers", json=body), 201)
    ok(await live_api.post(f"/v1/vouchers/{voucher['id']}/redeem", json={}))

    responses = await concurrently(
        50, lambda: live_api.post(f"/v1/vouchers/{voucher['id']}/redemption/rollback", json={})
    )

    assert_statuses(responses, {200: 1, 409: 49})
    assert {r.json()["code"] for r in responses if r.status_code == 409} == {"voucher_not_redeemed"}
    events = {"type": "voucher_redemption_rolled_back", "voucher_id": voucher["id"]}
    assert len(await every_page(live_api, "/v1/events", **events)) == 1
    ok(await live_api.post(f"/v1/vouchers/{voucher['id']}/redeem", json={}))


async def test_failed_lookup_limit_holds_across_server_processes(
    live_api: httpx.AsyncClient,
) -> None:
    _, key = await staff_key(live_api, "scanner")
    guesser = httpx.AsyncClient(
        base_url=str(live_api.base_url),
        headers={"Authorization": f"Bearer {key}"},
        limits=httpx.Limits(max_connections=100),
        timeout=60.0,
    )
    async with guesser:
        guesses = iter(range(1000))
        responses = await concurrently(
            40, lambda: guesser.post("/v1/vouchers/redeem", json={"code": f"G-{next(guesses)}"})
        )
    assert_statuses(responses, {404: LIMIT, 429: 40 - LIMIT})
    refused = [r for r in responses if r.status_code == 429]
    assert all(0 < int(r.headers["retry-after"]) <= 300 for r in refused)
    failures = await every_page(live_api, "/v1/code-lookup-failures")
    mine = [f for f in failures if f["code"].startswith("G-")]
    assert LIMIT <= len(mine) <= 40
