"""Referrals cost the stamp and redeem paths nothing unless the card's customer is a pending
referee: the same statements, none of them about referrals (the card's flag comes back with
the statements those paths already run)."""

import re

import httpx

from tests.conftest import Tenant
from tests.support.factories import card, coffee_program, ok, stamp
from tests.support.referrals import referee, referral_program, referrer
from tests.support.statements import server_statements

REFERRAL_TABLES = re.compile(r"\breferral(s|_codes|_programs|_refusals)\b")


async def _stamp_and_redeem(tenant: Tenant, card_id: str) -> list[str]:
    """The statements of one stamp and of one redemption by code of a card."""
    api: httpx.AsyncClient = tenant.client
    voucher = ok(
        await api.post("/v1/vouchers", json={"card_id": card_id, "custom": {"title": "Gift"}}),
        201,
    )
    async with server_statements(tenant) as seen:
        await stamp(api, card_id)
        ok(await api.post("/v1/vouchers/redeem", json={"code": voucher["redeem_code"]}))
    return seen


async def test_cards_of_customers_who_are_no_pending_referees_run_the_same_statements(
    tenant: Tenant,
) -> None:
    api = tenant.client
    plain = await card(api, (await coffee_program(api))["id"])
    baseline = await _stamp_and_redeem(tenant, plain["id"])
    made = await referral_program(api, conversion={"on": "stamp", "stamps": 1})
    ada = await referrer(api, made)
    member = await card(api, made["program_id"])  # in a program with referrals, no referee
    converted = ok(await referee(api, made["program_id"], ada["code"], "ben@example.com"), 201)
    await stamp(api, converted["id"])  # converts: the card's flag is cleared

    for card_id in (member["id"], converted["id"]):
        assert await _stamp_and_redeem(tenant, card_id) == baseline, card_id
    assert not [sql for sql in baseline if REFERRAL_TABLES.search(sql)]


async def test_a_pending_referees_stamp_looks_its_referral_up(tenant: Tenant) -> None:
    api = tenant.client
    made = await referral_program(api, conversion={"on": "stamp", "stamps": 3})
    ada = await referrer(api, made)
    pending = ok(await referee(api, made["program_id"], ada["code"], "ben@example.com"), 201)

    async with server_statements(tenant) as seen:
        await stamp(api, pending["id"])

    assert any(REFERRAL_TABLES.search(sql) for sql in seen)
