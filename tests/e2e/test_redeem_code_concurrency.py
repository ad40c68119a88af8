"""Redeem-code guards under parallel requests through two server processes on PostgreSQL."""

import asyncio
from collections import Counter
from collections.abc import Awaitable

import httpx
import pytest

from tests.e2e.test_concurrency import assert_statuses, concurrently, every_page
from tests.support.factories import card, coffee_program, ok, staff_key

LIMIT = 10  # failed look-ups per key per window (the default)
ROUNDS = 10  # rollbacks, each raced by many redeems


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


@pytest.mark.parametrize("by", ["id", "code"])
async def test_redeems_racing_a_rollback_are_refused_for_the_true_reason(
    live_api: httpx.AsyncClient, by: str
) -> None:
    """A redeem that loses to a redemption which is then rolled back sees a voucher that is
    issued again by the time it asks why: it must neither call that voucher expired (it has no
    expiry) nor refuse it, as it can be redeemed now."""
    the_card = await card(live_api, (await coffee_program(live_api))["id"])
    body = {"card_id": the_card["id"], "custom": {"title": "Free muffin"}}
    voucher = ok(await live_api.post("/v1/vouchers", json=body), 201)
    url = f"/v1/vouchers/{voucher['id']}"
    ok(await live_api.post(f"{url}/redeem", json={}))

    def redeem() -> Awaitable[httpx.Response]:
        if by == "id":
            return live_api.post(f"{url}/redeem", json={})
        return live_api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]})

    refusals: Counter[str] = Counter()
    for _ in range(ROUNDS):
        rollback = asyncio.ensure_future(live_api.post(f"{url}/redemption/rollback", json={}))
        redeems = await concurrently(40, redeem)
        ok(await rollback)
        assert_statuses(redeems, {200: 1, 409: 39} if is_redeemed(redeems) else {409: 40})
        refusals.update(r.json()["code"] for r in redeems if r.status_code == 409)
        if not is_redeemed(redeems):  # every redeem came before the rollback: redeem it again
            ok(await live_api.post(f"{url}/redeem", json={}))
    assert set(refusals) == {"voucher_already_redeemed"}
    redeemed = await every_page(
        live_api, "/v1/events", type="voucher_redeemed", voucher_id=voucher["id"]
    )
    rolled_back = await every_page(
        live_api, "/v1/events", type="voucher_redemption_rolled_back", voucher_id=voucher["id"]
    )
    assert (len(redeemed), len(rolled_back)) == (ROUNDS + 1, ROUNDS)


def is_redeemed(responses: list[httpx.Response]) -> bool:
    return any(response.status_code == 200 for response in responses)


async def test_redeems_and_rollbacks_racing_alternate(live_api: httpx.AsyncClient) -> None:
    """Each rollback undoes the redemption it read (locked), each redeem takes an issued
    voucher: successes alternate, and every refusal says what the voucher was."""
    the_card = await card(live_api, (await coffee_program(live_api))["id"])
    body = {"card_id": the_card["id"], "custom": {"title": "Free muffin"}}
    voucher = ok(await live_api.post("/v1/vouchers", json=body), 201)
    url = f"/v1/vouchers/{voucher['id']}"
    ok(await live_api.post(f"{url}/redeem", json={}))

    calls = ["redemption/rollback", "redeem"] * 30
    responses = await asyncio.gather(*(live_api.post(f"{url}/{call}", json={}) for call in calls))

    answers = [
        (call, r.status_code, r.json().get("code"))
        for call, r in zip(calls, responses, strict=True)
    ]
    refusals = {(call, code) for call, status, code in answers if status == 409}
    assert refusals <= {
        ("redemption/rollback", "voucher_not_redeemed"),
        ("redeem", "voucher_already_redeemed"),
    }
    outcomes = Counter((call, status) for call, status, _ in answers)
    rolled_back, redeemed = outcomes["redemption/rollback", 200], outcomes["redeem", 200]
    assert redeemed in (rolled_back, rolled_back - 1)
    final = ok(await live_api.get(url))
    assert final["status"] == ("redeemed" if redeemed == rolled_back else "issued")
    events = await every_page(live_api, "/v1/events", voucher_id=voucher["id"])
    kinds = Counter(event["event"] for event in events)
    assert (kinds["voucher_redeemed"], kinds["voucher_redemption_rolled_back"]) == (
        redeemed + 1,
        rolled_back,
    )
