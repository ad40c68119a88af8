"""A till's sale may carry a referral code (the customer joined at the counter), and a
referee's sale may be what converts their referral."""

from typing import Any

import httpx

from tests.support.factories import card, ok
from tests.support.pos import connector, receipt, send_signed
from tests.support.referrals import referral_program, referrals_of, referrer, refusals_of


async def _till(api: httpx.AsyncClient, made: dict[str, Any]) -> dict[str, Any]:
    rule = {"per": "amount", "amount": 500}
    return await connector(api, made["program_id"], currency="EUR", stamp_rule=rule)


async def _sell(
    api: httpx.AsyncClient, till: dict[str, Any], sale: dict[str, Any]
) -> dict[str, Any]:
    path = f"/v1/pos/{till['id']}/webhook"
    return ok(await send_signed(api, path, till["signing_secret"], sale))["sale"]  # type: ignore[no-any-return]


async def test_a_sale_with_a_code_refers_the_new_customer_and_converts_on_its_stamps(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)
    till = await _till(api, made)
    ada = await referrer(api, made)
    ben = await card(api, made["program_id"], "ben@example.com")

    sale = await _sell(
        api,
        till,
        {**receipt("R-1", 1250, email="ben@example.com"), "referral_code": ada["code"]},
    )

    assert (sale["outcome"], sale["stamps"]) == ("stamped", 2)
    [referral] = await referrals_of(api, made["id"])
    assert (referral["via"], referral["referee_card_id"]) == ("pos", ben["id"])
    assert (referral["status"], referral["reward"]) == ("converted", "rewarded")
    assert referral["conversion"]["lifetime_stamps"] == 2


async def test_a_referees_sale_over_the_amount_converts(api: httpx.AsyncClient) -> None:
    made = await referral_program(api, conversion={"on": "pos_sale", "min_amount": 2000})
    till = await _till(api, made)
    ada = await referrer(api, made)
    ben = ok(
        await api.post(
            "/v1/cards",
            json={
                "program_id": made["program_id"],
                "customer": {"email": "ben@example.com"},
                "referral_code": ada["code"],
            },
        ),
        201,
    )

    small = await _sell(api, till, receipt("R-1", 1500, scan_code=ben["scan_code"]))
    assert (await referrals_of(api, made["id"]))[0]["status"] == "pending"
    big = await _sell(api, till, receipt("R-2", 2500, scan_code=ben["scan_code"]))

    assert small["outcome"] == big["outcome"] == "stamped"
    [referral] = await referrals_of(api, made["id"])
    assert referral["status"] == "converted"
    assert {
        k: referral["conversion"][k] for k in ("on", "sale_id", "transaction_id", "amount")
    } == {
        "on": "pos_sale",
        "sale_id": big["id"],
        "transaction_id": "R-2",
        "amount": 2500,
    }
    [event] = ok(await api.get("/v1/events", params={"type": "referral_converted"}))["data"]
    assert (event["conversion"]["connector_id"], event["conversion"]["currency"]) == (
        till["id"],
        "EUR",
    )


async def test_a_code_the_sale_cannot_use_is_refused_and_the_sale_stamps(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)
    till = await _till(api, made)
    ada = await referrer(api, made, "ada@example.com")
    await card(api, made["program_id"], "ben@example.com")

    unknown = await _sell(
        api, till, {**receipt("R-1", 500, email="ben@example.com"), "referral_code": "GUESS-1"}
    )
    own = await _sell(
        api, till, {**receipt("R-2", 500, email="ada@example.com"), "referral_code": ada["code"]}
    )
    nobody = await _sell(
        api, till, {**receipt("R-3", 500, email="x@example.com"), "referral_code": ada["code"]}
    )

    assert [s["outcome"] for s in (unknown, own, nobody)] == ["stamped", "stamped", "no_customer"]
    refusals = await refusals_of(api)
    assert [(r["reason"], r["via"]) for r in refusals] == [
        ("referee_not_found", "pos"),
        ("self_referral", "pos"),
        ("unknown_code", "pos"),
    ]
    assert refusals[1]["detail"] == "The referee is the referrer (the same customer)."
    assert await referrals_of(api, made["id"]) == []


async def test_a_bad_referral_code_in_a_signed_sale_is_a_422(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    till = await _till(api, made)

    for bad in (42, "X" * 65, "FRIEND\x00"):
        answer = await send_signed(
            api,
            f"/v1/pos/{till['id']}/webhook",
            till["signing_secret"],
            {**receipt(f"R-{bad!r}", 500), "referral_code": bad},
        )
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.json()["errors"][0]["field"] == "referral_code"
