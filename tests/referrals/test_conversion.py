"""A referee converts as the program says (first stamp, n-th stamp, first redemption): the
referrer is rewarded once, by tier, within the limit, and the referral says what it earned."""

from typing import Any

import httpx

from tests.support.factories import ok, stamp, template
from tests.support.referrals import referee, referral_program, referrals_of, referrer


async def _referred(
    api: httpx.AsyncClient, made: dict[str, Any], code: str, email: str
) -> dict[str, Any]:
    return ok(await referee(api, made["program_id"], code, email), 201)  # type: ignore[no-any-return]


async def _events(api: httpx.AsyncClient, event_type: str) -> list[dict[str, Any]]:
    return ok(await api.get("/v1/events", params={"type": event_type}))["data"]  # type: ignore[no-any-return]


async def test_the_first_stamp_rewards_the_referrer_once(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    ben = await _referred(api, made, ada["code"], "ben@example.com")

    first = await stamp(api, ben["id"])
    await stamp(api, ben["id"])

    [referral] = await referrals_of(api, made["id"])
    assert (referral["status"], referral["reward"], referral["ordinal"]) == (
        "converted",
        "rewarded",
        1,
    )
    assert referral["conversion"]["on"] == "stamp"
    assert referral["conversion"]["lifetime_stamps"] == 1
    [converted] = await _events(api, "referral_converted")
    assert converted["customer"]["id"] == ada["customer_id"]
    assert converted["referral"]["referee"]["id"] == ben["customer_id"]
    assert converted["conversion"]["stamp_id"] == referral["conversion"]["stamp_id"]
    assert converted["voucher"]["id"] == referral["referrer_voucher_id"]
    assert converted["voucher"]["redeem_code"].startswith("REF-")
    assert converted["reward"] == {
        "status": "rewarded",
        "detail": None,
        "ordinal": 1,
        "tier": None,
        "voucher_id": referral["referrer_voucher_id"],
    }
    reward = ok(await api.get(f"/v1/vouchers/{referral['referrer_voucher_id']}"))
    assert (reward["customer_id"], reward["title"]) == (ada["customer_id"], "Free coffee")
    assert reward["card_id"] is not None  # on the referrer's card in the program
    assert first["card"]["lifetime_stamps"] == 1
    after = ok(await api.get(f"/v1/referral-programs/{made['id']}/referrers/{ada['customer_id']}"))
    assert (after["successful_referrals"], after["rewards"]) == (1, 1)


async def test_the_nth_stamp_converts_also_within_one_add(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, conversion={"on": "stamp", "stamps": 3})
    ada = await referrer(api, made)
    ben = await _referred(api, made, ada["code"], "ben@example.com")
    cleo = await _referred(api, made, ada["code"], "cleo@example.com")

    await stamp(api, ben["id"], 2)
    await stamp(api, cleo["id"], 5)
    assert {r["referee_card_id"]: r["status"] for r in await referrals_of(api, made["id"])} == {
        ben["id"]: "pending",
        cleo["id"]: "converted",
    }
    await stamp(api, ben["id"])

    assert {r["status"] for r in await referrals_of(api, made["id"])} == {"converted"}


async def test_redeeming_the_welcome_voucher_converts(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, conversion={"on": "redemption"})
    ada = await referrer(api, made)
    ben = await _referred(api, made, ada["code"], "ben@example.com")

    await stamp(api, ben["id"])
    assert (await referrals_of(api, made["id"]))[0]["status"] == "pending"
    welcome = ben["referral"]["voucher"]
    ok(
        await api.post(
            "/v1/vouchers/redeem", json={"code": welcome["redeem_code"], "card_id": ben["id"]}
        )
    )

    [referral] = await referrals_of(api, made["id"])
    assert referral["status"] == "converted"
    assert referral["conversion"]["voucher_id"] == welcome["id"]


async def test_tiers_give_the_bigger_reward_from_their_referral_on(api: httpx.AsyncClient) -> None:
    big = await template(api, title="Big", redeem_code={"type": "pattern", "pattern": "BIG-####"})
    made = await referral_program(api, tiers=[{"referrals": 3, "template_id": big["id"]}])
    ada = await referrer(api, made)

    for n in range(4):
        friend = await _referred(api, made, ada["code"], f"friend{n}@example.com")
        await stamp(api, friend["id"])

    rewards = sorted(
        (r["ordinal"], r["tier"], r["reward"]) for r in await referrals_of(api, made["id"])
    )
    assert rewards == [
        (1, None, "rewarded"),
        (2, None, "rewarded"),
        (3, 3, "rewarded"),
        (4, 3, "rewarded"),
    ]
    titles = [e["voucher"]["title"] for e in reversed(await _events(api, "referral_converted"))]
    assert titles == ["Free coffee", "Free coffee", "Big", "Big"]


async def test_conversions_over_the_limit_are_recorded_unrewarded(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, limit={"rewards": 2, "per": "month"})
    ada = await referrer(api, made)

    for n in range(3):
        friend = await _referred(api, made, ada["code"], f"friend{n}@example.com")
        await stamp(api, friend["id"])

    outcomes = sorted((r["ordinal"], r["reward"]) for r in await referrals_of(api, made["id"]))
    assert outcomes == [(1, "rewarded"), (2, "rewarded"), (3, "limit_reached")]
    last = (await _events(api, "referral_converted"))[0]
    assert last["voucher"] is None
    assert last["reward"]["status"] == "limit_reached"
    assert last["reward"]["detail"] == (
        "The referrer got 2 rewards this month already (at most 2 per month)."
    )
    shown = ok(await api.get(f"/v1/referral-programs/{made['id']}/referrers/{ada['customer_id']}"))
    assert (shown["successful_referrals"], shown["rewards"]) == (3, 2)


async def test_an_empty_reward_pool_fails_the_reward_not_the_stamp(api: httpx.AsyncClient) -> None:
    pooled = await template(api, title="Gift", redeem_code={"type": "pool"})
    made = await referral_program(api, referrer_template_id=pooled["id"])
    ada = await referrer(api, made)
    ben = await _referred(api, made, ada["code"], "ben@example.com")

    stamped = await stamp(api, ben["id"])

    assert stamped["stamps_added"] == 1
    [referral] = await referrals_of(api, made["id"])
    assert (referral["status"], referral["reward"]) == ("converted", "reward_failed")
    assert "code pool" in referral["reward_detail"]


async def test_a_customer_page_shows_whom_they_referred_and_what_it_earned(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    ben = await _referred(api, made, ada["code"], "ben@example.com")
    await _referred(api, made, ada["code"], "cleo@example.com")
    await stamp(api, ben["id"])

    hers = ok(await api.get(f"/v1/customers/{ada['customer_id']}/referrals"))
    his = ok(await api.get(f"/v1/customers/{ben['customer_id']}/referrals"))

    assert [c["code"] for c in hers["codes"]] == [ada["code"]]
    assert hers["codes"][0]["successful_referrals"] == 1
    assert [(r["status"], r["reward"]) for r in hers["referred"]] == [
        ("pending", None),
        ("converted", "rewarded"),
    ]
    assert hers["referred_by"] is None
    assert his["referred_by"]["referrer_customer_id"] == ada["customer_id"]
    assert his["codes"] == his["referred"] == []
