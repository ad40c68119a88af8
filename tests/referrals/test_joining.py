"""A new customer brings a referral code when a card is issued by API: the referral and the
referee's welcome voucher come with the card; a code that cannot count is refused with its
reason, recorded, and the card is issued without it."""

from typing import Any

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, problem, stamp, template
from tests.support.referrals import (
    referee,
    referral_program,
    referrals_of,
    referrer,
    refusals_of,
)


async def test_a_new_customer_with_a_code_gets_a_card_a_referral_and_a_welcome_voucher(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made, "ada@example.com")

    issued = ok(await referee(api, made["program_id"], ada["code"].lower(), "ben@example.com"), 201)

    joined = issued["referral"]
    assert (joined["status"], joined["referral_program_id"]) == ("joined", made["id"])
    assert joined["voucher"]["title"] == "Welcome cookie"
    assert joined["voucher"]["card_id"] == issued["id"]
    [referral] = await referrals_of(api, made["id"])
    assert referral["id"] == joined["referral_id"]
    assert (referral["status"], referral["via"], referral["code"]) == (
        "pending",
        "api",
        ada["code"],
    )
    assert referral["referrer_customer_id"] == ada["customer_id"]
    assert referral["referee_customer_id"] == issued["customer_id"]
    assert referral["referee_voucher_id"] == joined["voucher"]["id"]
    history = ok(await api.get(f"/v1/cards/{issued['id']}/history"))["data"]
    assert [e["event"] for e in history][:3] == ["voucher_issued", "referral_joined", "card_issued"]
    event = history[1]
    assert event["customer"]["id"] == issued["customer_id"]
    assert event["referral"]["referrer"]["id"] == ada["customer_id"]
    assert event["referral"]["referral_program"] == {"id": made["id"], "name": "Bring a friend"}
    assert event["voucher"]["id"] == joined["voucher"]["id"]


async def test_an_unknown_code_refuses_the_card_whole_and_counts_as_a_failed_look_up(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)

    answer = await referee(api, made["program_id"], "GUESS-1234", "ben@example.com")

    body = problem(answer, 422, "referral_code_not_found")
    assert body["errors"][0]["field"] == "body.referral_code"
    assert ok(await api.get("/v1/customers", params={"email": "ben@example.com"}))["data"] == []
    [failure] = ok(await api.get("/v1/code-lookup-failures"))["data"]
    assert (failure["operation"], failure["code"]) == ("referral", "GUESS-1234")


async def test_too_many_unknown_codes_block_the_key_before_it_looks_up(
    api: httpx.AsyncClient,
) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    for n in range(10):
        await referee(api, made["program_id"], f"GUESS-{n:04d}", f"guess{n}@example.com")

    blocked = await referee(api, made["program_id"], ada["code"], "ben@example.com")

    problem(blocked, 429, "too_many_failed_lookups")
    assert int(blocked.headers["retry-after"]) > 0


async def test_a_code_of_another_programs_referrals_is_unknown(api: httpx.AsyncClient) -> None:
    ada = await referrer(api, await referral_program(api))
    elsewhere = await coffee_program(api)

    answer = await referee(api, elsewhere["id"], ada["code"], "ben@example.com")

    problem(answer, 422, "referral_code_not_found")


async def _refused(api: httpx.AsyncClient, answer: httpx.Response, reason: str) -> dict[str, Any]:
    """The card was issued (or returned) without a referral, the refusal recorded."""
    issued = answer.json()
    assert answer.status_code in (200, 201), answer.text
    assert (issued["referral"]["status"], issued["referral"]["reason"]) == ("refused", reason)
    [refusal] = await refusals_of(api, issued["referral"]["referral_program_id"])
    assert refusal["reason"] == reason
    assert refusal["detail"] == issued["referral"]["detail"]
    return refusal  # type: ignore[no-any-return]


async def test_a_referrer_cannot_refer_themself(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made, "ada@example.com")

    answer = await referee(api, made["program_id"], ada["code"], "ada@example.com")

    refusal = await _refused(api, answer, "self_referral")
    assert refusal["detail"] == "The referee is the referrer (the same email)."
    assert (refusal["referrer_customer_id"], refusal["referee_customer_id"]) == (
        ada["customer_id"],
        ada["customer_id"],
    )
    assert await referrals_of(api, made["id"]) == []


async def test_a_customer_who_collected_stamps_is_not_new(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made)
    regular = await card(api, made["program_id"], "cleo@example.com")
    await stamp(api, regular["id"])

    answer = await referee(api, made["program_id"], ada["code"], "cleo@example.com")

    await _refused(api, answer, "existing_customer")
    assert answer.status_code == 200  # the card she had


async def test_one_referrer_per_referee_for_life(api: httpx.AsyncClient) -> None:
    made = await referral_program(api)
    ada, dan = await referrer(api, made), await referrer(api, made)
    ok(await referee(api, made["program_id"], ada["code"], "ben@example.com"), 201)

    again = await referee(api, made["program_id"], dan["code"], "ben@example.com")

    await _refused(api, again, "already_referred")
    [referral] = await referrals_of(api, made["id"])
    assert referral["referrer_customer_id"] == ada["customer_id"]


async def test_programs_outside_their_window_refuse_new_referees(api: httpx.AsyncClient) -> None:
    later = await referral_program(api, starts_at="2099-01-01T00:00:00Z")
    over = await referral_program(api, ends_at="2020-01-01T00:00:00Z")
    archived = await referral_program(api)
    codes = {
        "program_not_started": (await referrer(api, later))["code"],
        "program_ended": (await referrer(api, over))["code"],
        "program_archived": (await referrer(api, archived))["code"],
    }
    ok(await api.delete(f"/v1/referral-programs/{archived['id']}"), 204)
    programs = {
        "program_not_started": later,
        "program_ended": over,
        "program_archived": archived,
    }

    for n, (reason, code) in enumerate(codes.items()):
        answer = await referee(api, programs[reason]["program_id"], code, f"new{n}@example.com")
        await _refused(api, answer, reason)


async def test_an_empty_welcome_pool_still_makes_the_referral(api: httpx.AsyncClient) -> None:
    pooled = await template(api, title="Welcome gift", redeem_code={"type": "pool"})
    made = await referral_program(api, referee_template_id=pooled["id"])
    ada = await referrer(api, made)

    issued = ok(await referee(api, made["program_id"], ada["code"], "ben@example.com"), 201)

    joined = issued["referral"]
    assert (joined["status"], joined["voucher"]) == ("joined", None)
    assert "code pool" in joined["voucher_error"]
    alert = ok(await api.get("/v1/events", params={"type": "code_pool_empty"}))["data"]
    assert [e["template"]["id"] for e in alert] == [pooled["id"]]


async def test_refusals_of_every_program_are_listed_together(
    api: httpx.AsyncClient, tenant: Tenant
) -> None:
    made = await referral_program(api)
    ada = await referrer(api, made, "ada@example.com")
    await referee(api, made["program_id"], ada["code"], "ada@example.com")

    listed = await refusals_of(api)

    assert [(r["reason"], r["referral_program_id"]) for r in listed] == [
        ("self_referral", made["id"])
    ]
    only = ok(await api.get("/v1/referral-refusals", params={"reason": "existing_customer"}))
    assert only["data"] == []
