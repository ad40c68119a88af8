"""Referral conversions racing through two server processes on PostgreSQL: a referee converts
once however many of their stamps or redemptions race, and the conversions of one referrer are
counted one after another, so tiers and limits hand out exactly the right rewards."""

import asyncio
from collections import Counter
from typing import Any

import httpx
import pytest

from tests.e2e.test_concurrency import assert_statuses, concurrently, every_page, unique
from tests.support.factories import ok, stamp, template
from tests.support.referrals import referee, referral_program, referrer

RACERS = 30


async def _referred(api: httpx.AsyncClient, made: dict[str, Any], code: str) -> dict[str, Any]:
    email = f"{unique('friend')}@example.com"
    return ok(await referee(api, made["program_id"], code, email), 201)  # type: ignore[no-any-return]


async def _converted(api: httpx.AsyncClient, made: dict[str, Any]) -> list[dict[str, Any]]:
    path = f"/v1/referral-programs/{made['id']}/referrals"
    return [r for r in await every_page(api, path) if r["status"] == "converted"]


async def _conversion_events(api: httpx.AsyncClient, made: dict[str, Any]) -> list[Any]:
    """The program's referral_converted events (the e2e server's business is shared)."""
    found = await every_page(api, "/v1/events", type="referral_converted")
    return [e for e in found if e["referral"]["referral_program"]["id"] == made["id"]]


async def test_racing_stamps_of_a_referee_reward_the_referrer_once(
    live_api: httpx.AsyncClient,
) -> None:
    made = await referral_program(live_api)
    ada = await referrer(live_api, made)
    ben = await _referred(live_api, made, ada["code"])

    responses = await concurrently(
        RACERS, lambda: live_api.post(f"/v1/cards/{ben['id']}/stamps", json={"count": 1})
    )

    assert_statuses(responses, {201: RACERS})
    [referral] = await _converted(live_api, made)
    assert (referral["reward"], referral["ordinal"]) == ("rewarded", 1)
    events = await _conversion_events(live_api, made)
    assert [e["referral"]["id"] for e in events] == [referral["id"]]
    rewards = await every_page(live_api, "/v1/vouchers", customer_id=ada["customer_id"])
    assert [v["id"] for v in rewards] == [referral["referrer_voucher_id"]]


async def test_racing_redemptions_of_a_referee_reward_the_referrer_once(
    live_api: httpx.AsyncClient,
) -> None:
    made = await referral_program(live_api, conversion={"on": "redemption"})
    ada = await referrer(live_api, made)
    ben = await _referred(live_api, made, ada["code"])
    gifts = [
        ok(
            await live_api.post(
                "/v1/vouchers", json={"card_id": ben["id"], "custom": {"title": "Gift"}}
            ),
            201,
        )
        for _ in range(RACERS)
    ]
    waiting = iter(gifts)

    responses = await concurrently(
        RACERS,
        lambda: live_api.post("/v1/vouchers/redeem", json={"code": next(waiting)["redeem_code"]}),
    )

    assert_statuses(responses, {200: RACERS})
    [referral] = await _converted(live_api, made)
    assert referral["conversion"]["voucher_id"] in {g["id"] for g in gifts}
    assert len(await _conversion_events(live_api, made)) == 1
    shown = ok(
        await live_api.get(f"/v1/referral-programs/{made['id']}/referrers/{ada['customer_id']}")
    )
    assert (shown["successful_referrals"], shown["rewards"]) == (1, 1)


@pytest.mark.parametrize("before", [0, 2])
async def test_racing_referees_of_one_referrer_get_exactly_the_tier_and_limit_rewards(
    live_api: httpx.AsyncClient, before: int
) -> None:
    """Tier from the 3rd referral, at most 3 rewards a month: whatever the order the
    conversions commit in, ordinals are 1, 2, 3, ... once each, the 3rd gets the tier's
    reward, and three in all are rewarded."""
    big = await template(
        live_api, title="Big", redeem_code={"type": "pattern", "pattern": "BIG-####"}
    )
    made = await referral_program(
        live_api,
        tiers=[{"referrals": 3, "template_id": big["id"]}],
        limit={"rewards": 3, "per": "month"},
    )
    ada = await referrer(live_api, made)
    friends = [await _referred(live_api, made, ada["code"]) for _ in range(before + 8)]
    for early in friends[:before]:
        await stamp(live_api, early["id"])
    racing = friends[before:]

    responses = await asyncio.gather(
        *(live_api.post(f"/v1/cards/{f['id']}/stamps", json={"count": 1}) for f in racing)
    )

    assert_statuses(list(responses), {201: len(racing)})
    converted = await _converted(live_api, made)
    assert sorted(r["ordinal"] for r in converted) == list(range(1, before + 9))
    by_ordinal = {r["ordinal"]: r for r in converted}
    assert Counter(r["reward"] for r in converted) == {"rewarded": 3, "limit_reached": before + 5}
    assert [by_ordinal[n]["reward"] for n in (1, 2, 3)] == ["rewarded"] * 3
    assert by_ordinal[3]["tier"] == 3
    titles = Counter(
        e["voucher"]["title"] for e in await _conversion_events(live_api, made) if e["voucher"]
    )
    assert titles == {"Free coffee": 2, "Big": 1}
